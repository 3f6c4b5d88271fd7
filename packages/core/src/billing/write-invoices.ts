import { Prisma, columnsOf } from "@tessera/db";
import type { Actor } from "../actor";
import { auditEventsSql, type GatedAuditEvent } from "../audit/record-audit-event";
import type { InvoiceDraft } from "./build-invoice";
import type { BillingCustomer } from "./load-billing-customer";
import type { SqlClient } from "./sql-client";

/** A month's invoice, rated, numbered and ready to be written. */
export interface InvoiceToWrite {
  id: string;
  organizationId: string;
  period: string;
  bounds: { start: Date; end: Date };
  customer: BillingCustomer;
  draft: InvoiceDraft;
  number: string;
  sequence: number;
  /** The highest usage record id the invoice covers. */
  usageThroughId: bigint;
}

const text = (value: bigint) => value.toString();

/**
 * The invoices with the months' claims and the payment records (the Stripe idempotency key stored
 * now, before any call to Stripe), in one statement: the claims and payment records are made from
 * the inserted invoices, so nothing is sent twice.
 */
function invoicesSql(items: readonly InvoiceToWrite[], actor: Actor, now: Date): Prisma.Sql {
  const column = columnsOf(
    items.map((p) => ({
      id: p.id,
      organizationId: p.organizationId,
      number: p.number,
      sequence: p.sequence,
      period: p.period,
      periodStart: p.bounds.start.toISOString(),
      periodEnd: p.bounds.end.toISOString(),
      timeZone: p.customer.timeZone,
      currency: p.draft.currency,
      list: text(p.draft.listMinor),
      programme: text(p.draft.programmeMinor),
      tenantNet: text(p.draft.tenantNetMinor),
      vatTreatment: p.draft.vat.treatment,
      vatCountry: p.draft.vat.country,
      vatRate: p.draft.vat.rateBps,
      vat: text(p.draft.vatMinor),
      tenantTotal: text(p.draft.tenantTotalMinor),
      energy: text(p.draft.energyMilliWh),
      customerName: p.customer.name,
      customerCountry: p.customer.country,
      customerVatId: p.customer.vatId,
      through: text(p.usageThroughId),
    })),
  );
  return Prisma.sql`
    WITH invoice AS (
      INSERT INTO "Invoice" ("id", "organizationId", "kind", "number", "sequence", "period",
                             "periodStart", "periodEnd", "timeZone", "currency", "listMinor",
                             "programmeMinor", "tenantNetMinor", "vatTreatment", "vatCountry",
                             "vatRateBps", "vatMinor", "tenantTotalMinor", "energyMilliWh",
                             "customerName", "customerCountry", "customerVatId", "finalisedAt",
                             "finalisedById", "usageThroughId")
      SELECT i.id, i.org, 'INVOICE', i.number, i.sequence, i.period,
             i.period_start::timestamptz AT TIME ZONE 'UTC',
             i.period_end::timestamptz AT TIME ZONE 'UTC', i.tz, i.currency, i.list::bigint,
             i.programme::bigint, i.tenant_net::bigint, i.vat_treatment::"VatTreatment",
             i.vat_country, i.vat_rate, i.vat::bigint, i.tenant_total::bigint, i.energy::bigint,
             i.customer_name, i.customer_country, i.customer_vat_id,
             ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${actor.userId}::text,
             i.through::bigint
        FROM unnest(${column("id")}::text[], ${column("organizationId")}::text[],
                    ${column("number")}::text[], ${column("sequence")}::int[],
                    ${column("period")}::text[], ${column("periodStart")}::text[],
                    ${column("periodEnd")}::text[], ${column("timeZone")}::text[],
                    ${column("currency")}::text[], ${column("list")}::text[],
                    ${column("programme")}::text[], ${column("tenantNet")}::text[],
                    ${column("vatTreatment")}::text[], ${column("vatCountry")}::text[],
                    ${column("vatRate")}::int[], ${column("vat")}::text[],
                    ${column("tenantTotal")}::text[], ${column("energy")}::text[],
                    ${column("customerName")}::text[], ${column("customerCountry")}::text[],
                    ${column("customerVatId")}::text[], ${column("through")}::text[])
          AS i(id, org, number, sequence, period, period_start, period_end, tz, currency, list,
               programme, tenant_net, vat_treatment, vat_country, vat_rate, vat, tenant_total,
               energy, customer_name, customer_country, customer_vat_id, through)
      RETURNING "id", "organizationId", "period", "tenantTotalMinor"
    ), claim AS (
      INSERT INTO "InvoicePeriodClaim" ("organizationId", "period", "invoiceId")
      SELECT "organizationId", "period", "id" FROM invoice
    )
    INSERT INTO "InvoicePayment" ("invoiceId", "organizationId", "status", "idempotencyKey",
                                  "updatedAt")
    SELECT "id", "organizationId",
           (CASE WHEN "tenantTotalMinor" > 0 THEN 'PENDING' ELSE 'NOT_DUE' END)::"PaymentStatus",
           'tessera-invoice-' || "id", now()
      FROM invoice`;
}

