import { TEST_INVOICE_ISSUER } from "./invoice-issuer-fixture";
import type { Invoice, InvoiceLine, ResourceKind } from "@tessera/db";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFStream,
  decodePDFRawStream,
} from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { TenantAccess } from "../tenancy/tenant-access";
import { getInvoiceDocument } from "./get-invoice";
import { invoiceCsv } from "./invoice-csv";
import { invoiceSheetOf } from "./invoice-sheet";
import { MISSING_GLYPH, invoiceFontsForMeasuring, renderInvoicePdf } from "./render-invoice-pdf";
import {
  invoiceDocumentOf,
  lineDetailText,
  lineEnergyText,
  lineQuantityText,
  unitHoursOf,
} from "./invoice-document";

const money = (minor: bigint) => `€${(Number(minor) / 100).toFixed(2)}`;

const CLASSES = new Map<string, { id: string; name: string; kind: ResourceKind; unit: string }>([
  ["rc-tokens", { id: "rc-tokens", name: "Shared 8B chat model", kind: "TOKENS", unit: "token" }],
  ["rc-gpu", { id: "rc-gpu", name: "A100 80GB", kind: "GPU", unit: "GPU" }],
]);

function storedLine(
  position: number,
  fields: Pick<InvoiceLine, "resourceClassId" | "minorPerUnitHour" | "listMinor"> &
    Partial<InvoiceLine>,
): InvoiceLine {
  return {
    id: `line-${position}`,
    invoiceId: "inv-1",
    organizationId: "org-1",
    position,
    kind: "USAGE",
    usagePeriod: "2026-11",
    resourceClassCode: fields.resourceClassId,
    description: `Line ${position}`,
    priceVersionId: `pv-${fields.resourceClassId}`,
    allocationId: null,
    allocationLineId: null,
    creditsLineId: null,
    unitSeconds: 0n,
    tokens: 0n,
    programmeMinor: 0n,
    tenantMinor: fields.listMinor,
    energyMilliWh: 0n,
    energyBasis: "ESTIMATED",
    ...fields,
  };
}

/**
 * A finalised invoice as stored: 2 million tokens of a shared model invoiced at €0.40 per million
 * (the tokens class's line keeps that price in minorPerUnitHour), 1.5 GPU-hours at €2.95, and
 * tokens a dedicated GPU endpoint served late, which a GPU class does not price.
 */
function storedInvoice(): Invoice & { lines: InvoiceLine[] } {
  const lines = [
    storedLine(1, {
      resourceClassId: "rc-tokens",
      tokens: 2_000_000n,
      minorPerUnitHour: 40,
      listMinor: 80n,
      programmeMinor: 56n,
      tenantMinor: 24n,
    }),
    storedLine(2, {
      resourceClassId: "rc-gpu",
      unitSeconds: 5_400n,
      minorPerUnitHour: 295,
      listMinor: 442n,
    }),
    storedLine(3, {
      resourceClassId: "rc-gpu",
      kind: "LATE_USAGE",
      usagePeriod: "2026-10",
      tokens: 1_200n,
      minorPerUnitHour: 295,
      listMinor: 0n,
    }),
  ];
  return {
    id: "inv-1",
    organizationId: "org-1",
    kind: "INVOICE",
    number: "INV-2026-000001",
    sequence: 1,
    period: "2026-11",
    periodStart: new Date("2026-10-31T23:00:00Z"),
    periodEnd: new Date("2026-11-30T23:00:00Z"),
    timeZone: "Europe/Brussels",
    currency: "EUR",
    listMinor: 522n,
    programmeMinor: 56n,
    tenantNetMinor: 466n,
    vatTreatment: "DOMESTIC",
    vatCountry: "DE",
    vatRateBps: 1_900,
    vatMinor: 89n,
    tenantTotalMinor: 555n,
    energyMilliWh: 0n,
    creditsInvoiceId: null,
    reason: null,
    customerName: "Lumen Robotics",
    customerCountry: "DE",
    customerVatId: null,
    customerAddress: null,
    // Finalised before the supplier was stored: the documents read the configured one.
    supplierName: null,
    supplierAddress: null,
    supplierVatId: null,
    paymentTermsDays: null,
    finalisedAt: new Date("2026-12-01T02:00:00Z"),
    finalisedById: null,
    usageThroughId: 99n,
    lines,
  };
}

