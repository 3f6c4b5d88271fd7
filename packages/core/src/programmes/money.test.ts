import { describe, expect, it } from "vitest";
import { divideHalfEven, formatMoney, minorUnitDigits, toSafeNumber } from "./money";

describe("divideHalfEven", () => {
  it.each([
    [10n, 4n, 2n], // 2.5 → 2 (even)
    [14n, 4n, 4n], // 3.5 → 4 (even)
    [11n, 4n, 3n], // 2.75 → 3
    [9n, 4n, 2n], // 2.25 → 2
    [8n, 4n, 2n], // exact
    [0n, 7n, 0n],
    [-10n, 4n, -2n], // symmetric for negatives
    [-14n, 4n, -4n],
    [-11n, 4n, -3n],
    [5n, 10n, 0n], // 0.5 → 0
    [15n, 10n, 2n], // 1.5 → 2
  ])("%i / %i = %i", (numerator, denominator, expected) => {
    expect(divideHalfEven(numerator, denominator)).toBe(expected);
  });

  it("keeps full precision far beyond 2^53", () => {
    const big = 123_456_789_012_345_678_901n;
    // big ends in 1 (odd), so big + ½ rounds up; big + 1 is even, so (big + 1) + ½ stays.
    expect(divideHalfEven(big * 10n + 5n, 10n)).toBe(big + 1n);
    expect(divideHalfEven((big + 1n) * 10n + 5n, 10n)).toBe(big + 1n);
  });

  it("refuses a zero or negative denominator", () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
    expect(() => divideHalfEven(1n, -3n)).toThrow(RangeError);
  });
});

describe("toSafeNumber", () => {
  it("passes safe integers and refuses larger ones", () => {
    expect(toSafeNumber(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber(9_007_199_254_740_992n)).toThrow(/too large/);
  });
});

describe("formatMoney", () => {
  it("formats minor units exactly, with the currency's own minor digits", () => {
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(formatMoney(123_456, "EUR")).toBe("€1,234.56");
    expect(formatMoney(5, "EUR")).toBe("€0.05");
    expect(formatMoney(-250, "EUR")).toBe("-€2.50");
    expect(formatMoney(1_500, "JPY")).toBe("JP¥1,500");
    expect(formatMoney(9_007_199_254_740_993n, "EUR")).toBe("€90,071,992,547,409.93");
  });
});
