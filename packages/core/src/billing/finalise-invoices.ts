import { randomUUID } from "node:crypto";
import { Prisma, columnsOf, type Database } from "@tessera/db";
import type { Actor } from "../actor";
import { auditEventsSql, type GatedAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { aggregateUnbilledUsage } from "./aggregate-usage";
import { periodBounds } from "./billing-period";
import { buildInvoice, type InvoiceDraft } from "./build-invoice";
import { loadBillingCustomers, type BillingCustomer } from "./load-billing-customer";
import { loadRatingTerms } from "./load-rating-terms";
import { invoiceSeries, takeInvoiceNumbers } from "./take-invoice-number";

type Tx = Prisma.TransactionClient;

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
async function lockOrganizations(tx: Tx, organizationIds: readonly string[]): Promise<void> {
  await tx.$queryRaw(Prisma.sql`
    SELECT count(pg_advisory_xact_lock(hashtext('tessera:invoice'), k.key))
      FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest(${[...organizationIds]}::text[]) AS id
             ORDER BY 1) AS k`);
}

interface Prepared {
  item: InvoiceToFinalise;
  id: string;
  customer: BillingCustomer;
  bounds: { start: Date; end: Date };
  usageThroughId: bigint;
  draft: InvoiceDraft;
  number: string;
  sequence: number;
}

const column = <T>(items: readonly Prepared[], pick: (p: Prepared) => T) => items.map(pick);

/** The invoices, their lines, the months' claims and the payment records, one statement each. */
async function writeInvoices(tx: Tx, actor: Actor, items: Prepared[], now: Date): Promise<void> {
  const text = (value: bigint) => value.toString();
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "Invoice" ("id", "organizationId", "kind", "number", "sequence", "period",
                           "periodStart", "periodEnd", "timeZone", "currency", "listMinor",
                           "programmeMinor", "tenantNetMinor", "vatTreatment", "vatCountry",
                           "vatRateBps", "vatMinor", "tenantTotalMinor", "energyMilliWh",
                           "customerName", "customerCountry", "customerVatId", "finalisedAt",
                           "finalisedById", "usageThroughId")
    SELECT i.id, i.org, 'INVOICE', i.number, i.sequence, i.period,
           i.period_start::timestamptz AT TIME ZONE 'UTC', i.period_end::timestamptz AT TIME ZONE 'UTC',
           i.tz, i.currency, i.list::bigint, i.programme::bigint, i.tenant_net::bigint,
           i.vat_treatment::"VatTreatment", i.vat_country, i.vat_rate, i.vat::bigint,
           i.tenant_total::bigint, i.energy::bigint, i.customer_name, i.customer_country,
           i.customer_vat_id, ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC',
           ${actor.userId}::text, i.through::bigint
      FROM unnest(${column(items, (p) => p.id)}::text[], ${column(items, (p) => p.item.organizationId)}::text[],
                  ${column(items, (p) => p.number)}::text[], ${column(items, (p) => p.sequence)}::int[],
                  ${column(items, (p) => p.item.period)}::text[],
                  ${column(items, (p) => p.bounds.start.toISOString())}::text[],
                  ${column(items, (p) => p.bounds.end.toISOString())}::text[],
                  ${column(items, (p) => p.customer.timeZone)}::text[],
                  ${column(items, (p) => p.draft.currency)}::text[],
                  ${column(items, (p) => text(p.draft.listMinor))}::text[],
                  ${column(items, (p) => text(p.draft.programmeMinor))}::text[],
                  ${column(items, (p) => text(p.draft.tenantNetMinor))}::text[],
                  ${column(items, (p) => p.draft.vat.treatment)}::text[],
                  ${column(items, (p) => p.draft.vat.country)}::text[],
                  ${column(items, (p) => p.draft.vat.rateBps)}::int[],
                  ${column(items, (p) => text(p.draft.vatMinor))}::text[],
                  ${column(items, (p) => text(p.draft.tenantTotalMinor))}::text[],
                  ${column(items, (p) => text(p.draft.energyMilliWh))}::text[],
                  ${column(items, (p) => p.customer.name)}::text[],
                  ${column(items, (p) => p.customer.country)}::text[],
                  ${column(items, (p) => p.customer.vatId)}::text[],
                  ${column(items, (p) => text(p.usageThroughId))}::text[])
        AS i(id, org, number, sequence, period, period_start, period_end, tz, currency, list,
             programme, tenant_net, vat_treatment, vat_country, vat_rate, vat, tenant_total,
             energy, customer_name, customer_country, customer_vat_id, through)`);

  const lines = items.flatMap((p) => p.draft.lines.map((line) => ({ p, line })));
  const lineColumn = columnsOf(
    lines.map(({ p, line }) => ({
      invoiceId: p.id,
      organizationId: p.item.organizationId,
      position: line.position,
      kind: line.kind,
      usagePeriod: line.usagePeriod,
      resourceClassId: line.resourceClassId,
      resourceClassCode: line.resourceClassCode,
      description: line.description,
      priceVersionId: line.priceVersionId,
      allocationId: line.allocationId,
      allocationLineId: line.allocationLineId,
      unitSeconds: text(line.unitSeconds),
      tokens: text(line.tokens),
      minorPerUnitHour: line.minorPerUnitHour,
      listMinor: text(line.listMinor),
      programmeMinor: text(line.programmeMinor),
      tenantMinor: text(line.tenantMinor),
      energyMilliWh: text(line.energyMilliWh),
      energyBasis: line.energyMeasured ? "MEASURED" : "ESTIMATED",
    })),
  );
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "InvoiceLine" ("id", "invoiceId", "organizationId", "position", "kind",
                               "usagePeriod", "resourceClassId", "resourceClassCode", "description",
                               "priceVersionId", "allocationId", "allocationLineId", "unitSeconds",
                               "tokens", "minorPerUnitHour", "listMinor", "programmeMinor",
                               "tenantMinor", "energyMilliWh", "energyBasis")
    SELECT gen_random_uuid()::text, l.invoice, l.org, l.position, l.kind::"InvoiceLineKind",
           l.usage_period, l.class, l.class_code, l.description, l.price_version, l.allocation,
           l.allocation_line, l.unit_seconds::bigint, l.tokens::bigint, l.price, l.list::bigint,
           l.programme::bigint, l.tenant::bigint, l.energy::bigint, l.energy_basis::"EnergyBasis"
      FROM unnest(${lineColumn("invoiceId")}::text[], ${lineColumn("organizationId")}::text[],
                  ${lineColumn("position")}::int[], ${lineColumn("kind")}::text[],
                  ${lineColumn("usagePeriod")}::text[], ${lineColumn("resourceClassId")}::text[],
                  ${lineColumn("resourceClassCode")}::text[], ${lineColumn("description")}::text[],
                  ${lineColumn("priceVersionId")}::text[], ${lineColumn("allocationId")}::text[],
                  ${lineColumn("allocationLineId")}::text[], ${lineColumn("unitSeconds")}::text[],
                  ${lineColumn("tokens")}::text[], ${lineColumn("minorPerUnitHour")}::int[],
                  ${lineColumn("listMinor")}::text[], ${lineColumn("programmeMinor")}::text[],
                  ${lineColumn("tenantMinor")}::text[], ${lineColumn("energyMilliWh")}::text[],
                  ${lineColumn("energyBasis")}::text[])
        AS l(invoice, org, position, kind, usage_period, class, class_code, description,
             price_version, allocation, allocation_line, unit_seconds, tokens, price, list,
             programme, tenant, energy, energy_basis)`);

  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "InvoicePeriodClaim" ("organizationId", "period", "invoiceId")
    SELECT * FROM unnest(${column(items, (p) => p.item.organizationId)}::text[],
                         ${column(items, (p) => p.item.period)}::text[],
                         ${column(items, (p) => p.id)}::text[])`);
  // The Stripe idempotency key is stored now, before any call to Stripe.
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "InvoicePayment" ("invoiceId", "organizationId", "status", "idempotencyKey",
                                  "updatedAt")
    SELECT p.id, p.org, p.status::"PaymentStatus", 'tessera-invoice-' || p.id, now()
      FROM unnest(${column(items, (p) => p.id)}::text[],
                  ${column(items, (p) => p.item.organizationId)}::text[],
                  ${column(items, (p) => (p.draft.tenantTotalMinor > 0n ? "PENDING" : "NOT_DUE"))}::text[])
        AS p(id, org, status)`);

  const events: GatedAuditEvent[] = items.map((p) => ({
    actor,
    key: p.id,
    input: {
      action: "invoice.finalised",
      organizationId: p.item.organizationId,
      targetType: "Invoice",
      targetId: p.id,
      data: {
        number: p.number,
        period: p.item.period,
        lines: p.draft.lines.length,
        listMinor: p.draft.listMinor.toString(),
        programmeMinor: p.draft.programmeMinor.toString(),
        tenantTotalMinor: p.draft.tenantTotalMinor.toString(),
      },
    },
  }));
  // Last, so the platform-wide chain lock is held only for this statement and the commit.
  await tx.$queryRaw(Prisma.sql`
    WITH RECURSIVE finalised AS (SELECT unnest(${column(items, (p) => p.id)}::text[]) AS id),
    ${auditEventsSql(events, { cte: "finalised", column: "id" })}
    SELECT count(*) FROM audit`);
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
  input: { items: readonly InvoiceToFinalise[]; sellerCountry: string; now?: Date },
): Promise<(FinalisedInvoiceRef | null)[]> {
  const now = input.now ?? new Date();
  const organizationIds = input.items.map((item) => item.organizationId);
  if (new Set(organizationIds).size !== organizationIds.length) {
    throw new Error("finaliseInvoices: one month per organisation at a time");
  }
  if (input.items.length === 0) return [];
  return database.$transaction(async (tx) => {
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
      const bounds = periodBounds(item.period, customer.timeZone);
      if (now < bounds.end) {
        throw new AppError(
          "PRECONDITION_FAILED",
          `${item.period} is not over yet; its invoice is still a draft.`,
        );
      }
      return { item, customer, bounds };
    });
    const usage = await aggregateUnbilledUsage(
      tx,
      scopes.map(({ item, customer, bounds }) => ({
        organizationId: item.organizationId,
        before: bounds.end,
        timeZone: customer.timeZone,
      })),
    );
    const billable = scopes.filter(({ item }) => {
      const unbilled = usage.get(item.organizationId)!;
      const later = unbilled.latest !== null && item.period <= unbilled.latest.period;
      return !later && unbilled.aggregates.length > 0;
    });
    const terms = await loadRatingTerms(
      tx,
      billable.flatMap(({ item }) => usage.get(item.organizationId)!.aggregates),
      { lock: true },
    );
    const drafts = billable.map((scope) => {
      const unbilled = usage.get(scope.item.organizationId)!;
      const before = unbilled.latest?.throughId ?? 0n;
      return {
        ...scope,
        usageThroughId: unbilled.throughId > before ? unbilled.throughId : before,
        draft: buildInvoice({
          period: scope.item.period,
          aggregates: unbilled.aggregates,
          terms,
          customer: scope.customer,
          sellerCountry: input.sellerCountry,
          fallbackCurrency: "EUR",
        }),
      };
    });
    // Numbers in the order of the items, each year's series taken once.
    const prepared: Prepared[] = [];
    const bySeries = new Map<string, typeof drafts>();
    for (const draft of drafts) {
      const series = invoiceSeries("INV", draft.item.period);
      bySeries.set(series, [...(bySeries.get(series) ?? []), draft]);
    }
    for (const [series, members] of [...bySeries].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const numbers = await takeInvoiceNumbers(tx, series, members.length);
      members.forEach((draft, index) =>
        prepared.push({ ...draft, id: randomUUID(), ...numbers[index]! }),
      );
    }
    if (prepared.length > 0) await writeInvoices(tx, actor, prepared, now);
    const written = new Map(prepared.map((p) => [p.item.organizationId, p]));
    return input.items.map((item): FinalisedInvoiceRef | null => {
      const claim = claimed.get(item.organizationId);
      if (claim) return { invoiceId: claim.invoiceId, number: claim.number, created: false };
      const invoice = written.get(item.organizationId);
      return invoice ? { invoiceId: invoice.id, number: invoice.number, created: true } : null;
    });
  }, TX_OPTIONS);
}
