import { countsTokens } from "../catalogue/metering-unit";
import { formatTokens } from "../quota/format-ledger-quantity";
import { formatBilledUnitHours, unitHoursOf } from "./format-billed-quantity";
import { formatEnergy } from "./format-energy";
import { rateUsage, totalsOf, type RatedLine, type UsageAggregate } from "./rate-usage";
import type { RatingTerms } from "./load-rating-terms";
import { decideVat, vatOn, type VatDecision } from "./vat";

export interface InvoiceLineDraft extends RatedLine {
  position: number;
  kind: "USAGE" | "LATE_USAGE";
  resourceClassCode: string;
  description: string;
}

export interface InvoiceDraft {
  period: string;
  currency: string;
  lines: InvoiceLineDraft[];
  listMinor: bigint;
  programmeMinor: bigint;
  tenantNetMinor: bigint;
  energyMilliWh: bigint;
  vat: VatDecision;
  vatMinor: bigint;
  tenantTotalMinor: bigint;
}

/**
 * The invoice of a billing month from aggregated usage: lines rated once each (rateUsage), usage
 * of earlier months marked as late, totals summed from the lines, VAT once on the tenant's net.
 * Invoices built together from one set of terms pass one `subsidyLeft` ledger (see rateUsage).
 */
export function buildInvoice(input: {
  period: string;
  aggregates: readonly UsageAggregate[];
  terms: RatingTerms;
  customer: { country: string; vatId: string | null; vatIdValid: boolean };
  sellerCountry: string;
  fallbackCurrency: string;
  subsidyLeft?: Map<string, bigint>;
}): InvoiceDraft {
  const rated = rateUsage(
    input.aggregates,
    input.terms.prices,
    input.terms.allocationOfLine,
    input.subsidyLeft,
  );
  const lines = rated.map((line, index): InvoiceLineDraft => {
    const resourceClass = input.terms.classes.get(line.resourceClassId);
    const code = resourceClass?.code ?? line.resourceClassId;
    const late = line.usagePeriod < input.period;
    const tokens = resourceClass !== undefined && countsTokens(resourceClass.kind);
    const quantity = tokens
      ? formatTokens(line.tokens)
      : // Exact as the line is priced, as the pages and the CSV's unit_hours write it.
        formatBilledUnitHours(unitHoursOf(line.unitSeconds), {
          kind: resourceClass?.kind ?? "GPU",
          unit: resourceClass?.unit ?? "unit",
        });
    const what = `${resourceClass?.name ?? code}: ${quantity}`;
    // Field by field rather than spread: see ratedLine.
    return {
      resourceClassId: line.resourceClassId,
      priceVersionId: line.priceVersionId,
      allocationLineId: line.allocationLineId,
      usagePeriod: line.usagePeriod,
      unitSeconds: line.unitSeconds,
      tokens: line.tokens,
      energyMilliWh: line.energyMilliWh,
      energyMeasured: line.energyMeasured,
      allocationId: line.allocationId,
      // A tokens class's line states its price per million tokens, as its unit price (the line's
      // "per unit-hour" figure is per priced unit: catalogue/metering-unit.ts).
      minorPerUnitHour: tokens
        ? (input.terms.prices.get(line.priceVersionId)?.minorPerMillionTokens ?? 0)
        : line.minorPerUnitHour,
      listMinor: line.listMinor,
      programmeMinor: line.programmeMinor,
      tenantMinor: line.tenantMinor,
      position: index + 1,
      kind: late ? "LATE_USAGE" : "USAGE",
      resourceClassCode: code,
      description: `${late ? `Late usage of ${line.usagePeriod} — ` : ""}${what}, ${formatEnergy(line.energyMilliWh)}${line.energyMeasured ? "" : " (estimated)"}`,
    };
  });
  const totals = totalsOf(lines);
  const vat = decideVat({
    sellerCountry: input.sellerCountry,
    customerCountry: input.customer.country,
    vatId: input.customer.vatId,
    vatIdValid: input.customer.vatIdValid,
  });
  const vatMinor = vatOn(totals.tenantNetMinor, vat.rateBps);
  // The terms may serve several organisations' invoices at once: the currency is this one's own.
  const currencies = new Set(
    lines.flatMap((line) => {
      const currency = input.terms.classes.get(line.resourceClassId)?.currency;
      return currency ? [currency] : [];
    }),
  );
  return {
    period: input.period,
    currency: currencies.size === 1 ? [...currencies][0]! : input.fallbackCurrency,
    lines,
    ...totals,
    vat,
    vatMinor,
    tenantTotalMinor: totals.tenantNetMinor + vatMinor,
  };
}