describe("an invoice line's quantity and price as documents write them", () => {
  const compute = {
    resourceKind: "GPU" as const,
    unit: "GPU",
    tokens: 0n,
    minorPerUnitHour: 295,
    minorPerMillionTokens: null,
  };

  it("writes compute in unit-hours with the unit written out, at a price per unit-hour", () => {
    expect(lineQuantityText({ ...compute, unitHours: unitHoursOf(43_200n) }, money)).toEqual({
      quantity: "12 GPU-hours",
      price: "€2.95 per GPU-hour",
    });
    expect(lineQuantityText({ ...compute, unitHours: unitHoursOf(5_400n) }, money).quantity).toBe(
      "1.500 GPU-hours",
    );
    expect(lineQuantityText({ ...compute, unitHours: unitHoursOf(3_600n) }, money).quantity).toBe(
      "1 GPU-hour",
    );
    expect(
      lineQuantityText(
        { ...compute, unit: "CPU core", unitHours: unitHoursOf(-4_445_401_800n) },
        money,
      ),
    ).toEqual({ quantity: "-1,234,833.833 CPU core-hours", price: "€2.95 per CPU core-hour" });
    expect(lineQuantityText({ ...compute, unitHours: unitHoursOf(0n) }, money).quantity).toBe(
      "0 GPU-hours",
    );
  });

  it("writes a shared model's tier in exact tokens at a price per million tokens, not as zero hours", () => {
    const line = {
      resourceKind: "TOKENS" as const,
      unit: "token",
      unitHours: unitHoursOf(0n),
      minorPerUnitHour: null,
      minorPerMillionTokens: 40,
    };
    expect(lineQuantityText({ ...line, tokens: 1_234_567n }, money)).toEqual({
      quantity: "1,234,567 tokens",
      price: "€0.40 per million tokens",
    });
    expect(lineQuantityText({ ...line, tokens: 1n }, money).quantity).toBe("1 token");
    expect(lineQuantityText({ ...line, tokens: -2_500_000n }, money).quantity).toBe(
      "-2,500,000 tokens",
    );
  });

  it("puts quantity, price and energy in words on the PDF's line under the amounts", () => {
    expect(
      lineDetailText(
        {
          ...compute,
          unitHours: unitHoursOf(43_200n),
          energyMilliWh: 8_400_000n,
          energyBasis: "ESTIMATED",
        },
        money,
      ),
    ).toBe("12 GPU-hours at €2.95 per GPU-hour, 8.4 kWh (estimated)");
  });

  it("writes a small job's energy below 1 Wh as the CSV's watt-hours, never as 0 Wh", () => {
    const small = { ...compute, energyMilliWh: 56n, energyBasis: "MEASURED" as const };
    expect(lineEnergyText(small)).toBe("0.056 Wh (measured)");
  });
});

