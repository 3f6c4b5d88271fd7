import { describe, expect, it } from "vitest";
import { parseMoney } from "./format";

describe("parseMoney", () => {
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
    expect(parseMoney(input, "EUR")).toBe(minor);
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
    expect(parseMoney(input, "EUR")).toBeNull();
  });

  it("takes no decimals in a currency without a minor unit", () => {
    expect(parseMoney("1,500 JPY", "JPY")).toBe(1500);
    expect(parseMoney("1500.5", "JPY")).toBeNull();
  });
});
