import type {
  Invoice,
  InvoiceLine,
  InvoicePayment,
  PaymentStatus,
  ResourceKind,
} from "@tessera/db";
import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";
import { unitHoursOf } from "./invoice-document";
import { invoiceDatesOf, type InvoiceDates, type InvoiceIssuer } from "./invoice-issuer";
import { programmeNameOfLine, type LineProgrammes, type ProgrammeShare } from "./programme-shares";
import { vatLabelFor, vatNoteFor, type VatTreatmentKind } from "./vat";

/**
 * Invoices and the live draft as pages show them. Money leaves the domain as integer minor units
 * in safe JavaScript numbers (never floats of currency units); quantities as unit-seconds.
 */
export interface BillingLineView {
  position: number;
  kind: "USAGE" | "LATE_USAGE" | "CREDIT";
  usagePeriod: string;
  resourceClassCode: string;
  /** The class's name and unit ("GPU"), for "12.5 GPU-hours". */
  resourceClassName: string;
  /** What the class counts in: a TOKENS line's quantity is `tokens`, its price per million. */
  resourceKind: ResourceKind;
  unit: string;
  description: string;
  unitSeconds: number;
  tokens: number;
  /** Unit-hours, exact to three decimals ("12.500"). */
  unitHours: string;
  minorPerUnitHour: number;
  listMinor: number;
  programmeMinor: number;
  tenantMinor: number;
  energyMilliWh: number;
  energyMeasured: boolean;
  /** The subsidy programme that pays the line's programme share, by name; null when none. */
  programmeName: string | null;
}

export interface BillingTotalsView {
  currency: string;
  listMinor: number;
  programmeMinor: number;
  tenantNetMinor: number;
  vatTreatment: VatTreatmentKind;
  vatCountry: string;
  vatRateBps: number;
  vatMinor: number;
  /** "VAT 19 % (Germany)", "VAT 0 % — reverse charge" (vatLabelFor). */
  vatLabel: string;
  vatNote: string;
  tenantTotalMinor: number;
  energyMilliWh: number;
}

export type PaymentState = PaymentStatus;

export interface InvoiceSummary extends BillingTotalsView {
  id: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  number: string;
  period: string;
  finalisedAt: Date;
  payment: { status: PaymentState; paidMinor: number; paidAt: Date | null };
  /** The subsidy programmes paying its programme share, by name, largest first. */
  programmeShares: { name: string; programmeMinor: number }[];
}

export interface InvoiceView extends InvoiceSummary {
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
  /** The platform operator that issued it, as the configuration names it. */
  supplier: InvoiceIssuer;
  dates: InvoiceDates;
  customerName: string;
  customerCountry: string;
  customerVatId: string | null;
  /** The postal address the document was issued with, one part per line; null when it has none. */
  customerAddress: string | null;
  creditsNumber: string | null;
  reason: string | null;
  lines: BillingLineView[];
}

const money = (value: bigint) => toSafeNumber(value, "amount");

export type ClassNames = Map<string, { name: string; kind: ResourceKind; unit: string }>;

/** Names and units of the resource classes lines refer to (the catalogue is not tenant-owned). */
export async function classNamesOf(
  tenant: TenantAccess,
  resourceClassIds: readonly string[],
): Promise<ClassNames> {
  const classes = await tenant.db.resourceClass.findMany({
    where: { id: { in: [...new Set(resourceClassIds)] } },
    select: { id: true, name: true, kind: true, unit: true },
  });
  return new Map(classes.map((c) => [c.id, { name: c.name, kind: c.kind, unit: c.unit }]));
}

