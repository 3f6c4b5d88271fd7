import { describe, expect, it } from "vitest";
import { formatHourlyRate, formatMoney, readMoney } from "./format";

describe("readMoney", () => {
  it.each([
    ["1,234.56", 123_456],
    ["1234", 123_400],
    ["1234.5", 123_450],
    ["0.05", 5],
    ["€1,234.56", 123_456],
    ["€ 1234", 123_400],
    ["  1234.50 € ", 123_450],
    ["90 EUR", 9_000],
    ["1 234 567.8", 123_456_780],
    ["1\u202F234", 123_400],
    ["2,000,000", 200_000_000],
  ])("reads %j as %i cents", (input, minor) => {
    expect(readMoney(input, "EUR").minor).toBe(minor);
  });

  it.each([
    "",
    "   ",
    "€",
    "1.2.3",
    "12abc",
    "abc12",
    "1e5",
    "12.345",
    "-5",
    "€-5",
    "+5",
    "1,23",
    "12,34.5",
    "1234,567",
    ",123",
    "12.",
    ".5",
    "1 23",
    "€12€",
    "$12",
    "12 %",
    "0x10",
    "9".repeat(20),
  ])("refuses %j", (input) => {
    expect(readMoney(input, "EUR").minor).toBeNull();
  });

  it.each([
    ["", "empty"],
    ["12.345", "tooManyDecimals"],
    ["0.001", "tooManyDecimals"],
    ["1e9", "notANumber"],
    ["😀", "notANumber"],
    ["1.2.3", "notANumber"],
    ["-50", "tooSmall"],
    ["−50", "tooSmall"],
    ["-€50", "tooSmall"],
    ["9".repeat(20), "tooLarge"],
  ])("says why %j is refused: %s", (input, problem) => {
    expect(readMoney(input, "EUR")).toEqual({ minor: null, problem });
  });

  it("holds an amount between the minimum and the maximum given", () => {
    expect(readMoney("0", "EUR", { min: 1 }).problem).toBe("tooSmall");
    expect(readMoney("0.01", "EUR", { min: 1 }).minor).toBe(1);
    expect(readMoney("10.00", "EUR", { max: 1_000 }).minor).toBe(1_000);
    expect(readMoney("10.01", "EUR", { max: 1_000 }).problem).toBe("tooLarge");
  });

  it("takes no decimals in a currency without a minor unit", () => {
    expect(readMoney("1,500 JPY", "JPY").minor).toBe(1500);
    expect(readMoney("1500.5", "JPY").minor).toBeNull();
  });
});

describe("formatMoney", () => {
  it("shows minor units with the currency's own decimals", () => {
    expect(formatMoney(123_456, "EUR")).toBe("€1,234.56");
    expect(formatMoney(5, "EUR")).toBe("€0.05");
    expect(formatMoney(1_234, "JPY")).toBe("JP¥1,234");
  });

  it.each([
    [59_500, "€0.595"],
    [177_000, "€1.77"],
    [4_760, "€0.0476"],
    [1, "€0.00001"],
    [0, "€0.00"],
    [123_456_789, "€1,234.56789"],
    [-59_500, "-€0.595"],
  ])(
    "shows %i thousandths of a cent as %s: the decimals needed, at least the cent",
    (milli, text) => {
      expect(formatMoney(milli, "EUR", { subMinorDigits: 3 })).toBe(text);
    },
  );

  it("adds the further decimals to a currency without minor digits too", () => {
    expect(formatMoney(1_500, "JPY", { subMinorDigits: 3 })).toBe("JP¥1.5");
    expect(formatMoney(2_000, "JPY", { subMinorDigits: 3 })).toBe("JP¥2");
  });
});

describe("formatHourlyRate", () => {
  it.each([
    // €1.19 split half.
    [59_500, "EUR", "€0.595"],
    // A share rounded to the thousandth of a cent (€1.19 at 33.33 %).
    [39_663, "EUR", "€0.39663"],
    [100_000, "EUR", "€1.00"],
    [0, "EUR", "€0.00"],
    [1_500, "JPY", "JP¥1.5"],
  ])("shows a rate of %i thousandths of a minor unit in %s as %s", (milliMinor, currency, text) => {
    expect(formatHourlyRate(milliMinor, currency)).toBe(text);
  });
});
