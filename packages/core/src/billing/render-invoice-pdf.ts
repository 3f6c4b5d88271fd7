import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { InvoiceDocument } from "./invoice-document";
import { invoiceSheetOf } from "./invoice-sheet";

const A4 = [595.28, 841.89] as const;
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.12);

/** Text the standard PDF fonts can draw (WinAnsi): anything else becomes "?". */
function ansi(text: string): string {
  return text.replace(/[—–]/g, "-").replace(/[^\x20-\x7e\u00a0-\u00ff€]/g, "?");
}

/** Words of `text` in lines no wider than `width` at this font and size. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of ansi(text).split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * The invoice (or credit note) as a real PDF document, laid out from its sheet (invoiceSheetOf):
 * supplier and customer, number, dates and terms, one row per line with its amounts and VAT rate
 * and the quantity and unit price under them, the totals, the VAT treatment and the programme's
 * share in words.
 */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Uint8Array> {
  const sheet = invoiceSheetOf(document);
  const pdf = await PDFDocument.create();
  pdf.setTitle(sheet.title);
  pdf.setAuthor(document.supplier.name);
  pdf.setCreationDate(document.finalisedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  const rightEdge = A4[0] - MARGIN;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage([...A4]);
    pages.push(page);
    y = A4[1] - MARGIN;
  };
  newPage();
  const write = (text: string, x: number, size = 9, font: PDFFont = regular) =>
    page.drawText(ansi(text), { x, y, size, font, color: INK });
  const right = (text: string, xRight: number, size = 9, font: PDFFont = regular) => {
    const safe = ansi(text);
    page.drawText(safe, {
      x: xRight - font.widthOfTextAtSize(safe, size),
      y,
      size,
      font,
      color: INK,
    });
  };
  const next = (step = 13) => {
    y -= step;
    if (y < MARGIN + 40) newPage();
  };
  const paragraph = (text: string, size: number, font: PDFFont = regular) => {
    for (const line of wrap(text, font, size, width)) {
      write(line, MARGIN, size, font);
      next(size + 3);
    }
  };

  write(sheet.title, MARGIN, 18, bold);
  next(28);

  // Supplier on the left, customer on the right.
  const blockTop = y;
  write("Supplier", MARGIN, 9, bold);
  for (const line of sheet.supplier) {
    next(12);
    write(line, MARGIN);
  }
  const supplierBottom = y;
  y = blockTop;
  const customerX = MARGIN + width / 2 + 10;
  write("Customer", customerX, 9, bold);
  // Wrapped to the block's half of the page: an address line may be up to 100 characters.
  for (const line of sheet.customer) {
    for (const part of wrap(line, regular, 9, rightEdge - customerX)) {
      next(12);
      write(part, customerX);
    }
  }
  y = Math.min(y, supplierBottom);
  next(22);

  for (const [label, value] of sheet.facts) {
    write(label, MARGIN, 9, bold);
    write(value, MARGIN + 110);
    next(12);
  }
  next(14);

  const columns = { list: 350, programme: 425, net: 500, vat: rightEdge };
  write(sheet.columns.description, MARGIN, 8, bold);
  right(sheet.columns.list, columns.list, 8, bold);
  right(sheet.columns.programme, columns.programme, 8, bold);
  right(sheet.columns.net, columns.net, 8, bold);
  right(sheet.columns.vat, columns.vat, 8, bold);
  next(4);
  page.drawLine({ start: { x: MARGIN, y }, end: { x: rightEdge, y }, thickness: 0.5 });
  next(12);
  for (const line of sheet.lines) {
    write(line.description.slice(0, 52), MARGIN, 8);
    right(line.list, columns.list, 8);
    right(line.programme, columns.programme, 8);
    right(line.net, columns.net, 8);
    right(line.vatRate, columns.vat, 8);
    next(11);
    write(`   ${line.detail}`, MARGIN, 7);
    next(14);
  }
  page.drawLine({
    start: { x: MARGIN, y: y + 8 },
    end: { x: rightEdge, y: y + 8 },
    thickness: 0.5,
  });
  next(6);
  for (const total of sheet.totals) {
    const font = total.strong ? bold : regular;
    write(total.label, 250, 9, font);
    right(total.amount, rightEdge, 9, font);
    next();
  }
  next(10);
  for (const note of sheet.notes) paragraph(note, 8);

  // The supplier's identity at the foot of every page, with the page's number.
  pages.forEach((each, index) => {
    const text = ansi(`${sheet.footer} · Page ${index + 1} of ${pages.length}`);
    const size = 7;
    each.drawText(text, {
      x: MARGIN,
      y: MARGIN / 2,
      size,
      font: regular,
      color: INK,
      maxWidth: width,
    });
  });
  return pdf.save();
}
