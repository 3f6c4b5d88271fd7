import { describe, expect, it } from "vitest";
import { invoiceCsv } from "./invoice-csv";
import { lineQuantityText, unitHoursOf, type InvoiceDocument } from "./invoice-document";

const money = (minor: bigint) => `€${(Number(minor) / 100).toFixed(2)}`;

describe("an invoice line's quantity and price as documents write them", () => {
  it("writes compute in unit-hours at a price per hour", () => {
    expect(
      lineQuantityText(
        {
          unitSeconds: 5_400n,
          unitHours: unitHoursOf(5_400n),
          tokens: 0n,
          minorPerUnitHour: 295,
          minorPerMillionTokens: null,
        },
        money,
      ),
    ).toEqual({ quantity: "1.500 h", price: "€2.95/h" });
  });

  it("writes a shared model's tier in tokens at a price per million tokens, not as zero hours", () => {
    const line = {
      unitSeconds: 0n,
      unitHours: unitHoursOf(0n),
      minorPerUnitHour: 0,
      minorPerMillionTokens: 40,
    };
    expect(lineQuantityText({ ...line, tokens: 1_234_567n }, money)).toEqual({
      quantity: "1.235M tok",
      price: "€0.40/M tok",
    });
    expect(lineQuantityText({ ...line, tokens: 74n }, money).quantity).toBe("74 tok");
    expect(lineQuantityText({ ...line, tokens: -2_500_000n }, money).quantity).toBe("-2.500M tok");
  });

  it("puts tokens and the price per million in the CSV beside the hours", () => {
    const document = {
      number: "INV-2026-000001",
      currency: "EUR",
      lines: [
        {
          position: 1,
          kind: "USAGE",
          usagePeriod: "2026-11",
          resourceClassCode: "shared-8b-tokens",
          description: "Shared 8B chat model — tokens",
          unitSeconds: 0n,
          unitHours: "0.000",
          minorPerUnitHour: 0,
          tokens: 2_000_000n,
          minorPerMillionTokens: 40,
          listMinor: 80n,
          programmeMinor: 56n,
          tenantMinor: 24n,
          energyMilliWh: 0n,
          energyBasis: "ESTIMATED",
        },
      ],
      listMinor: 80n,
      programmeMinor: 56n,
      tenantNetMinor: 24n,
      vatMinor: 0n,
      tenantTotalMinor: 24n,
    } as unknown as InvoiceDocument;
    const [header, row] = invoiceCsv(document).split("\r\n");
    const columns = header!.split(",");
    const cells = row!.split(",");
    expect(cells[columns.indexOf("tokens")]).toBe("2000000");
    expect(cells[columns.indexOf("unit_price_minor_per_million_tokens")]).toBe("40");
    expect(cells[columns.indexOf("list_minor")]).toBe("80");
  });
});