describe("an invoice's document", () => {
  it("writes each line at the unit price stored with it, read by its class's kind", () => {
    const invoice = storedInvoice();
    const document = invoiceDocumentOf(invoice, null, CLASSES, TEST_INVOICE_ISSUER);
    expect(document.lines.map((line) => lineQuantityText(line, money))).toEqual([
      { quantity: "2,000,000 tokens", price: "€0.40 per million tokens" },
      { quantity: "1.500 GPU-hours", price: "€2.95 per GPU-hour" },
      // A GPU line is priced by the hour even when it counted tokens.
      { quantity: "0 GPU-hours", price: "€2.95 per GPU-hour" },
    ]);
    expect(document.lines.map((line) => line.listMinor)).toEqual([80n, 442n, 0n]);
    expect(document).toMatchObject({
      listMinor: 522n,
      programmeMinor: 56n,
      tenantNetMinor: 466n,
      vatMinor: 89n,
      tenantTotalMinor: 555n,
    });
  });

  it("never reads a line's price version again: the document shows what was invoiced", async () => {
    const invoice = storedInvoice();
    // The price versions say otherwise (as a different or corrupted version would).
    const tenant = {
      organization: { id: "org-1", name: "Lumen Robotics" },
      role: "OWNER",
      db: {
        invoice: { findUnique: () => Promise.resolve(invoice) },
        invoicePayment: { findUnique: () => Promise.resolve(null) },
        resourceClass: { findMany: () => Promise.resolve([...CLASSES.values()]) },
        priceVersion: {
          findMany: () =>
            Promise.resolve([
              { id: "pv-rc-tokens", minorPerUnitHour: 0, minorPerMillionTokens: 45 },
              { id: "pv-rc-gpu", minorPerUnitHour: 310, minorPerMillionTokens: null },
            ]),
        },
      },
    } as unknown as TenantAccess;
    const document = await getInvoiceDocument(tenant, invoice.id, TEST_INVOICE_ISSUER);
    expect(lineQuantityText(document.lines[0]!, money).price).toBe("€0.40 per million tokens");
    expect(lineQuantityText(document.lines[1]!, money).price).toBe("€2.95 per GPU-hour");
    const [header, tokensRow] = invoiceCsv(document).split("\r\n");
    const column = (name: string) => tokensRow!.split(",")[header!.split(",").indexOf(name)];
    expect(column("unit_price_minor_per_million_tokens")).toBe("40");
  });

  it("puts tokens and the price per million in the CSV beside the hours, each price in its own column", () => {
    const document = invoiceDocumentOf(storedInvoice(), null, CLASSES, TEST_INVOICE_ISSUER);
    const [header, ...rows] = invoiceCsv(document).split("\r\n");
    const columns = header!.split(",");
    const cells = (row: number, names: string[]) =>
      names.map((name) => rows[row]!.split(",")[columns.indexOf(name)]);
    const figures = [
      "unit_seconds",
      "unit_price_minor_per_hour",
      "tokens",
      "unit_price_minor_per_million_tokens",
      "list_minor",
    ];
    expect(cells(0, figures)).toEqual(["0", "", "2000000", "40", "80"]);
    expect(cells(1, figures)).toEqual(["5400", "295", "0", "", "442"]);
    expect(cells(2, figures)).toEqual(["0", "295", "1200", "", "0"]);
  });
});

/** The text a PDF draws, in drawing order: its content streams inflated, each shown string decoded. */
/** A font's ToUnicode map: the glyph code a text string shows → the text it stands for. */
function toUnicodeOf(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar\n([\s\S]*?)\nendbfchar/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>/g)) {
      map.set(entry[1]!.toUpperCase(), Buffer.from(entry[2]!, "hex").swap16().toString("utf16le"));
    }
  }
  return map;
}

/**
 * The text each drawing operation of the PDF shows, read back through the ToUnicode map of the
 * font it is drawn in, as a reader's copy and paste or search would.
 */
