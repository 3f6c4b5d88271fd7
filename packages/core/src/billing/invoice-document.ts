import type { Invoice, InvoiceLine, ResourceKind } from "@tessera/db";
import { countsTokens } from "../catalogue/metering-unit";
import { vatNoteFor } from "./vat";

export interface InvoiceDocumentLine {
  position: number;
  kind: "USAGE" | "LATE_USAGE" | "CREDIT";
  usagePeriod: string;
  resourceClassCode: string;
  description: string;
  /** What the line's class counts in: a TOKENS line's quantity is `tokens`, its price per million. */
  resourceKind: ResourceKind;
  unitSeconds: bigint;
  unitHours: string;
  /** The line's stored price per unit-hour; null on a tokens line. */
  minorPerUnitHour: number | null;
  /** Tokens of a shared model's tier; a compute line's are not what it is priced by. */
  tokens: bigint;
  /** The line's stored price per million tokens on a tokens line; null on compute. */
  minorPerMillionTokens: number | null;
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

/** Unit-hours with three decimals (from integer unit-seconds), rounded half up. */
export function unitHoursOf(unitSeconds: bigint): string {
  const negative = unitSeconds < 0n;
  const text = unitHoursOfScaled(negative ? -unitSeconds : unitSeconds, 3_600n);
  return negative ? `-${text}` : text;
}

/** A non-negative amount divided by `per`, with three decimals, rounded half up. */
function unitHoursOfScaled(magnitude: bigint, per: bigint): string {
  const thousandths = (magnitude * 1000n + per / 2n) / per;
  return `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, "0")}`;
}

/**
 * The line's quantity and unit price as a document writes them: unit-hours at a price per hour
 * for compute, tokens at a price per million tokens for a shared model's tier.
 */
export function lineQuantityText(
  line: Pick<
    InvoiceDocumentLine,
    "resourceKind" | "unitHours" | "tokens" | "minorPerUnitHour" | "minorPerMillionTokens"
  >,
  money: (minor: bigint) => string,
): { quantity: string; price: string } {
  if (countsTokens(line.resourceKind)) {
    // Short enough for the PDF's column: exact below 10,000, else millions to the thousandth.
    const magnitude = line.tokens < 0n ? -line.tokens : line.tokens;
    const sign = line.tokens < 0n ? "-" : "";
    const quantity =
      magnitude < 10_000n
        ? `${sign}${magnitude} tok`
        : `${sign}${unitHoursOfScaled(magnitude, 1_000_000n)}M tok`;
    return { quantity, price: `${money(BigInt(line.minorPerMillionTokens ?? 0))}/M tok` };
  }
  return {
    quantity: `${line.unitHours} h`,
    price: `${money(BigInt(line.minorPerUnitHour ?? 0))}/h`,
  };
}

/**
 * The document of a finalised invoice, from its stored lines alone: a line's unit price is the
 * one it was invoiced at, never read again from its price version, so the PDF and CSV cannot
 * disagree with the lines and totals. A tokens class's line stores its price per million tokens
 * in `minorPerUnitHour` (the figure is per priced unit: catalogue/metering-unit.ts), so `kinds`,
 * the kind of each line's resource class, says which of the two prices the figure is.
 */
export function invoiceDocumentOf(
  invoice: Invoice & { lines: InvoiceLine[] },
  creditsNumber: string | null,
  kinds: ReadonlyMap<string, { kind: ResourceKind }>,
): InvoiceDocument {
  return {
    ...invoice,
    kindLabel: invoice.kind === "CREDIT_NOTE" ? "Credit note" : "Invoice",
    creditsNumber,
    vatNote: vatNoteFor(invoice.vatTreatment, invoice.vatCountry),
    lines: [...invoice.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => {
        // As the invoice page has it (toBillingLineView): a class not found is compute.
        const resourceKind = kinds.get(line.resourceClassId)?.kind ?? "GPU";
        const tokens = countsTokens(resourceKind);
        return {
          ...line,
          resourceKind,
          unitHours: unitHoursOf(line.unitSeconds),
          minorPerUnitHour: tokens ? null : line.minorPerUnitHour,
          minorPerMillionTokens: tokens ? line.minorPerUnitHour : null,
        };
      }),
  };
}
