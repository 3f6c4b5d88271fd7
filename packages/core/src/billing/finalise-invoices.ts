import { randomUUID } from "node:crypto";
import { Prisma, rawTransaction, type Database } from "@tessera/db";
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import { aggregateUnbilledUsage } from "./aggregate-usage";
import { periodBoundsMemo } from "./billing-period";
import { buildInvoice } from "./build-invoice";
import { configuredInvoiceIssuer } from "./configured-invoice-issuer";
import { addSharedTokenEnergy } from "./estimate-shared-token-energy";
import type { InvoiceIssuer } from "./invoice-issuer";
import { loadBillingCustomers } from "./load-billing-customer";
import { loadRatingTerms } from "./load-rating-terms";
import { sqlClientOf, type SqlClient } from "./sql-client";
import { invoiceSeries, takeInvoiceNumbers } from "./take-invoice-number";
import { prepareInvoiceLines, writeInvoices, type InvoiceToWrite } from "./write-invoices";

/** A month's invoice after a run. */
export interface FinalisedInvoiceRef {
  invoiceId: string;
  number: string;
  /** False when the month already had its invoice (another run made it). */
  created: boolean;
}

export interface InvoiceToFinalise {
  organizationId: string;
  period: string;
}

/** The invoice lock of each organisation, exclusively, in the order every taker uses. */
async function lockOrganizations(tx: SqlClient, organizationIds: readonly string[]): Promise<void> {
  await tx.$queryRaw(Prisma.sql`
    SELECT count(pg_advisory_xact_lock(hashtext('tessera:invoice'), k.key))
      FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest(${[...organizationIds]}::text[]) AS id
             ORDER BY 1) AS k`);
}

/**
 * Finalises the invoices of billing months that are over — any number of organisations, one
 * month each — in one transaction: under each organisation's invoice lock (exclusive; every
 * usage record takes its shared side before it takes its id, see the billing cut in the schema),
 * every record no invoice covers yet that started before the month's end is summed (late usage of
 * earlier months becomes LATE_USAGE lines), rated once per line with each award's subsidy drawn
 * under its row lock, numbered without gaps and written — the invoice covering the records up to
 * the highest id summed (never less than the invoice before it covered), its lines, the month's
 * claim, the payment record (the Stripe idempotency key stored before any call) and an audit
 * event. All or nothing: a crash leaves no part of any. Two runs at once make one invoice per
 * month: the locks serialise them and the month's claim is unique. A month before the
 * organisation's latest invoice is not invoiced on its own (its late usage goes on the next
 * invoice). Results come in the order of `items`; null where there is nothing to bill.
 */
