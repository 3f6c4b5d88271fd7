import type { Invoice, InvoiceLine, ResourceKind } from "@tessera/db";
import { countsTokens, type MeteredClass } from "../catalogue/metering-unit";
import { exactFigure, formatBilledUnitHours, unitHoursOf } from "./format-billed-quantity";
import { pricePer } from "../quota/format-ledger-quantity";
import { formatEnergy } from "./format-energy";
import { invoiceDatesOf, type InvoiceDates, type InvoiceIssuer } from "./invoice-issuer";
import type { ProgrammeShare } from "./programme-shares";
import { vatLabelFor, vatNoteFor } from "./vat";

export { unitHoursOf };

export interface InvoiceDocumentLine {
  position: number;
  kind: "USAGE" | "LATE_USAGE" | "CREDIT";
  usagePeriod: string;
  resourceClassCode: string;
  /** The class's name ("NVIDIA H100 80 GB"); its code when the class is gone. */
  resourceClassName: string;
  description: string;
  /** What the line's class counts in: a TOKENS line's quantity is `tokens`, its price per million. */
  resourceKind: ResourceKind;
  /** What the class counts ("GPU", "CPU core"; "token"), for "12 GPU-hours". */
  unit: string;
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
  /** The platform operator, as the configuration names it. */
  supplier: InvoiceIssuer;
  dates: InvoiceDates;
  customerName: string;
  customerCountry: string;
  customerVatId: string | null;
  /** The postal address it was issued with (lines split by "\n"); null when it has none. */
  customerAddress: string | null;
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
  /** "VAT 0 % — reverse charge" (vatLabelFor). */
  vatLabel: string;
  vatNote: string;
  tenantTotalMinor: bigint;
  energyMilliWh: bigint;
  /** The subsidy programmes paying `programmeMinor`, by name, with what each pays. */
  programmeShares: ProgrammeShare[];
  lines: InvoiceDocumentLine[];
}

/**
 * The line's quantity and unit price as a document writes them, units written out and exact:
 * "12.5 GPU-hours" at "€2.95 per GPU-hour" for compute, "2,500,000 tokens" at "€0.40 per million
 * tokens" for a shared model's tier.
 */
export function lineQuantityText(
  line: Pick<
    InvoiceDocumentLine,
    "resourceKind" | "unit" | "unitHours" | "tokens" | "minorPerUnitHour" | "minorPerMillionTokens"
  >,
  money: (minor: bigint) => string,
): { quantity: string; price: string } {
  const metered: MeteredClass = { kind: line.resourceKind, unit: line.unit };
  if (countsTokens(line.resourceKind)) {
    const figure = exactFigure(line.tokens.toString());
    return {
      quantity: `${figure} token${figure === "1" ? "" : "s"}`,
      price: pricePer(money(BigInt(line.minorPerMillionTokens ?? 0)), metered),
    };
  }
  return {
    quantity: formatBilledUnitHours(line.unitHours, metered),
    price: pricePer(money(BigInt(line.minorPerUnitHour ?? 0)), metered),
  };
}

/**
 * A line's energy as documents write it. A shared model's tokens carry an estimate from its
 * endpoints' average energy per 1,000 tokens (estimate-shared-token-energy.ts), said as such, and
 * "not metered" rather than 0 Wh when none could be made.
 */
export function lineEnergyText(
  line: Pick<InvoiceDocumentLine, "resourceKind" | "tokens" | "energyMilliWh" | "energyBasis">,
): string {
  if (countsTokens(line.resourceKind)) {
    return line.energyMilliWh === 0n && line.tokens !== 0n
      ? "energy not metered yet (the shared model's endpoints report none)"
      : `approx. ${formatEnergy(line.energyMilliWh)} (estimated from the shared model's average)`;
  }
  const basis = line.energyBasis === "MEASURED" ? "measured" : "estimated";
  return `${formatEnergy(line.energyMilliWh)} (${basis})`;
}

/**
 * The line under a line's amounts on the PDF: "12.5 GPU-hours at €2.95 per GPU-hour, 350 Wh
 * (estimated)".
 */
export function lineDetailText(
  line: Parameters<typeof lineQuantityText>[0] &
    Pick<InvoiceDocumentLine, "energyMilliWh" | "energyBasis">,
  money: (minor: bigint) => string,
): string {
  const { quantity, price } = lineQuantityText(line, money);
  return `${quantity} at ${price}, ${lineEnergyText(line)}`;
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
  kinds: ReadonlyMap<string, { kind: ResourceKind; unit: string; name?: string }>,
  supplier: InvoiceIssuer,
  programmeShares: ProgrammeShare[] = [],
): InvoiceDocument {
  return {
    ...invoice,
    programmeShares,
    kindLabel: invoice.kind === "CREDIT_NOTE" ? "Credit note" : "Invoice",
    creditsNumber,
    supplier,
    dates: invoiceDatesOf(invoice, supplier.paymentTermsDays),
    vatLabel: vatLabelFor(invoice.vatTreatment, invoice.vatCountry, invoice.vatRateBps),
    vatNote: vatNoteFor(invoice.vatTreatment, invoice.vatCountry, invoice.vatRateBps),
    lines: [...invoice.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => {
        // As the invoice page has it (toBillingLineView): a class not found is compute.
        const resourceClass = kinds.get(line.resourceClassId);
        const resourceKind = resourceClass?.kind ?? "GPU";
        const tokens = countsTokens(resourceKind);
        return {
          ...line,
          resourceClassName: resourceClass?.name ?? line.resourceClassCode,
          resourceKind,
          unit: resourceClass?.unit ?? "unit",
          unitHours: unitHoursOf(line.unitSeconds),
          minorPerUnitHour: tokens ? null : line.minorPerUnitHour,
          minorPerMillionTokens: tokens ? line.minorPerUnitHour : null,
        };
      }),
  };
}
