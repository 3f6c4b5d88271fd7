import { randomUUID } from "node:crypto";
import { type Database, type Invoice } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { configuredInvoiceIssuer } from "./configured-invoice-issuer";
import { storedIssuer, type InvoiceIssuer } from "./invoice-issuer";
import { totalsOf } from "./rate-usage";
import { takeInvoiceNumber } from "./take-invoice-number";
import { vatOn } from "./vat";

/**
 * Corrects a finalised invoice with a credit note — never by editing it: each credited line is
 * mirrored with negative amounts (list, programme, tenant, energy), so the award's subsidy drawn
 * by the line is given back; VAT is credited at the invoice's own treatment and rate. A line is
 * credited at most once (a unique index on the credited line). `positions` picks lines; none =
 * the whole invoice. The credit note stores the operator issuing it (`supplier`; the configured
 * one by default), as an invoice does.
 */
export async function issueCreditNote(
  database: Database,
  actor: Actor,
  input: {
    organizationId: string;
    invoiceId: string;
    reason: string;
    positions?: number[];
    now?: Date;
    supplier?: InvoiceIssuer;
  },
): Promise<Invoice> {
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    throw new AppError("INVALID", "Say why the invoice is corrected (3 to 500 characters).");
  }
  return database.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:invoice'), hashtext(${input.organizationId}::text))`;
    const original = await tx.invoice.findFirst({
      where: { id: input.invoiceId, organizationId: input.organizationId, kind: "INVOICE" },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    if (!original) throw notFound("Invoice");
    const wanted = input.positions ? new Set(input.positions) : null;
    const chosen = original.lines.filter((line) => !wanted || wanted.has(line.position));
    if (chosen.length === 0 || (wanted && chosen.length !== wanted.size)) {
      throw new AppError("INVALID", "Choose lines of this invoice to credit.");
    }
    const credited = await tx.invoiceLine.findMany({
      where: { creditsLineId: { in: chosen.map((line) => line.id) } },
      select: { creditsLineId: true },
    });
    if (credited.length > 0) {
      throw new AppError("CONFLICT", "Some of these lines have already been credited.");
    }
    const lines = chosen.map((line, index) => ({
      organizationId: input.organizationId,
      position: index + 1,
      kind: "CREDIT" as const,
      usagePeriod: line.usagePeriod,
      resourceClassId: line.resourceClassId,
      resourceClassCode: line.resourceClassCode,
      description: `Credit for line ${line.position} of ${original.number}: ${line.description}`,
      priceVersionId: line.priceVersionId,
      allocationId: line.allocationId,
      allocationLineId: line.allocationLineId,
      creditsLineId: line.id,
      unitSeconds: -line.unitSeconds,
      tokens: -line.tokens,
      minorPerUnitHour: line.minorPerUnitHour,
      listMinor: -line.listMinor,
      programmeMinor: -line.programmeMinor,
      tenantMinor: -line.tenantMinor,
      energyMilliWh: -line.energyMilliWh,
      energyBasis: line.energyBasis,
    }));
    const totals = totalsOf(lines);
    const vatMinor = vatOn(totals.tenantNetMinor, original.vatRateBps);
    const { number, sequence } = await takeInvoiceNumber(tx, "CN", original.period);
    const creditNote = await tx.invoice.create({
      data: {
        id: randomUUID(),
        organizationId: input.organizationId,
        kind: "CREDIT_NOTE",
        number,
        sequence,
        period: original.period,
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        timeZone: original.timeZone,
        currency: original.currency,
        listMinor: totals.listMinor,
        programmeMinor: totals.programmeMinor,
        tenantNetMinor: totals.tenantNetMinor,
        vatTreatment: original.vatTreatment,
        vatCountry: original.vatCountry,
        vatRateBps: original.vatRateBps,
        vatMinor,
        tenantTotalMinor: totals.tenantNetMinor + vatMinor,
        energyMilliWh: totals.energyMilliWh,
        creditsInvoiceId: original.id,
        reason,
        customerName: original.customerName,
        customerCountry: original.customerCountry,
        customerVatId: original.customerVatId,
        customerAddress: original.customerAddress,
        ...storedIssuer(input.supplier ?? configuredInvoiceIssuer()),
        finalisedAt: input.now ?? new Date(),
        finalisedById: actor.userId,
        lines: { create: lines },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "invoice.credited",
      organizationId: input.organizationId,
      targetType: "Invoice",
      targetId: original.id,
      data: { creditNote: number, invoice: original.number, lines: lines.length, reason },
    });
    return creditNote;
  }, TX_OPTIONS);
}
