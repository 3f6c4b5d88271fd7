import type { InvoiceDocument } from "./invoice-document";

function cell(value: string | number | bigint | null): string {
  const text = value === null ? "" : String(value);
  // Quote when needed; a leading formula character is defused for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The invoice's lines as CSV (amounts in integer minor units), then who issued it to whom, its
 * dates and VAT treatment, then its totals.
 */
export function invoiceCsv(document: InvoiceDocument): string {
  const header = [
    "invoice_number",
    "line",
    "kind",
    "usage_month",
    "resource_class",
    "description",
    "unit_seconds",
    "unit_hours",
    "unit_price_minor_per_hour",
    "tokens",
    "unit_price_minor_per_million_tokens",
    "list_minor",
    "programme_minor",
    "tenant_minor",
    "energy_wh",
    "energy_basis",
    "currency",
  ];
  const rows = document.lines.map((line) => [
    document.number,
    line.position,
    line.kind,
    line.usagePeriod,
    line.resourceClassCode,
    line.description,
    line.unitSeconds,
    line.unitHours,
    line.minorPerUnitHour,
    line.tokens,
    line.minorPerMillionTokens,
    line.listMinor,
    line.programmeMinor,
    line.tenantMinor,
    (Number(line.energyMilliWh) / 1000).toFixed(3),
    line.energyBasis,
    document.currency,
  ]);
  const facts = [
    ["kind", document.kind],
    ["issue_date", document.dates.issued],
    ["supply_period_start", document.dates.supplyFrom],
    ["supply_period_end", document.dates.supplyTo],
    ["due_date", document.dates.due],
    ["payment_terms_days", document.supplier.paymentTermsDays],
    ["supplier_name", document.supplier.name],
    ["supplier_address", document.supplier.address],
    ["supplier_vat_id", document.supplier.vatId],
    ["customer_name", document.customerName],
    ["customer_address", document.customerAddress],
    ["customer_country", document.customerCountry],
    ["customer_vat_id", document.customerVatId],
    ["vat_treatment", document.vatTreatment],
    ["vat_country", document.vatCountry],
    ["vat_rate_bps", document.vatRateBps],
    ["vat_note", document.vatNote],
  ];
  const totals = [
    ["total_list_minor", document.listMinor],
    ["total_programme_minor", document.programmeMinor],
    ["total_tenant_net_minor", document.tenantNetMinor],
    ["vat_minor", document.vatMinor],
    ["total_due_minor", document.tenantTotalMinor],
  ];
  return [
    header,
    ...rows,
    [],
    ...[...facts, ...totals].map(([label, value]) => [document.number, label, value]),
  ]
    .map((row) => row.map((value) => cell(value as string)).join(","))
    .join("\r\n")
    .concat("\r\n");
}