export function toBillingLineView(
  line: {
    position: number;
    kind: BillingLineView["kind"];
    usagePeriod: string;
    resourceClassId: string;
    resourceClassCode: string;
    description: string;
    unitSeconds: bigint;
    tokens: bigint;
    minorPerUnitHour: number;
    listMinor: bigint;
    programmeMinor: bigint;
    tenantMinor: bigint;
    energyMilliWh: bigint;
    energyMeasured: boolean;
    allocationId: string | null;
  },
  classes: ClassNames,
  programmes: Pick<LineProgrammes, "nameOfAllocation">,
): BillingLineView {
  const resourceClass = classes.get(line.resourceClassId);
  return {
    position: line.position,
    kind: line.kind,
    usagePeriod: line.usagePeriod,
    resourceClassCode: line.resourceClassCode,
    resourceClassName: resourceClass?.name ?? line.resourceClassCode,
    resourceKind: resourceClass?.kind ?? "GPU",
    unit: resourceClass?.unit ?? "unit",
    description: line.description,
    unitSeconds: toSafeNumber(line.unitSeconds, "quantity"),
    tokens: toSafeNumber(line.tokens, "quantity"),
    unitHours: unitHoursOf(line.unitSeconds),
    minorPerUnitHour: line.minorPerUnitHour,
    listMinor: money(line.listMinor),
    programmeMinor: money(line.programmeMinor),
    tenantMinor: money(line.tenantMinor),
    energyMilliWh: toSafeNumber(line.energyMilliWh, "energy"),
    energyMeasured: line.energyMeasured,
    programmeName: programmeNameOfLine(line, programmes.nameOfAllocation),
  };
}

export function toBillingTotalsView(totals: {
  currency: string;
  listMinor: bigint;
  programmeMinor: bigint;
  tenantNetMinor: bigint;
  vatTreatment: VatTreatmentKind;
  vatCountry: string;
  vatRateBps: number;
  vatMinor: bigint;
  tenantTotalMinor: bigint;
  energyMilliWh: bigint;
}): BillingTotalsView {
  return {
    currency: totals.currency,
    listMinor: money(totals.listMinor),
    programmeMinor: money(totals.programmeMinor),
    tenantNetMinor: money(totals.tenantNetMinor),
    vatTreatment: totals.vatTreatment,
    vatCountry: totals.vatCountry,
    vatRateBps: totals.vatRateBps,
    vatMinor: money(totals.vatMinor),
    vatLabel: vatLabelFor(totals.vatTreatment, totals.vatCountry, totals.vatRateBps),
    vatNote: vatNoteFor(totals.vatTreatment, totals.vatCountry, totals.vatRateBps),
    tenantTotalMinor: money(totals.tenantTotalMinor),
    energyMilliWh: toSafeNumber(totals.energyMilliWh, "energy"),
  };
}

export function toInvoiceSummary(
  invoice: Invoice,
  payment: InvoicePayment | null,
  programmeShares: readonly ProgrammeShare[],
): InvoiceSummary {
  return {
    ...toBillingTotalsView(invoice),
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    period: invoice.period,
    finalisedAt: invoice.finalisedAt,
    // A credit note is settled against its invoice: nothing is collected for it.
    payment: payment
      ? { status: payment.status, paidMinor: money(payment.paidMinor), paidAt: payment.paidAt }
      : { status: "NOT_DUE", paidMinor: 0, paidAt: null },
    programmeShares: programmeShares.map((share) => ({
      name: share.name,
      programmeMinor: money(share.programmeMinor),
    })),
  };
}

export function toInvoiceView(
  invoice: Invoice & { lines: InvoiceLine[] },
  payment: InvoicePayment | null,
  creditsNumber: string | null,
  classes: ClassNames,
  supplier: InvoiceIssuer,
  programmes: LineProgrammes = { shares: [], nameOfAllocation: new Map() },
): InvoiceView {
  return {
    ...toInvoiceSummary(invoice, payment, programmes.shares),
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    timeZone: invoice.timeZone,
    supplier,
    dates: invoiceDatesOf(invoice, supplier.paymentTermsDays),
    customerName: invoice.customerName,
    customerCountry: invoice.customerCountry,
    customerVatId: invoice.customerVatId,
    customerAddress: invoice.customerAddress,
    creditsNumber,
    reason: invoice.reason,
    lines: [...invoice.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) =>
        toBillingLineView(
          { ...line, energyMeasured: line.energyBasis === "MEASURED" },
          classes,
          programmes,
        ),
      ),
  };
}
