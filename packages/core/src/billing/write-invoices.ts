import { randomUUID } from "node:crypto";
import { copyRowsOf, Prisma, type CopyValue } from "@tessera/db";
import type { Actor } from "../actor";
import { auditEventsSql, type GatedAuditEvent } from "../audit/record-audit-event";
import type { InvoiceDraft } from "./build-invoice";
import type { InvoiceIssuer } from "./invoice-issuer";
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

/*
 * Rows go to the database as one JSON document per statement (json_to_recordset), not as a
 * parameter array per column: a batch sends tens of thousands of values, and JSON.stringify
 * writes them many times faster than arrays are escaped value by value. Amounts travel as strings
 * (JSON numbers stop being exact past 2^53).
 */

/**
 * The invoices with the months' claims and the payment records (the Stripe idempotency key stored
 * now, before any call to Stripe), in one statement: the claims and payment records are made from
 * the inserted invoices.
 */
function invoicesSql(
  items: readonly InvoiceToWrite[],
  actor: Actor,
  now: Date,
  supplier: InvoiceIssuer,
): Prisma.Sql {
  const rows = items.map((p) => ({
    id: p.id,
    organizationId: p.organizationId,
    number: p.number,
    sequence: p.sequence,
    period: p.period,
    periodStart: p.bounds.start.toISOString(),
    periodEnd: p.bounds.end.toISOString(),
    timeZone: p.customer.timeZone,
    currency: p.draft.currency,
    listMinor: text(p.draft.listMinor),
    programmeMinor: text(p.draft.programmeMinor),
    tenantNetMinor: text(p.draft.tenantNetMinor),
    vatTreatment: p.draft.vat.treatment,
    vatCountry: p.draft.vat.country,
    vatRateBps: p.draft.vat.rateBps,
    vatMinor: text(p.draft.vatMinor),
    tenantTotalMinor: text(p.draft.tenantTotalMinor),
    energyMilliWh: text(p.draft.energyMilliWh),
    customerName: p.customer.name,
    customerCountry: p.customer.country,
    customerVatId: p.customer.vatId,
    customerAddress: p.customer.billingAddress,
    usageThroughId: text(p.usageThroughId),
  }));
  return Prisma.sql`
    WITH invoice AS (
      INSERT INTO "Invoice" ("id", "organizationId", "kind", "number", "sequence", "period",
                             "periodStart", "periodEnd", "timeZone", "currency", "listMinor",
                             "programmeMinor", "tenantNetMinor", "vatTreatment", "vatCountry",
                             "vatRateBps", "vatMinor", "tenantTotalMinor", "energyMilliWh",
                             "customerName", "customerCountry", "customerVatId", "customerAddress",
                             "supplierName",
                             "supplierAddress", "supplierVatId", "paymentTermsDays", "finalisedAt",
                             "finalisedById", "usageThroughId")
      SELECT i."id", i."organizationId", 'INVOICE', i."number", i."sequence", i."period",
             i."periodStart" AT TIME ZONE 'UTC', i."periodEnd" AT TIME ZONE 'UTC', i."timeZone",
             i."currency", i."listMinor", i."programmeMinor", i."tenantNetMinor",
             i."vatTreatment", i."vatCountry", i."vatRateBps", i."vatMinor",
             i."tenantTotalMinor", i."energyMilliWh", i."customerName", i."customerCountry",
             i."customerVatId", i."customerAddress", ${supplier.name}::text, ${supplier.address}::text,
             ${supplier.vatId}::text, ${supplier.paymentTermsDays}::int,
             ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC',
             ${actor.userId}::text, i."usageThroughId"
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS i(
               "id" text, "organizationId" text, "number" text, "sequence" int, "period" text,
               "periodStart" timestamptz, "periodEnd" timestamptz, "timeZone" text,
               "currency" text, "listMinor" bigint, "programmeMinor" bigint,
               "tenantNetMinor" bigint, "vatTreatment" "VatTreatment", "vatCountry" text,
               "vatRateBps" int, "vatMinor" bigint, "tenantTotalMinor" bigint,
               "energyMilliWh" bigint, "customerName" text, "customerCountry" text,
               "customerVatId" text, "customerAddress" text, "usageThroughId" bigint)
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

/** The columns of the invoices' lines, in the order lineRows gives their values, with their types. */
const LINE_COLUMNS = [
  ["id", "text"],
  ["invoiceId", "text"],
  ["organizationId", "text"],
  ["position", "int"],
  ["kind", `"InvoiceLineKind"`],
  ["usagePeriod", "text"],
  ["resourceClassId", "text"],
  ["resourceClassCode", "text"],
  ["description", "text"],
  ["priceVersionId", "text"],
  ["allocationId", "text"],
  ["allocationLineId", "text"],
  ["unitSeconds", "bigint"],
  ["tokens", "bigint"],
  ["minorPerUnitHour", "int"],
  ["listMinor", "bigint"],
  ["programmeMinor", "bigint"],
  ["tenantMinor", "bigint"],
  ["energyMilliWh", "bigint"],
  ["energyBasis", `"EnergyBasis"`],
] as const;

/** The invoices whose lines are to be written: each one's id and organisation, and its lines. */
export type InvoiceLinesOf = Pick<InvoiceToWrite, "id" | "organizationId" | "draft">;

/** Every line of the invoices as a row of values in LINE_COLUMNS' order. */
function lineRows(items: readonly InvoiceLinesOf[]): CopyValue[][] {
  return items.flatMap((p) =>
    p.draft.lines.map((line) => [
      randomUUID(),
      p.id,
      p.organizationId,
      line.position,
      line.kind,
      line.usagePeriod,
      line.resourceClassId,
      line.resourceClassCode,
      line.description,
      line.priceVersionId,
      line.allocationId,
      line.allocationLineId,
      line.unitSeconds,
      line.tokens,
      line.minorPerUnitHour,
      line.listMinor,
      line.programmeMinor,
      line.tenantMinor,
      line.energyMilliWh,
      line.energyMeasured ? "MEASURED" : "ESTIMATED",
    ]),
  );
}

/** Lines made ready to write (prepareInvoiceLines): writing them is all that is left. */
export interface PreparedLines {
  write(): Promise<void>;
}

/**
 * The lines of invoices about to be finalised, made ready to write before the invoices are
 * numbered (they do not need their numbers), so that as little as possible happens while the
 * number series is locked. With COPY where the client has it (a batch's thousands of lines are the
 * run's biggest write, and COPY is the cheapest way in for PostgreSQL and for Node), else one
 * INSERT.
 */
export function prepareInvoiceLines(
  client: SqlClient,
  items: readonly InvoiceLinesOf[],
): PreparedLines {
  const rows = lineRows(items);
  const { copy } = client;
  if (copy) {
    const data = copyRowsOf(rows);
    const columns = LINE_COLUMNS.map(([name]) => name);
    return { write: () => copy("InvoiceLine", columns, data) };
  }
  const objects = rows.map((row) =>
    Object.fromEntries(
      LINE_COLUMNS.map(([name], index) => {
        const value = row[index] ?? null;
        return [name, typeof value === "bigint" ? value.toString() : value];
      }),
    ),
  );
  const names = Prisma.raw(LINE_COLUMNS.map(([name]) => `"${name}"`).join(", "));
  const typed = Prisma.raw(LINE_COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(", "));
  const insert = Prisma.sql`
    INSERT INTO "InvoiceLine" (${names})
    SELECT ${names} FROM json_to_recordset(${JSON.stringify(objects)}::json) AS l(${typed})`;
  return { write: async () => void (await client.$queryRaw(insert)) };
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
 * Writes finalised invoices in the caller's transaction, in three steps whatever their number: the
 * invoices with their months' claims and payment records, their lines (made ready beforehand by
 * prepareInvoiceLines), and their audit events — last, so the platform-wide chain lock is held
 * only for that statement and the commit. The audit statement is put together while the database
 * writes the invoices. Each invoice stores `supplier`, the operator issuing it, and its terms.
 */
export async function writeInvoices(
  client: SqlClient,
  actor: Actor,
  items: readonly InvoiceToWrite[],
  lines: PreparedLines,
  now: Date,
  supplier: InvoiceIssuer,
): Promise<void> {
  if (items.length === 0) return;
  const invoices = client.$queryRaw(invoicesSql(items, actor, now, supplier));
  const audit = auditSql(items, actor);
  await invoices;
  await lines.write();
  await client.$queryRaw(audit);
}