/** Every line of the invoices, in one statement. */
function linesSql(items: readonly InvoiceToWrite[]): Prisma.Sql {
  const column = columnsOf(
    items.flatMap((p) =>
      p.draft.lines.map((line) => ({
        invoiceId: p.id,
        organizationId: p.organizationId,
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
    ),
  );
  return Prisma.sql`
    INSERT INTO "InvoiceLine" ("id", "invoiceId", "organizationId", "position", "kind",
                               "usagePeriod", "resourceClassId", "resourceClassCode", "description",
                               "priceVersionId", "allocationId", "allocationLineId", "unitSeconds",
                               "tokens", "minorPerUnitHour", "listMinor", "programmeMinor",
                               "tenantMinor", "energyMilliWh", "energyBasis")
    SELECT gen_random_uuid()::text, l.invoice, l.org, l.position, l.kind::"InvoiceLineKind",
           l.usage_period, l.class, l.class_code, l.description, l.price_version, l.allocation,
           l.allocation_line, l.unit_seconds::bigint, l.tokens::bigint, l.price, l.list::bigint,
           l.programme::bigint, l.tenant::bigint, l.energy::bigint, l.energy_basis::"EnergyBasis"
      FROM unnest(${column("invoiceId")}::text[], ${column("organizationId")}::text[],
                  ${column("position")}::int[], ${column("kind")}::text[],
                  ${column("usagePeriod")}::text[], ${column("resourceClassId")}::text[],
                  ${column("resourceClassCode")}::text[], ${column("description")}::text[],
                  ${column("priceVersionId")}::text[], ${column("allocationId")}::text[],
                  ${column("allocationLineId")}::text[], ${column("unitSeconds")}::text[],
                  ${column("tokens")}::text[], ${column("minorPerUnitHour")}::int[],
                  ${column("listMinor")}::text[], ${column("programmeMinor")}::text[],
                  ${column("tenantMinor")}::text[], ${column("energyMilliWh")}::text[],
                  ${column("energyBasis")}::text[])
        AS l(invoice, org, position, kind, usage_period, class, class_code, description,
             price_version, allocation, allocation_line, unit_seconds, tokens, price, list,
             programme, tenant, energy, energy_basis)`;
}

/** One "invoice.finalised" event per invoice, appended to the audit chain in one statement. */
function auditSql(items: readonly InvoiceToWrite[], actor: Actor): Prisma.Sql {
  const events: GatedAuditEvent[] = items.map((p) => ({
    actor,
    key: p.id,
    input: {
      action: "invoice.finalised",
      organizationId: p.organizationId,
      targetType: "Invoice",
      targetId: p.id,
      data: {
        number: p.number,
        period: p.period,
        lines: p.draft.lines.length,
        listMinor: p.draft.listMinor.toString(),
        programmeMinor: p.draft.programmeMinor.toString(),
        tenantTotalMinor: p.draft.tenantTotalMinor.toString(),
      },
    },
  }));
  return Prisma.sql`
    WITH RECURSIVE finalised AS (SELECT unnest(${items.map((p) => p.id)}::text[]) AS id),
    ${auditEventsSql(events, { cte: "finalised", column: "id" })}
    SELECT count(*) FROM audit`;
}

/**
 * Writes finalised invoices in the caller's transaction, in three statements whatever their
 * number: the invoices with their months' claims and payment records, their lines, and their audit
 * events — last, so the platform-wide chain lock is held only for that statement and the commit.
 */
export async function writeInvoices(
  client: SqlClient,
  actor: Actor,
  items: readonly InvoiceToWrite[],
  now: Date,
): Promise<void> {
  if (items.length === 0) return;
  await client.$queryRaw(invoicesSql(items, actor, now));
  await client.$queryRaw(linesSql(items));
  await client.$queryRaw(auditSql(items, actor));
}
