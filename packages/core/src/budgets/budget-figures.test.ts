import { describe, expect, it } from "vitest";
import { percentOfBudget, reachedThresholds } from "./budget-figures";

describe("reachedThresholds", () => {
  it("reaches each threshold exactly at its share of the budget, not a cent before", () => {
    expect(reachedThresholds(0n, 10_000n)).toEqual([]);
    expect(reachedThresholds(4_999n, 10_000n)).toEqual([]);
    expect(reachedThresholds(5_000n, 10_000n)).toEqual([50]);
    expect(reachedThresholds(7_999n, 10_000n)).toEqual([50]);
    expect(reachedThresholds(8_000n, 10_000n)).toEqual([50, 80]);
    expect(reachedThresholds(9_999n, 10_000n)).toEqual([50, 80]);
    expect(reachedThresholds(10_000n, 10_000n)).toEqual([50, 80, 100]);
    expect(reachedThresholds(25_000n, 10_000n)).toEqual([50, 80, 100]);
  });

  it("compares without rounding when the budget does not divide evenly", () => {
    // 80 % of 333 is 266.4: 266 is short of it, 267 is past it.
    expect(reachedThresholds(266n, 333n)).toEqual([50]);
    expect(reachedThresholds(267n, 333n)).toEqual([50, 80]);
  });

  it("reaches nothing without a positive budget", () => {
    expect(reachedThresholds(100n, 0n)).toEqual([]);
  });
});

describe("percentOfBudget", () => {
  it("keeps one decimal, rounded half to even, rather than cutting 26.8 % down to 26 %", () => {
    expect(percentOfBudget(2_680n, 10_000n)).toBe(26.8);
    expect(percentOfBudget(2_676n, 10_000n)).toBe(26.8);
    expect(percentOfBudget(7_949n, 10_000n)).toBe(79.5);
    expect(percentOfBudget(8_000n, 10_000n)).toBe(80);
    expect(percentOfBudget(15_000n, 10_000n)).toBe(150);
    expect(percentOfBudget(1n, 0n)).toBe(0);
  });
});
