import { notFound } from "../errors";
import { withAccruing } from "./accruing-endpoint-usage";
import { accruingUsageOf } from "./accruing-usage";
import { aggregateUnbilledUsage } from "./aggregate-usage";
import { periodBounds, periodOf } from "./billing-period";
import { buildInvoice, type InvoiceDraft } from "./build-invoice";
import { addSharedTokenEnergy } from "./estimate-shared-token-energy";
import { loadBillingCustomer } from "./load-billing-customer";
import { loadRatingTerms } from "./load-rating-terms";
import {
  priceAccruingWindows,
  type AccruingCharge,
  type AccruingWindow,
} from "./price-accruing-windows";
import { rateUsage } from "./rate-usage";
import type { SqlClient } from "./sql-client";

/**
 * The live draft — "charges so far": everything not yet invoiced that started before the end of
 * the current billing month (so late usage of an invoiced month shows as an adjustment), rated as
 * finalisation will rate it. Computed on each call, never stored.
 *
 * With `accruing`, endpoints' open quota windows and running jobs count too, up to `now`, as the
 * usage records settling them would (accruingUsageOf): added into the lines they will settle into
 * and priced with them, so a line's amount is the same before and after its window settles. They are
 * returned apart as well, each priced on its own by the same rule (priceAccruingWindows), so that
 * a page can say how much of a line is not yet settled and what it comes to.
 */
export async function getInvoiceDraft(
  database: SqlClient,
  input: { organizationId: string; sellerCountry: string; now?: Date; accruing?: boolean },
): Promise<
  InvoiceDraft & {
    periodStart: Date;
    periodEnd: Date;
    timeZone: string;
    accruing: AccruingCharge[];
    /**
     * The keys (lineKeyOf) of the shared tiers' lines whose energy includes their endpoints'
     * open windows, estimated up to their last call and not yet settled (only with `accruing`).
     */
    unsettledEnergy: Set<string>;
  }
> {
  const customer = await loadBillingCustomer(database, input.organizationId);
  if (!customer) throw notFound("Organisation");
  const now = input.now ?? new Date();
  const period = periodOf(now, customer.timeZone);
  const bounds = periodBounds(period, customer.timeZone);
  const scope = {
    organizationId: input.organizationId,
    period,
    bounds,
    timeZone: customer.timeZone,
  };
  const unbilled = await aggregateUnbilledUsage(database, [scope]);
  const settled = unbilled.get(input.organizationId)?.aggregates ?? [];
  // Read after the settled records: see accruingUsageOf.
  const accruing: AccruingWindow[] = input.accruing
    ? ((await accruingUsageOf(database, [scope], now)).get(input.organizationId) ?? [])
    : [];
  const aggregates = withAccruing(settled, accruing);
  const terms = await loadRatingTerms(database, aggregates, { lock: false });
  // The shared models' endpoints' open windows count as this organisation's own endpoints' do.
  const unsettledEnergy = await addSharedTokenEnergy(
    database,
    [{ aggregates, timeZone: customer.timeZone }],
    terms.classes,
    input.accruing ? now : undefined,
  );
  // What each award has left once the settled lines drew on it: the windows draw on the rest.
  const subsidyLeft = new Map<string, bigint>();
  rateUsage(settled, terms.prices, terms.allocationOfLine, subsidyLeft);
  const draft = buildInvoice({
    period,
    aggregates,
    terms,
    customer,
    sellerCountry: input.sellerCountry,
    fallbackCurrency: "EUR",
  });
  return {
    ...draft,
    periodStart: bounds.start,
    periodEnd: bounds.end,
    timeZone: customer.timeZone,
    unsettledEnergy,
    accruing: priceAccruingWindows(accruing, terms.prices, terms.allocationOfLine, subsidyLeft),
  };
}
