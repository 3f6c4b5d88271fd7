import { randomUUID } from "node:crypto";
import { Prisma, type Database, type Invoice } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { aggregateUsage } from "./aggregate-usage";
import { periodBounds } from "./billing-period";
import { buildInvoice } from "./build-invoice";
import { loadBillingCustomer } from "./load-billing-customer";
import { loadRatingTerms } from "./load-rating-terms";
import { takeInvoiceNumber } from "./take-invoice-number";

export interface FinalisedInvoice {
  invoice: Invoice;
  /** False when the month already had its invoice (another run made it). */
  created: boolean;
}

/**
 * Finalises an organisation's invoice for a billing month that is over, in one transaction:
 * every unbilled usage record that started before the month's end is stamped with the new
 * invoice (late usage of earlier months becomes LATE_USAGE lines), summed, rated once per line
 * with each award's subsidy drawn under its row lock, numbered without gaps and written — with
 * its payment record (the Stripe idempotency key stored before any call) and an audit event.
 * Two runs at once make one invoice: an advisory lock per organisation serialises them and the
 * month's claim row is unique. Returns null when there is nothing to bill.
 */
export async function finaliseInvoice(
  database: Database,
  actor: Actor,
  input: { organizationId: string; period: string; sellerCountry: string; now?: Date },
): Promise<FinalisedInvoice | null> {
  const now = input.now ?? new Date();
  return database.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:invoice'), hashtext(${input.organizationId}::text))`;
    const claim = await tx.invoicePeriodClaim.findUnique({
      where: {
        organizationId_period: { organizationId: input.organizationId, period: input.period },
      },
    });
    if (claim) {
      const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: claim.invoiceId } });
      return { invoice, created: false };
    }
    const customer = await loadBillingCustomer(tx, input.organizationId);
    if (!customer) throw notFound("Organisation");
    const bounds = periodBounds(input.period, customer.timeZone);
    if (now < bounds.end) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${input.period} is not over yet; its invoice is still a draft.`,
      );
    }
    const invoiceId = randomUUID();
    // Stamping first fixes the set: usage that commits after this belongs to the next invoice.
    const stamped = await tx.$executeRaw(Prisma.sql`
      UPDATE "UsageRecord" SET "billedInvoiceId" = ${invoiceId}::text
       WHERE "organizationId" = ${input.organizationId}::text AND "billedInvoiceId" IS NULL
         AND "intervalStart" < (${bounds.end.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
    if (stamped === 0) return null;
    const aggregates = await aggregateUsage(tx, {
      timeZone: customer.timeZone,
      where: Prisma.sql`u."billedInvoiceId" = ${invoiceId}::text`,
    });
    const terms = await loadRatingTerms(tx, aggregates, { lock: true });
    const draft = buildInvoice({
      period: input.period,
      aggregates,
      terms,
      customer,
      sellerCountry: input.sellerCountry,
      fallbackCurrency: "EUR",
    });
    const { number, sequence } = await takeInvoiceNumber(tx, "INV", input.period);
    const invoice = await tx.invoice.create({
      data: {
        id: invoiceId,
        organizationId: input.organizationId,
        kind: "INVOICE",
        number,
        sequence,
        period: input.period,
        periodStart: bounds.start,
        periodEnd: bounds.end,
        timeZone: customer.timeZone,
        currency: draft.currency,
        listMinor: draft.listMinor,
        programmeMinor: draft.programmeMinor,
        tenantNetMinor: draft.tenantNetMinor,
        vatTreatment: draft.vat.treatment,
        vatCountry: draft.vat.country,
        vatRateBps: draft.vat.rateBps,
        vatMinor: draft.vatMinor,
        tenantTotalMinor: draft.tenantTotalMinor,
        energyMilliWh: draft.energyMilliWh,
        customerName: customer.name,
        customerCountry: customer.country,
        customerVatId: customer.vatId,
        finalisedAt: now,
        finalisedById: actor.userId,
        lines: {
          create: draft.lines.map((line) => ({
            organizationId: input.organizationId,
            position: line.position,
            kind: line.kind,
            usagePeriod: line.usagePeriod,
            resourceClassId: line.resourceClassId,
            resourceClassCode: line.resourceClassCode,
            description: line.description,
            priceVersionId: line.priceVersionId,
            allocationId: line.allocationId,
            allocationLineId: line.allocationLineId,
            unitSeconds: line.unitSeconds,
            tokens: line.tokens,
            minorPerUnitHour: line.minorPerUnitHour,
            listMinor: line.listMinor,
            programmeMinor: line.programmeMinor,
            tenantMinor: line.tenantMinor,
            energyMilliWh: line.energyMilliWh,
            energyBasis: line.energyMeasured ? "MEASURED" : "ESTIMATED",
          })),
        },
      },
    });
    await tx.invoicePeriodClaim.create({
      data: { organizationId: input.organizationId, period: input.period, invoiceId },
    });
    await tx.invoicePayment.create({
      data: {
        invoiceId,
        organizationId: input.organizationId,
        status: draft.tenantTotalMinor > 0n ? "PENDING" : "NOT_DUE",
        idempotencyKey: `tessera-invoice-${invoiceId}`,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "invoice.finalised",
      organizationId: input.organizationId,
      targetType: "Invoice",
      targetId: invoiceId,
      data: {
        number,
        period: input.period,
        lines: draft.lines.length,
        listMinor: draft.listMinor.toString(),
        programmeMinor: draft.programmeMinor.toString(),
        tenantTotalMinor: draft.tenantTotalMinor.toString(),
      },
    });
    return { invoice, created: true };
  }, TX_OPTIONS);
}
