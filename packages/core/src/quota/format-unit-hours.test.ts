import { describe, expect, it } from "vitest";
import { formatUnitHours } from "./format-unit-hours";

describe("formatUnitHours", () => {
  it("shows unit-seconds as hours of the unit, singular for exactly one", () => {
    expect(formatUnitHours(57_600, "GPU")).toBe("16 GPU-hours");
    expect(formatUnitHours(3_600n, "GPU")).toBe("1 GPU-hour");
    expect(formatUnitHours(600, "GPU")).toBe("0.17 GPU-hours");
    expect(formatUnitHours(0, "CPU core")).toBe("0 CPU core-hours");
    expect(formatUnitHours(1_800_000, "GPU")).toBe("500 GPU-hours");
    expect(formatUnitHours(4_500_000, "GPU")).toBe("1,250 GPU-hours");
    // Large figures keep their hundredths: a sentence's figures add up as written.
    expect(formatUnitHours(662_292, "GPU")).toBe("183.97 GPU-hours");
  });

  it("never shows a small non-zero amount as zero", () => {
    expect(formatUnitHours(10, "GPU")).toBe("less than 0.01 GPU-hours");
    expect(formatUnitHours(17, "GPU")).toBe("less than 0.01 GPU-hours");
    expect(formatUnitHours(18, "GPU")).toBe("0.01 GPU-hours");
  });

  it("keeps small amounts in hours, never minutes or seconds", () => {
    expect(formatUnitHours(1_440, "CPU core")).toBe("0.4 CPU core-hours");
    expect(formatUnitHours(90, "GPU")).toBe("0.03 GPU-hours");
    expect(formatUnitHours(60, "MIG slice")).toBe("0.02 MIG slice-hours");
  });

  it("shows a ledger below zero as nothing, never a negative amount", () => {
    expect(formatUnitHours(-5, "GPU")).toBe("0 GPU-hours");
    expect(formatUnitHours(-7_200n, "GPU")).toBe("0 GPU-hours");
  });
});
