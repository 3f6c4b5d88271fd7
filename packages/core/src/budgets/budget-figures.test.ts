import { describe, expect, it } from "vitest";
import { percentOfBudget, projectMonthEnd, reachedThresholds } from "./budget-figures";

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

describe("projectMonthEnd", () => {
  const periodStart = new Date("2026-04-01T00:00:00Z");
  const periodEnd = new Date("2026-05-01T00:00:00Z"); // 30 days

  it("scales the spend so far to the whole month", () => {
    expect(
      projectMonthEnd({
        spentMinor: 10_000n,
        periodStart,
        periodEnd,
        now: new Date("2026-04-11T00:00:00Z"),
      }),
    ).toBe(30_000n);
  });

  it("rounds once, half to even", () => {
    // 7 days of 30: 100 × 30 / 7 = 428.57… → 429.
    expect(
      projectMonthEnd({
        spentMinor: 100n,
        periodStart,
        periodEnd,
        now: new Date("2026-04-08T00:00:00Z"),
      }),
    ).toBe(429n);
  });

  it("projects nothing from nothing, and nothing on the month's first day", () => {
    expect(
      projectMonthEnd({ spentMinor: 0n, periodStart, periodEnd, now: new Date("2026-04-20Z") }),
    ).toBe(0n);
    expect(
      projectMonthEnd({
        spentMinor: 500n,
        periodStart,
        periodEnd,
        now: new Date("2026-04-01T23:59:59Z"),
      }),
    ).toBeNull();
  });

  it("is the spend itself at the month's last instant, and null after the month", () => {
    expect(projectMonthEnd({ spentMinor: 777n, periodStart, periodEnd, now: periodEnd })).toBe(
      777n,
    );
    expect(
      projectMonthEnd({
        spentMinor: 777n,
        periodStart,
        periodEnd,
        now: new Date("2026-05-01T00:00:01Z"),
      }),
    ).toBeNull();
  });
});
