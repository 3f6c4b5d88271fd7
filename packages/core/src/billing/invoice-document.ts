import type { Invoice, InvoiceLine } from "@tessera/db";
import { vatNoteFor } from "./vat";

export interface InvoiceDocumentLine {
  position: number;
  kind: "USAGE" | "LATE_USAGE" | "CREDIT";
  usagePeriod: string;
  resourceClassCode: string;
  description: string;
  unitSeconds: bigint;
  unitHours: string;
  minorPerUnitHour: number;
  listMinor: bigint;
  programmeMinor: bigint;
  tenantMinor: bigint;
  energyMilliWh: bigint;
  energyBasis: "MEASURED" | "ESTIMATED";
}

/** A finalised invoice or credit note with its lines, as documents (PDF, CSV) present it. */
export interface InvoiceDocument {
  id: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  kindLabel: string;
  number: string;
  period: string;
  timeZone: string;
  currency: string;
  customerName: string;
  customerCountry: string;
  customerVatId: string | null;
  finalisedAt: Date;
  creditsNumber: string | null;
  reason: string | null;
  listMinor: bigint;
  programmeMinor: bigint;
  tenantNetMinor: bigint;
  vatTreatment: string;
  vatCountry: string;
  vatRateBps: number;
  vatMinor: bigint;
  vatNote: string;
  tenantTotalMinor: bigint;
  energyMilliWh: bigint;
  lines: InvoiceDocumentLine[];
}

/** Unit-hours with up to three decimals, exact (from integer unit-seconds). */
export function unitHoursOf(unitSeconds: bigint): string {
  const negative = unitSeconds < 0n;
  const magnitude = negative ? -unitSeconds : unitSeconds;
  const thousandths = (magnitude * 1000n + 1_800n) / 3_600n;
  const text = `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, "0")}`;
  return negative ? `-${text}` : text;
}

export function invoiceDocumentOf(
  invoice: Invoice & { lines: InvoiceLine[] },
  creditsNumber: string | null,
): InvoiceDocument {
  return {
    ...invoice,
    kindLabel: invoice.kind === "CREDIT_NOTE" ? "Credit note" : "Invoice",
    creditsNumber,
    vatNote: vatNoteFor(invoice.vatTreatment, invoice.vatCountry),
    lines: [...invoice.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({ ...line, unitHours: unitHoursOf(line.unitSeconds) })),
  };
}
