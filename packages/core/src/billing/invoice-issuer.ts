/**
 * Who issues Tessera's invoices and on what terms: the platform operator as supplier (from the
 * configuration, BILLING_SUPPLIER_* and INVOICE_PAYMENT_TERMS_DAYS), and the dates an invoice
 * states. Pure.
 */
export interface InvoiceIssuer {
  /** The operator's legal name. */
  name: string;
  /** Its postal address, on one line. */
  address: string;
  /** Its VAT identification number, with its country prefix. */
  vatId: string;
  /** Days after the issue date by which the tenant's share is due. */
  paymentTermsDays: number;
}

/** The calendar days an invoice states, "YYYY-MM-DD". */
export interface InvoiceDates {
  /** The day it was finalised (UTC). */
  issued: string;
  /** The billing month's first and last day, in the organisation's billing time zone. */
  supplyFrom: string;
  supplyTo: string;
  /** When the tenant's share is due; null when nothing is to be paid (a credit note, a zero share). */
  due: string | null;
}

/** The supplier and terms a finalised document stored when it was issued. */
export interface StoredIssuer {
  supplierName: string | null;
  supplierAddress: string | null;
  supplierVatId: string | null;
  paymentTermsDays: number | null;
}

/**
 * Who issued a finalised document, and on what terms: what it stored when it was finalised, so a
 * later change of the configuration never alters it. Documents finalised before the supplier was
 * stored have none, and read the configured one (`current`).
 */
export function issuerOf(document: StoredIssuer, current: InvoiceIssuer): InvoiceIssuer {
  if (document.supplierName === null) return current;
  return {
    name: document.supplierName,
    address: document.supplierAddress ?? "",
    vatId: document.supplierVatId ?? "",
    paymentTermsDays: document.paymentTermsDays ?? current.paymentTermsDays,
  };
}

/** The columns a document stores its issuer in. */
export function storedIssuer(issuer: InvoiceIssuer): StoredIssuer {
  return {
    supplierName: issuer.name,
    supplierAddress: issuer.address,
    supplierVatId: issuer.vatId,
    paymentTermsDays: issuer.paymentTermsDays,
  };
}

const DAY_MS = 86_400_000;

const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** The last day of a billing month "YYYY-MM" (its days are the organisation's calendar days). */
function lastDayOf(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  // Day 0 of the next month is this month's last day.
  return dayOf(new Date(Date.UTC(year, month, 0)));
}

export function invoiceDatesOf(
  invoice: {
    kind: "INVOICE" | "CREDIT_NOTE";
    period: string;
    finalisedAt: Date;
    tenantTotalMinor: bigint;
  },
  paymentTermsDays: number,
): InvoiceDates {
  const payable = invoice.kind === "INVOICE" && invoice.tenantTotalMinor > 0n;
  return {
    issued: dayOf(invoice.finalisedAt),
    supplyFrom: `${invoice.period}-01`,
    supplyTo: lastDayOf(invoice.period),
    due: payable
      ? dayOf(new Date(invoice.finalisedAt.getTime() + paymentTermsDays * DAY_MS))
      : null,
  };
}

const DAY_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar day "2026-12-01" as documents write it: "1 Dec 2026". */
export function formatInvoiceDay(day: string): string {
  return DAY_FORMAT.format(new Date(`${day}T00:00:00Z`));
}

/** "Within 30 days of the issue date", "On the issue date". */
export function paymentTermsText(days: number): string {
  if (days === 0) return "Payable on the issue date";
  return `Payable within ${days} day${days === 1 ? "" : "s"} of the issue date`;
}
