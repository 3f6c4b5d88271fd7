import type { Invoice, InvoiceLine, ResourceKind } from "@tessera/db";
import { describe, expect, it } from "vitest";
import type { TenantAccess } from "../tenancy/tenant-access";
import { getInvoiceDocument } from "./get-invoice";
import { invoiceCsv } from "./invoice-csv";
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
      "1.5 GPU-hours",
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
    const document = invoiceDocumentOf(invoice, null, CLASSES);
    expect(document.lines.map((line) => lineQuantityText(line, money))).toEqual([
      { quantity: "2,000,000 tokens", price: "€0.40 per million tokens" },
      { quantity: "1.5 GPU-hours", price: "€2.95 per GPU-hour" },
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
    const document = await getInvoiceDocument(tenant, invoice.id);
    expect(lineQuantityText(document.lines[0]!, money).price).toBe("€0.40 per million tokens");
    expect(lineQuantityText(document.lines[1]!, money).price).toBe("€2.95 per GPU-hour");
    const [header, tokensRow] = invoiceCsv(document).split("\r\n");
    const column = (name: string) => tokensRow!.split(",")[header!.split(",").indexOf(name)];
    expect(column("unit_price_minor_per_million_tokens")).toBe("40");
  });

  it("puts tokens and the price per million in the CSV beside the hours, each price in its own column", () => {
    const document = invoiceDocumentOf(storedInvoice(), null, CLASSES);
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