/** Each piece of text the PDF draws, with where it starts (the text matrix's x and y). */
async function pdfCells(bytes: Uint8Array): Promise<{ text: string; x: number; y: number }[]> {
  const pdf = await PDFDocument.load(bytes);
  const decoded = (stream: PDFStream) => {
    if (!(stream instanceof PDFRawStream)) throw new Error("Not a stream read from a file.");
    return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
  };
  const shown: { text: string; x: number; y: number }[] = [];
  for (const page of pdf.getPages()) {
    const fonts = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
    // A standard font has no ToUnicode map: its codes are WinAnsi (Windows-1252) bytes.
    const maps = new Map<string, Map<string, string> | null>();
    for (const [name, ref] of fonts.entries()) {
      const cmap = pdf.context.lookup(ref, PDFDict).get(PDFName.of("ToUnicode"));
      maps.set(
        name.asString(),
        cmap ? toUnicodeOf(decoded(pdf.context.lookup(cmap, PDFStream))) : null,
      );
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    let map: Map<string, string> | null = null;
    let at = { x: 0, y: 0 };
    for (const ref of streams) {
      const content = decoded(pdf.context.lookup(ref, PDFStream));
      for (const op of content.matchAll(
        /(\/\S+) [\d.]+ Tf|1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm|<([0-9A-Fa-f]*)> Tj/g,
      )) {
        if (op[1]) {
          map = maps.get(op[1]) ?? null;
          continue;
        }
        if (op[2]) {
          at = { x: Number(op[2]), y: Number(op[3]) };
          continue;
        }
        const [hex, font] = [op[4]!.toUpperCase(), map];
        shown.push({
          ...at,
          text: font
            ? (hex.match(/.{4}/g) ?? []).map((code) => font.get(code) ?? "\u0000").join("")
            : new TextDecoder("windows-1252").decode(Buffer.from(hex, "hex")),
        });
      }
    }
  }
  return shown;
}

async function pdfText(bytes: Uint8Array): Promise<string[]> {
  return (await pdfCells(bytes)).map((cell) => cell.text);
}

describe("the invoice PDF", () => {
  const outsideEu = () =>
    invoiceDocumentOf(
      {
        ...storedInvoice(),
        customerCountry: "GB",
        vatTreatment: "OUTSIDE_EU",
        vatCountry: "GB",
        vatRateBps: 0,
        vatMinor: 0n,
        tenantTotalMinor: 466n,
      },
      null,
      CLASSES,
      TEST_INVOICE_ISSUER,
    );

  it("names the supplier from its configuration, the customer, the number, the dates and the terms", () => {
    const sheet = invoiceSheetOf(outsideEu());
    expect(sheet.title).toBe("Invoice INV-2026-000001");
    expect(sheet.supplier).toEqual([
      "National Compute Platform GmbH",
      "Teststraße 5, 10115 Berlin, Germany",
      "VAT id DE123456789",
    ]);
    expect(sheet.customer).toEqual(["Lumen Robotics", "United Kingdom"]);
    expect(sheet.facts).toEqual([
      ["Invoice number", "INV-2026-000001"],
      ["Issue date", "1 Dec 2026"],
      ["Supply period", "1 Nov 2026 to 30 Nov 2026 (Europe/Brussels)"],
      ["Due date", "31 Dec 2026"],
      ["Payment terms", "Payable within 30 days of the issue date"],
    ]);
  });

  it("prints each line's description, quantity with its unit, unit price, amounts and VAT rate", () => {
    const sheet = invoiceSheetOf(
      invoiceDocumentOf(storedInvoice(), null, CLASSES, TEST_INVOICE_ISSUER),
    );
    expect(sheet.lines[0]).toEqual({
      description: "1. Shared 8B chat model, 2026-11",
      quantity: "2,000,000 tokens",
      unitPrice: "€0.40 per million tokens",
      list: "€0.80",
      programme: "€0.56",
      net: "€0.24",
      vatRate: "19 %",
      detail:
        "2,000,000 tokens at €0.40 per million tokens, energy not metered yet (the shared model's endpoints report none)",
    });
    expect(sheet.lines[1]).toMatchObject({
      description: "2. A100 80GB, 2026-11",
      quantity: "1.500 GPU-hours",
      unitPrice: "€2.95 per GPU-hour",
      net: "€4.42",
    });
    expect(sheet.lines[2]!.description).toBe("3. A100 80GB (late usage of 2026-10)");
  });

  it("totals net, VAT and gross, and says what the programme's share is", () => {
    const sheet = invoiceSheetOf(outsideEu());
    expect(sheet.totals.map(({ label, amount }) => [label, amount])).toEqual([
      ["List value of the service", "€5.22"],
      ["Paid by the subsidy programme", "€0.56"],
      ["Net amount payable by you", "€4.66"],
      ["VAT 0 % — customer outside the EU (United Kingdom)", "€0.00"],
      ["Total payable by you", "€4.66"],
    ]);
    expect(sheet.notes[0]).toBe(
      "Not subject to EU VAT: the customer is established outside the EU (United Kingdom), where the service is supplied.",
    );
    expect(sheet.notes[1]).toBe(
      "The subsidy programme pays €0.56 of the €5.22 list value directly to National Compute Platform GmbH, under your organisation's award; it is not charged to you. Your net share is €4.66.",
    );
    expect(sheet.footer).toBe(
      "National Compute Platform GmbH · Teststraße 5, 10115 Berlin, Germany · VAT id DE123456789",
    );
    expect([...sheet.notes, sheet.footer].join(" ")).not.toMatch(/minor units|half to even/);
  });

  it("names the programme that pays the share, and each of several with what it pays", () => {
    const withShares = (programmeShares: { name: string; programmeMinor: bigint }[]) =>
      invoiceSheetOf({ ...outsideEu(), programmeShares });
    expect(
      withShares([{ name: "National AI Compute Programme 2026", programmeMinor: 56n }]).notes[1],
    ).toBe(
      "National AI Compute Programme 2026 pays €0.56 of the €5.22 list value directly to National Compute Platform GmbH, under your organisation's award; it is not charged to you. Your net share is €4.66.",
    );
    expect(
      withShares([
        { name: "Startup Compute Vouchers", programmeMinor: 40n },
        { name: "National AI Compute Programme 2026", programmeMinor: 16n },
      ]).notes[1],
    ).toMatch(
      /^Startup Compute Vouchers \(€0\.40\) and National AI Compute Programme 2026 \(€0\.16\) pay €0\.56 of the €5\.22 list value/,
    );
  });

  it("gives a reverse-charged customer's VAT id, and no due date when nothing is to be paid", () => {
    const document = invoiceDocumentOf(
      {
        ...storedInvoice(),
        customerCountry: "FR",
        customerVatId: "FR12345678901",
        vatTreatment: "REVERSE_CHARGE",
        vatCountry: "FR",
        vatRateBps: 0,
        vatMinor: 0n,
        tenantNetMinor: 0n,
        tenantTotalMinor: 0n,
      },
      null,
      CLASSES,
      TEST_INVOICE_ISSUER,
    );
    const sheet = invoiceSheetOf(document);
    expect(sheet.customer).toEqual(["Lumen Robotics", "France", "VAT id FR12345678901"]);
    expect(sheet.facts).toContainEqual(["Due date", "Nothing to pay"]);
    expect(sheet.totals[3]!.label).toBe("VAT 0 % — reverse charge");
    expect(sheet.notes[0]).toBe(
      "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC.",
    );
  });

  it("words a credit note as a credit: no due date, the subsidy given back", () => {
    const stored = storedInvoice();
    const negated = { listMinor: -522n, programmeMinor: -56n, tenantNetMinor: -466n };
    const document = invoiceDocumentOf(
      {
        ...stored,
        ...negated,
        kind: "CREDIT_NOTE",
        number: "CN-2026-000001",
        vatMinor: -89n,
        tenantTotalMinor: -555n,
        reason: "Metering fault",
      },
      "INV-2026-000001",
      CLASSES,
      TEST_INVOICE_ISSUER,
    );
    const sheet = invoiceSheetOf(document);
    expect(sheet.title).toBe("Credit note CN-2026-000001");
    expect(sheet.facts).toEqual([
      ["Credit note number", "CN-2026-000001"],
      ["Issue date", "1 Dec 2026"],
      ["Supply period", "1 Nov 2026 to 30 Nov 2026 (Europe/Brussels)"],
      ["Corrects invoice", "INV-2026-000001"],
      ["Due date", "Nothing to pay: this is a credit"],
      ["Reason", "Metering fault"],
    ]);
    expect(sheet.notes[1]).toBe(
      "This credit note gives €0.56 back to the subsidy programme's award and credits you €4.66 net.",
    );
  });

  it("draws the sheet into a PDF whose text says what the sheet says", async () => {
    const document = outsideEu();
    const bytes = await renderInvoicePdf(document);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = (await pdfText(bytes)).join("\n");
    const sheet = invoiceSheetOf(document);
    for (const expected of [
      ...sheet.supplier,
      ...sheet.customer,
      "Due date",
      "31 Dec 2026",
      "VAT 0 % — customer outside the EU (United Kingdom)",
      "Total payable by you",
      "€4.66",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("minor units");
  });

  it("sets the lines table's headers and amounts apart, each column as wide as its widest cell", async () => {
    const document = outsideEu();
    const bytes = await renderInvoicePdf(document);
    const cells = await pdfCells(bytes);
    const sheet = invoiceSheetOf(document);
    const { bold, regular } = await invoiceFontsForMeasuring();
    const rowOf = (text: string) => {
      const y = cells.find((cell) => cell.text === text)!.y;
      return cells.filter((cell) => cell.y === y).sort((a, b) => a.x - b.x);
    };
    const header = rowOf(sheet.columns.list);
    expect(header.map((cell) => cell.text)).toEqual(Object.values(sheet.columns));
    const amounts = rowOf(sheet.lines[0]!.programme);
    expect(amounts).toHaveLength(5);
    for (const [row, font] of [
      [header, bold],
      [amounts, regular],
    ] as const) {
      for (let i = 1; i < row.length; i++) {
        const before = row[i - 1]!;
        const end = before.x + font.widthOfTextAtSize(before.text, 8);
        expect(row[i]!.x - end, `${before.text} | ${row[i]!.text}`).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it("prints the postal address it was issued with under the customer's name, on the sheet, in the PDF and in the CSV", async () => {
    const street =
      "Technologiepark Adlershof, Haus 7, Rudower Chaussee 29, Eingang B, 3. Obergeschoss links";
    const document = invoiceDocumentOf(
      { ...storedInvoice(), customerAddress: `${street}\n12489 Berlin` },
      null,
      CLASSES,
      TEST_INVOICE_ISSUER,
    );
    const sheet = invoiceSheetOf(document);
    expect(sheet.customer).toEqual(["Lumen Robotics", street, "12489 Berlin", "Germany"]);
    // The long line is wrapped inside the customer's half of the page, every word still printed.
    const text = await pdfText(await renderInvoicePdf(document));
    expect(text).toContain("12489 Berlin");
    expect(text).not.toContain(street);
    expect(text.join(" ")).toContain("Rudower Chaussee 29");
    expect(text.join(" ")).toContain("3. Obergeschoss links");
    expect(invoiceCsv(document)).toContain(
      `INV-2026-000001,customer_address,"${street}\n12489 Berlin"\r\n`,
    );
  });

  it("prints names and addresses beyond Latin-1 as entered, and a visible mark for a character no font has", async () => {
    const document = invoiceDocumentOf(
      {
        ...storedInvoice(),
        customerName: "Ørsted Łódź Ελλάδα 🚀 Lab",
        customerAddress: "ul. Piotrkowska 1\n90-001 Łódź\nΕλλάδα 🇬🇷 漢字",
      },
      null,
      CLASSES,
      TEST_INVOICE_ISSUER,
    );
    const bytes = await renderInvoicePdf(document);
    const text = await pdfText(bytes);
    expect(text).toContain(`Ørsted Łódź Ελλάδα ${MISSING_GLYPH} Lab`);
    expect(text).toContain("90-001 Łódź");
    // A flag (two code points) is one mark; the two Chinese characters are two.
    expect(text).toContain(`Ελλάδα ${MISSING_GLYPH} ${MISSING_GLYPH}${MISSING_GLYPH}`);
    expect(text.join("\n")).not.toContain("?");
    // Only the glyphs drawn are embedded, not the whole font (about 750 kB).
    expect(bytes.length).toBeLessThan(60_000);
  });

  it("prints no address on a document issued without one", () => {
    const document = outsideEu();
    expect(invoiceSheetOf(document).customer).toEqual(["Lumen Robotics", "United Kingdom"]);
    expect(invoiceCsv(document)).toContain("INV-2026-000001,customer_address,\r\n");
  });

  it("puts the same dates, parties and VAT treatment in the CSV as on the PDF", () => {
    const csv = invoiceCsv(outsideEu()).trim().split("\r\n");
    const facts = new Map(csv.slice(5).map((row) => [row.split(",")[1], row.split(",")[2]]));
    expect(Object.fromEntries(facts)).toMatchObject({
      issue_date: "2026-12-01",
      supply_period_start: "2026-11-01",
      supply_period_end: "2026-11-30",
      due_date: "2026-12-31",
      supplier_vat_id: "DE123456789",
      customer_country: "GB",
      vat_treatment: "OUTSIDE_EU",
      vat_rate_bps: "0",
      vat_minor: "0",
      total_due_minor: "466",
    });
  });
});