export async function finaliseInvoices(
  database: Database,
  actor: Actor,
  input: {
    items: readonly InvoiceToFinalise[];
    sellerCountry: string;
    now?: Date;
    /** The operator issuing the invoices; the configured one by default. */
    supplier?: InvoiceIssuer;
  },
): Promise<(FinalisedInvoiceRef | null)[]> {
  const now = input.now ?? new Date();
  const supplier = input.supplier ?? configuredInvoiceIssuer();
  const organizationIds = input.items.map((item) => item.organizationId);
  if (new Set(organizationIds).size !== organizationIds.length) {
    throw new Error("finaliseInvoices: one month per organisation at a time");
  }
  if (input.items.length === 0) return [];
  const boundsIn = periodBoundsMemo();
  // Straight on the driver (no ORM round trip per statement): a batch ships tens of thousands of
  // values each way.
  return rawTransaction(database, async (statement, copy) => {
    const tx = sqlClientOf(statement, copy);
    // The statements are index lookups per organisation; their estimated cost grows with the
    // batch, and compiling them (JIT) would cost more than running them.
    await tx.$queryRaw(Prisma.sql`SET LOCAL jit = off`);
    await lockOrganizations(tx, organizationIds);
    const claims = await tx.$queryRaw<
      { organizationId: string; invoiceId: string; number: string }[]
    >(
      Prisma.sql`
      SELECT c."organizationId", c."invoiceId", inv."number"
        FROM unnest(${organizationIds}::text[], ${input.items.map((item) => item.period)}::text[])
          AS i(org, period)
        JOIN "InvoicePeriodClaim" c ON c."organizationId" = i.org AND c."period" = i.period
        JOIN "Invoice" inv ON inv."id" = c."invoiceId"`,
    );
    const claimed = new Map(claims.map((claim) => [claim.organizationId, claim]));
    const open = input.items.filter((item) => !claimed.has(item.organizationId));
    const customers = await loadBillingCustomers(
      tx,
      open.map((item) => item.organizationId),
    );
    const scopes = open.map((item) => {
      const customer = customers.get(item.organizationId);
      if (!customer) throw notFound("Organisation");
      const bounds = boundsIn(item.period, customer.timeZone);
      if (now < bounds.end) {
        throw new AppError(
          "PRECONDITION_FAILED",
          `${item.period} is not over yet; its invoice is still a draft.`,
        );
      }
      return {
        organizationId: item.organizationId,
        period: item.period,
        bounds,
        timeZone: customer.timeZone,
        customer,
      };
    });
    // Each organisation's records (about a hundred) are grouped in a hash table: the planner cannot
    // know how many an organisation has, guesses a handful and would sort them, which costs a
    // third more over a run. For this one statement only.
    await tx.$queryRaw(Prisma.sql`SET LOCAL enable_sort = off`);
    const usage = await aggregateUnbilledUsage(tx, scopes);
    await tx.$queryRaw(Prisma.sql`SET LOCAL enable_sort = on`);
    const billable = scopes.filter((scope) => {
      const unbilled = usage.get(scope.organizationId)!;
      const later = unbilled.latest !== null && scope.period <= unbilled.latest.period;
      return !later && unbilled.aggregates.length > 0;
    });
    const terms = await loadRatingTerms(
      tx,
      billable.flatMap((scope) => usage.get(scope.organizationId)!.aggregates),
      { lock: true },
    );
    await addSharedTokenEnergy(
      tx,
      billable.map((scope) => ({
        aggregates: usage.get(scope.organizationId)!.aggregates,
        timeZone: scope.timeZone,
      })),
      terms.classes,
    );
    // Invoices of the batch that draw on one award share what it has left.
    const subsidyLeft = new Map<string, bigint>();
    const drafts = billable.map((scope) => {
      const unbilled = usage.get(scope.organizationId)!;
      const before = unbilled.latest?.throughId ?? 0n;
      return {
        id: randomUUID(),
        organizationId: scope.organizationId,
        scope,
        usageThroughId: unbilled.throughId > before ? unbilled.throughId : before,
        draft: buildInvoice({
          period: scope.period,
          aggregates: unbilled.aggregates,
          terms,
          customer: scope.customer,
          sellerCountry: input.sellerCountry,
          fallbackCurrency: "EUR",
          subsidyLeft,
        }),
      };
    });
    // Everything that does not need the numbers is done before they are taken: from then on the
    // number series is locked until the commit, and the next batch waits for it.
    const lines = prepareInvoiceLines(tx, drafts);
    // Numbers in the order of the items, each year's series taken once.
    const bySeries = new Map<string, typeof drafts>();
    for (const draft of drafts) {
      const series = invoiceSeries("INV", draft.scope.period);
      const members = bySeries.get(series);
      if (members) members.push(draft);
      else bySeries.set(series, [draft]);
    }
    const prepared: InvoiceToWrite[] = [];
    for (const [series, members] of [...bySeries].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const numbers = await takeInvoiceNumbers(tx, series, members.length);
      members.forEach(({ id, scope, usageThroughId, draft }, index) =>
        prepared.push({
          id,
          organizationId: scope.organizationId,
          period: scope.period,
          bounds: scope.bounds,
          customer: scope.customer,
          draft,
          number: numbers[index]!.number,
          sequence: numbers[index]!.sequence,
          usageThroughId,
        }),
      );
    }
    await writeInvoices(tx, actor, prepared, lines, now, supplier);
    const written = new Map(prepared.map((p) => [p.organizationId, p]));
    return input.items.map((item): FinalisedInvoiceRef | null => {
      const claim = claimed.get(item.organizationId);
      if (claim) return { invoiceId: claim.invoiceId, number: claim.number, created: false };
      const invoice = written.get(item.organizationId);
      return invoice ? { invoiceId: invoice.id, number: invoice.number, created: true } : null;
    });
  });
}
