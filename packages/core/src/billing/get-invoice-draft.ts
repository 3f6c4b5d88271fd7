import { notFound } from "../errors";
import { aggregateUnbilledUsage } from "./aggregate-usage";
import { periodBounds, periodOf } from "./billing-period";
import { buildInvoice, type InvoiceDraft } from "./build-invoice";
import { addSharedTokenEnergy } from "./estimate-shared-token-energy";
import { loadBillingCustomer } from "./load-billing-customer";
import { loadRatingTerms } from "./load-rating-terms";
import type { SqlClient } from "./sql-client";

/**
 * The live draft — "charges so far": everything not yet invoiced that started before the end of
 * the current billing month (so late usage of an invoiced month shows as an adjustment), rated as
 * finalisation will rate it. Computed on each call, never stored.
 */
export async function getInvoiceDraft(
  database: SqlClient,
  input: { organizationId: string; sellerCountry: string; now?: Date },
): Promise<InvoiceDraft & { periodStart: Date; periodEnd: Date; timeZone: string }> {
  const customer = await loadBillingCustomer(database, input.organizationId);
  if (!customer) throw notFound("Organisation");
  const period = periodOf(input.now ?? new Date(), customer.timeZone);
  const bounds = periodBounds(period, customer.timeZone);
  const unbilled = await aggregateUnbilledUsage(database, [
    { organizationId: input.organizationId, period, bounds, timeZone: customer.timeZone },
  ]);
  const aggregates = unbilled.get(input.organizationId)?.aggregates ?? [];
  const terms = await loadRatingTerms(database, aggregates, { lock: false });
  await addSharedTokenEnergy(
    database,
    [{ aggregates, timeZone: customer.timeZone }],
    terms.classes,
  );
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
  };
}
