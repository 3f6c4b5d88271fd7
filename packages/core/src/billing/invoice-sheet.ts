import { programmePayersText } from "./programme-shares";
import { countryName } from "../programmes/eligibility";
import { billingAddressLines } from "./billing-address";
import { formatMoney } from "../programmes/money";
import { formatEnergy } from "./format-energy";
import { lineDetailText, lineQuantityText, type InvoiceDocument } from "./invoice-document";
import { formatInvoiceDay, paymentTermsText } from "./invoice-issuer";
import { vatRateText } from "./vat";

/** One line of the invoice as the PDF prints it: the amounts in a row, the quantity under them. */
export interface InvoiceSheetLine {
  description: string;
  /** "12 GPU-hours", "2,000,000 tokens". */
  quantity: string;
  /** "€2.95 per GPU-hour". */
  unitPrice: string;
  list: string;
  programme: string;
  /** The tenant's net amount, on which VAT is charged. */
  net: string;
  vatRate: string;
  /** What the PDF prints under the amounts: quantity, unit price and energy (lineDetailText). */
  detail: string;
}

/**
 * Everything the invoice PDF prints, as text, in the order it prints it: the PDF only lays this
 * out, so what an invoice says is tested here.
 */
export interface InvoiceSheet {
  title: string;
  /** The supplier's block: name, address, VAT id. */
  supplier: string[];
  /** The customer's block: name, postal address if it has one, country, VAT id if it has one. */
  customer: string[];
  /** Number, dates and terms, as label and value. */
  facts: [string, string][];
  columns: { description: string; list: string; programme: string; net: string; vat: string };
  lines: InvoiceSheetLine[];
  totals: { label: string; amount: string; strong: boolean }[];
  /** Sentences under the totals: VAT treatment, the programme's share, energy. */
  notes: string[];
  footer: string;
}

function lineLabel(line: InvoiceDocument["lines"][number]): string {
  const suffix =
    line.kind === "LATE_USAGE"
      ? ` (late usage of ${line.usagePeriod})`
      : line.kind === "CREDIT"
        ? ` (credit, ${line.usagePeriod})`
        : `, ${line.usagePeriod}`;
  return `${line.position}. ${line.resourceClassName}${suffix}`;
}

export function invoiceSheetOf(document: InvoiceDocument): InvoiceSheet {
  const money = (minor: bigint) => formatMoney(minor, document.currency);
  const payers = programmePayersText(document.programmeShares, money);
  const { supplier, dates } = document;
  const credit = document.kind === "CREDIT_NOTE";
  const vatRate = vatRateText(document.vatRateBps);
  const facts: [string, string][] = [
    [`${document.kindLabel} number`, document.number],
    ["Issue date", formatInvoiceDay(dates.issued)],
    [
      "Supply period",
      `${formatInvoiceDay(dates.supplyFrom)} to ${formatInvoiceDay(dates.supplyTo)} (${document.timeZone})`,
    ],
  ];
  if (document.creditsNumber) facts.push(["Corrects invoice", document.creditsNumber]);
  if (dates.due) {
    facts.push(["Due date", formatInvoiceDay(dates.due)]);
    facts.push(["Payment terms", paymentTermsText(supplier.paymentTermsDays)]);
  } else {
    facts.push(["Due date", credit ? "Nothing to pay: this is a credit" : "Nothing to pay"]);
  }
  if (document.reason) facts.push(["Reason", document.reason]);

  return {
    title: `${document.kindLabel} ${document.number}`,
    supplier: [supplier.name, supplier.address, `VAT id ${supplier.vatId}`],
    customer: [
      document.customerName,
      ...billingAddressLines(document.customerAddress),
      countryName(document.customerCountry),
      ...(document.customerVatId ? [`VAT id ${document.customerVatId}`] : []),
    ],
    facts,
    columns: {
      description: "Description",
      list: "List amount",
      programme: "Programme pays",
      net: "Your net",
      vat: "VAT",
    },
    lines: document.lines.map((line) => {
      const { quantity, price } = lineQuantityText(line, money);
      return {
        description: lineLabel(line),
        quantity,
        unitPrice: price,
        list: money(line.listMinor),
        programme: money(line.programmeMinor),
        net: money(line.tenantMinor),
        vatRate,
        detail: lineDetailText(line, money),
      };
    }),
    totals: [
      { label: "List value of the service", amount: money(document.listMinor), strong: false },
      {
        label: "Paid by the subsidy programme",
        amount: money(document.programmeMinor),
        strong: false,
      },
      {
        label: credit ? "Your net share" : "Net amount payable by you",
        amount: money(document.tenantNetMinor),
        strong: false,
      },
      { label: document.vatLabel, amount: money(document.vatMinor), strong: false },
      {
        label: credit ? "Total of this credit note, your share with VAT" : "Total payable by you",
        amount: money(document.tenantTotalMinor),
        strong: true,
      },
    ],
    notes: [
      document.vatNote,
      credit
        ? `This credit note gives ${money(-document.programmeMinor)} back to the subsidy programme's award and credits you ${money(-document.tenantNetMinor)} net.`
        : `${payers ?? "The subsidy programme"} ${document.programmeShares.length > 1 ? "pay" : "pays"} ${money(document.programmeMinor)} of the ${money(document.listMinor)} list value directly to ${supplier.name}, under your organisation's award; it is not charged to you. Your net share is ${money(document.tenantNetMinor)}.`,
      `Energy used: ${formatEnergy(document.energyMilliWh)}.`,
    ],
    footer: `${supplier.name} · ${supplier.address} · VAT id ${supplier.vatId}`,
  };
}
