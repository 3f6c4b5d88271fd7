import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { InvoiceDocument } from "./invoice-document";
import { invoiceSheetOf, type InvoiceSheetLine } from "./invoice-sheet";

const A4 = [595.28, 841.89] as const;
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.12);

/**
 * DejaVu Sans, regular and bold (the dejavu-fonts-ttf package; Bitstream Vera licence, DejaVu's
 * changes public domain): a free font that draws Latin with every European accent, Greek and
 * Cyrillic, so that "Łódź", "Ørsted" or "Ελλάδα" print as they were entered. Read once per process;
 * each PDF embeds only the glyphs it uses. Named as files relative to this module (the package's
 * link in this package's node_modules), which the web app's bundler copies with the server code.
 */
const FONT_FILES = {
  regular: new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", import.meta.url),
  bold: new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", import.meta.url),
} as const;
let fontBytes: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

function loadFontBytes(): Promise<{ regular: Buffer; bold: Buffer }> {
  // The bundler emits the two files from the `new URL(…)`s above; the reads themselves are left
  // out of its file tracing, which would otherwise take in the whole project.
  fontBytes ??= Promise.all([
    readFile(/* turbopackIgnore: true */ FONT_FILES.regular),
    readFile(/* turbopackIgnore: true */ FONT_FILES.bold),
  ])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((error: unknown) => {
      fontBytes = undefined; // a later PDF tries again
      throw error;
    });
  return fontBytes;
}

/** The invoice's two fonts embedded in a scratch document, for tests that measure its layout. */
export async function invoiceFontsForMeasuring(): Promise<{ regular: PDFFont; bold: PDFFont }> {
  const scratch = await PDFDocument.create();
  scratch.registerFontkit(fontkit);
  const bytes = await loadFontBytes();
  return {
    regular: await scratch.embedFont(bytes.regular),
    bold: await scratch.embedFont(bytes.bold),
  };
}

/** What a character the font has no glyph for (an emoji, a Chinese character…) prints as. */
export const MISSING_GLYPH = "\ufffd";

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
/** Joiners and variation selectors, which only shape the character before them. */
const shapes = (code: number) =>
  code === 0x200c || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f);

/**
 * `text` as the fonts can draw it: each user-perceived character (an emoji with its skin tone or
 * its joined parts counts as one) that either font lacks becomes one MISSING_GLYPH, the rest is
 * kept. Line breaks and other control characters become spaces.
 */
function printable(text: string, drawable: ReadonlySet<number>): string {
  let out = "";
  for (const { segment } of graphemes.segment(text.replace(/\p{Cc}/gu, " "))) {
    const codes = [...segment].map((char) => char.codePointAt(0)!);
    const drawn = codes.every((code) => drawable.has(code) || shapes(code));
    out += drawn ? String.fromCodePoint(...codes.filter((code) => !shapes(code))) : MISSING_GLYPH;
  }
  return out;
}

/** Space between two columns of the lines table, in points. */
const COLUMN_GAP = 14;

/** `text` cut to `width` at this font and size, with an ellipsis where it was cut. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join("")}…`, size) > width)
    chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** Words of `text` in lines no wider than `width` at this font and size. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
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
  pdf.registerFontkit(fontkit);
  const bytes = await loadFontBytes();
  const regular = await pdf.embedFont(bytes.regular, { subset: true });
  const bold = await pdf.embedFont(bytes.bold, { subset: true });
  const boldSet = new Set(bold.getCharacterSet());
  const drawable = new Set(regular.getCharacterSet().filter((code) => boldSet.has(code)));
  const safe = (text: string) => printable(text, drawable);
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
    page.drawText(safe(text), { x, y, size, font, color: INK });
  const right = (text: string, xRight: number, size = 9, font: PDFFont = regular) => {
    const shown = safe(text);
    page.drawText(shown, {
      x: xRight - font.widthOfTextAtSize(shown, size),
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
    for (const line of wrap(safe(text), font, size, width)) {
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
    for (const part of wrap(safe(line), regular, 9, rightEdge - customerX)) {
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

  // Amount columns, right-aligned, each as wide as its widest cell (header or amount) and a gap
  // apart, measured from the right edge in this font; the description takes what is left.
  const amountColumns = [
    ["vat", (line: InvoiceSheetLine) => line.vatRate],
    ["net", (line: InvoiceSheetLine) => line.net],
    ["programme", (line: InvoiceSheetLine) => line.programme],
    ["list", (line: InvoiceSheetLine) => line.list],
  ] as const;
  const columnRight = new Map<string, number>();
  let left = rightEdge;
  for (const [key, cell] of amountColumns) {
    columnRight.set(key, left);
    const widest = Math.max(
      bold.widthOfTextAtSize(safe(sheet.columns[key]), 8),
      ...sheet.lines.map((line) => regular.widthOfTextAtSize(safe(cell(line)), 8)),
    );
    left -= widest + COLUMN_GAP;
  }
  const descriptionWidth = left - MARGIN;
  write(fit(safe(sheet.columns.description), bold, 8, descriptionWidth), MARGIN, 8, bold);
  for (const [key] of amountColumns) right(sheet.columns[key], columnRight.get(key)!, 8, bold);
  next(4);
  page.drawLine({ start: { x: MARGIN, y }, end: { x: rightEdge, y }, thickness: 0.5 });
  next(12);
  for (const line of sheet.lines) {
    write(fit(safe(line.description), regular, 8, descriptionWidth), MARGIN, 8);
    for (const [key, cell] of amountColumns) right(cell(line), columnRight.get(key)!, 8);
    next(11);
    for (const part of wrap(safe(line.detail), regular, 7, width - 12)) {
      write(part, MARGIN + 12, 7);
      next(9);
    }
    next(5);
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
    const text = safe(`${sheet.footer} · Page ${index + 1} of ${pages.length}`);
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
