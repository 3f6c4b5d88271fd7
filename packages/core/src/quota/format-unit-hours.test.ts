import { describe, expect, it } from "vitest";
import { formatUnitHours, unitHourPartsTotal } from "./format-unit-hours";

describe("formatUnitHours", () => {
  it("shows unit-seconds as hours of the unit, singular for exactly one", () => {
    expect(formatUnitHours(57_600, "GPU")).toBe("16 GPU-hours");
    expect(formatUnitHours(3_600n, "GPU")).toBe("1 GPU-hour");
    expect(formatUnitHours(600, "GPU")).toBe("0.167 GPU-hours");
    expect(formatUnitHours(0, "CPU core")).toBe("0 CPU core-hours");
    expect(formatUnitHours(1_800_000, "GPU")).toBe("500 GPU-hours");
    expect(formatUnitHours(4_500_000, "GPU")).toBe("1,250 GPU-hours");
    // Exact to the thousandth, as Allocations and the invoice write it (168.982, never 168.98).
    expect(formatUnitHours(662_292, "GPU")).toBe("183.970 GPU-hours");
    expect(formatUnitHours(608_335, "GPU")).toBe("168.982 GPU-hours");
  });

  it("never shows a small non-zero amount as zero", () => {
    expect(formatUnitHours(1, "GPU")).toBe("less than 0.001 GPU-hours");
    expect(formatUnitHours(1n, "GPU")).toBe("less than 0.001 GPU-hours");
    expect(formatUnitHours(2, "GPU")).toBe("0.001 GPU-hours");
  });

  it("keeps small amounts in hours, never minutes or seconds", () => {
    expect(formatUnitHours(1_440, "CPU core")).toBe("0.400 CPU core-hours");
    expect(formatUnitHours(90, "GPU")).toBe("0.025 GPU-hours");
    expect(formatUnitHours(60, "MIG slice")).toBe("0.017 MIG slice-hours");
  });

  it("shows a ledger below zero as nothing, never a negative amount", () => {
    expect(formatUnitHours(-5, "GPU")).toBe("0 GPU-hours");
    expect(formatUnitHours(-7_200n, "GPU")).toBe("0 GPU-hours");
  });
});

describe("one precision for unit-hours on every page", () => {
  it("gives a fractional amount all three decimals, so 0.260 never reads 0.26 beside 0.256", () => {
    expect(formatUnitHours(936, "CPU core")).toBe("0.260 CPU core-hours");
    expect(formatUnitHours(922, "CPU core")).toBe("0.256 CPU core-hours");
    expect(formatUnitHours(17_408_160, "CPU core")).toBe("4,835.600 CPU core-hours");
    expect(formatUnitHours(720_000, "GPU")).toBe("200 GPU-hours");
  });
});

describe("unitHourPartsTotal", () => {
  it("says what parts each rounded on their own add up to, where that is not the whole read", () => {
    // 16 h + 2 h + three jobs of 420 s (0.1166… h each): 18.350 in all, 18.351 read one by one.
    const parts = [57_600, 7_200, 420, 420, 420];
    expect(formatUnitHours(66_060, "GPU")).toBe("18.350 GPU-hours");
    expect(parts.map((part) => formatUnitHours(part, "GPU")).slice(2)).toEqual([
      "0.117 GPU-hours",
      "0.117 GPU-hours",
      "0.117 GPU-hours",
    ]);
    expect(unitHourPartsTotal(parts, "GPU")).toBe("18.351 GPU-hours");
  });

  it("says nothing when the parts read add up to the whole read", () => {
    expect(unitHourPartsTotal([57_600, 7_200], "GPU")).toBeNull();
    expect(unitHourPartsTotal([400, 400], "GPU")).toBeNull(); // 0.111 + 0.111, and 800 s is 0.222
    expect(unitHourPartsTotal([], "GPU")).toBeNull();
  });
});
