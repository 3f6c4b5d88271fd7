import { describe, expect, it } from "vitest";
import { buildBurnDown } from "./burn-down";

describe("buildBurnDown", () => {
  const budgetMinor = 1_000_000n;

  it("accumulates awarded and consumed per day, carrying earlier amounts into the first day", () => {
    const points = buildBurnDown({
      budgetMinor,
      awarded: [
        { day: "2026-03-01", amountMinor: 100_000n }, // before the window
        { day: "2026-03-03", amountMinor: 50_000n },
        { day: "2026-03-05", amountMinor: 25_000n },
      ],
      consumed: [
        { day: "2026-03-04", amountMinor: 10_000n },
        { day: "2026-03-04", amountMinor: 5_000n },
      ],
      from: new Date("2026-03-02T15:00:00Z"),
      to: new Date("2026-03-05T01:00:00Z"),
    });
    expect(points).toEqual([
      {
        day: "2026-03-02",
        awardedMinor: 100_000,
        consumedMinor: 0,
        unawardedMinor: 900_000,
        committedMinor: 100_000,
      },
      {
        day: "2026-03-03",
        awardedMinor: 150_000,
        consumedMinor: 0,
        unawardedMinor: 850_000,
        committedMinor: 150_000,
      },
      {
        day: "2026-03-04",
        awardedMinor: 150_000,
        consumedMinor: 15_000,
        unawardedMinor: 850_000,
        committedMinor: 135_000,
      },
      {
        day: "2026-03-05",
        awardedMinor: 175_000,
        consumedMinor: 15_000,
        unawardedMinor: 825_000,
        committedMinor: 160_000,
      },
    ]);
  });

  it("gives a flat line of zeros when nothing happened, one point per day", () => {
    const points = buildBurnDown({
      budgetMinor,
      awarded: [],
      consumed: [],
      from: new Date("2026-01-30T00:00:00Z"),
      to: new Date("2026-02-02T00:00:00Z"),
    });
    expect(points.map((p) => p.day)).toEqual([
      "2026-01-30",
      "2026-01-31",
      "2026-02-01",
      "2026-02-02",
    ]);
    expect(points.every((p) => p.awardedMinor === 0 && p.unawardedMinor === 1_000_000)).toBe(true);
  });

  it("refuses an inverted or overly long period", () => {
    const base = { budgetMinor, awarded: [], consumed: [] };
    expect(() =>
      buildBurnDown({ ...base, from: new Date("2026-02-02"), to: new Date("2026-02-01") }),
    ).toThrow(/must not be before/);
    expect(() =>
      buildBurnDown({ ...base, from: new Date("2020-01-01"), to: new Date("2026-01-01") }),
    ).toThrow(/at most/);
  });
});

describe("a burn-down whose data spans a single day", () => {
  it("starts the day before, at what stood then, so there is a line to draw", () => {
    // Created, awarded and consumed on the same day, and viewed that day.
    const points = buildBurnDown({
      budgetMinor: 500_000n,
      awarded: [{ day: "2026-03-10", amountMinor: 200_000n }],
      consumed: [{ day: "2026-03-10", amountMinor: 3_000n }],
      from: new Date("2026-03-10T08:00:00Z"),
      to: new Date("2026-03-10T17:00:00Z"),
    });
    expect(points).toEqual([
      {
        day: "2026-03-09",
        awardedMinor: 0,
        consumedMinor: 0,
        unawardedMinor: 500_000,
        committedMinor: 0,
      },
      {
        day: "2026-03-10",
        awardedMinor: 200_000,
        consumedMinor: 3_000,
        unawardedMinor: 300_000,
        committedMinor: 197_000,
      },
    ]);
  });

  it("carries what was awarded before into the day before, as into any first day", () => {
    const points = buildBurnDown({
      budgetMinor: 500_000n,
      awarded: [
        { day: "2026-03-01", amountMinor: 100_000n },
        { day: "2026-03-10", amountMinor: 50_000n },
      ],
      consumed: [],
      from: new Date("2026-03-10T00:00:00Z"),
      to: new Date("2026-03-10T23:59:59Z"),
    });
    expect(points.map((point) => [point.day, point.awardedMinor])).toEqual([
      ["2026-03-09", 100_000],
      ["2026-03-10", 150_000],
    ]);
  });
});
