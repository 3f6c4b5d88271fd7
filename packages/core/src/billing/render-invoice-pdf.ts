import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatMoney } from "../programmes/money";
import { formatEnergy } from "./format-energy";
import { lineDetailText, type InvoiceDocument } from "./invoice-document";

const A4 = [595.28, 841.89] as const;
const MARGIN = 48;

/** Text the standard PDF fonts can draw (WinAnsi): anything else becomes "?". */
function ansi(text: string): string {
  return text.replace(/[—–]/g, "-").replace(/[^\x20-\x7e\u00a0-\u00ff€]/g, "?");
}

/**
 * The invoice (or credit note) as a real PDF document: header, customer, one row per line with
 * quantity, unit price, list amount, the programme's and the tenant's share and the energy, then
 * the totals and VAT treatment.
 */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${document.kindLabel} ${document.number}`);
  pdf.setAuthor("Tessera");
  pdf.setCreationDate(document.finalisedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage([...A4]);
  let y = A4[1] - MARGIN;
  const money = (minor: bigint) => ansi(formatMoney(minor, document.currency));
  const write = (text: string, x: number, size = 9, font: PDFFont = regular) =>
    page.drawText(ansi(text), { x, y, size, font, color: rgb(0.1, 0.1, 0.12) });
  const right = (text: string, xRight: number, size = 9, font: PDFFont = regular) => {
    const safe = ansi(text);
    page.drawText(safe, { x: xRight - font.widthOfTextAtSize(safe, size), y, size, font });
  };
  const next = (step = 13) => {
    y -= step;
    if (y < MARGIN + 40) {
      page = pdf.addPage([...A4]);
      y = A4[1] - MARGIN;
    }
  };

  write(`Tessera - ${document.kindLabel}`, MARGIN, 18, bold);
  next(24);
  write(`Number ${document.number}`, MARGIN, 11, bold);
  right(`Billing month ${document.period} (${document.timeZone})`, A4[0] - MARGIN, 10);
  next(16);
  write(`Issued ${document.finalisedAt.toISOString().slice(0, 10)}`, MARGIN);
  if (document.creditsNumber) right(`Corrects ${document.creditsNumber}`, A4[0] - MARGIN);
  next(20);
  write("Bill to", MARGIN, 9, bold);
  next();
  write(document.customerName, MARGIN);
  next();
  write(
    `Country ${document.customerCountry}${document.customerVatId ? ` - VAT id ${document.customerVatId}` : ""}`,
    MARGIN,
  );
  if (document.reason) {
    next();
    write(`Reason: ${document.reason}`, MARGIN);
  }
  next(24);

  // Amounts in columns; what a line counts, at what price, and its energy on the line below it,
  // where units written out in full have room.
  const columns = {
    item: MARGIN,
    list: 380,
    programme: 460,
    tenant: A4[0] - MARGIN,
  };
  write("Line", columns.item, 8, bold);
  right("List", columns.list, 8, bold);
  right("Programme", columns.programme, 8, bold);
  right("You pay", columns.tenant, 8, bold);
  next(4);
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5 });
  next(12);
  for (const line of document.lines) {
    const label = `${line.position}. ${line.resourceClassCode} ${line.usagePeriod}${line.kind === "LATE_USAGE" ? " (late)" : line.kind === "CREDIT" ? " (credit)" : ""}`;
    write(label.slice(0, 60), columns.item, 8);
    right(money(line.listMinor), columns.list, 8);
    right(money(line.programmeMinor), columns.programme, 8);
    right(money(line.tenantMinor), columns.tenant, 8);
    next(11);
    write(`   ${lineDetailText(line, money)}`, columns.item, 7);
    next(14);
  }
  next(6);
  const totals: [string, string][] = [
    ["List value", money(document.listMinor)],
    ["Paid by the programme", money(document.programmeMinor)],
    ["Your share (net)", money(document.tenantNetMinor)],
    [
      `VAT ${(document.vatRateBps / 100).toFixed(2)} % (${document.vatTreatment.replace("_", " ").toLowerCase()}, ${document.vatCountry})`,
      money(document.vatMinor),
    ],
    ["Total due from you", money(document.tenantTotalMinor)],
  ];
  for (const [label, amount] of totals) {
    write(label, 330, 9, label.startsWith("Total") ? bold : regular);
    right(amount, columns.tenant, 9, label.startsWith("Total") ? bold : regular);
    next();
  }
  next(6);
  write(`Energy: ${formatEnergy(document.energyMilliWh)}.  ${document.vatNote}`, MARGIN, 8);
  next();
  write(
    "Amounts in integer minor units, each line rounded once (half to even); shares add up to the list value.",
    MARGIN,
    7,
  );
  return pdf.save();
}
