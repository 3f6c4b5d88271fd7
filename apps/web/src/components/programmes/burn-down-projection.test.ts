import { describe, expect, it } from "vitest";
import { MAX_PROJECTED_DAYS, projectedDays } from "./burn-down-projection";

const last = { day: "2026-06-30", consumedMinor: 1_000 };
const rate = { recentConsumedMinor: 3_000, elapsedMs: 30 * 86_400_000 }; // 100 a day

describe("projectedDays", () => {
  it("draws from the day after the last point to the exhaustion day, reaching the budget on it", () => {
    const days = projectedDays(
      last,
      {
        ...rate,
        outcome: { kind: "projected", date: new Date("2026-07-03T06:00:00Z") },
        endsAt: null,
      },
      1_350,
    );
    // The budget runs out during 3 July (UTC), the day the figures name: the axis ends there.
    expect(days).toEqual([
      { day: "2026-07-01", value: 1_100 },
      { day: "2026-07-02", value: 1_200 },
      { day: "2026-07-03", value: 1_350 },
    ]);
  });

  it("ends on the UTC day of the exhaustion however late in the day it falls", () => {
    const late = projectedDays(
      last,
      {
        ...rate,
        outcome: { kind: "projected", date: new Date("2026-07-03T23:59:59Z") },
        endsAt: null,
      },
      1_400,
    );
    expect(late.at(-1)).toEqual({ day: "2026-07-03", value: 1_400 });
    const today = projectedDays(
      last,
      {
        ...rate,
        outcome: { kind: "projected", date: new Date("2026-06-30T20:00:00Z") },
        endsAt: null,
      },
      1_050,
    );
    expect(today).toEqual([]);
  });

  it("stops at the programme's end when the budget outlasts it", () => {
    const days = projectedDays(
      last,
      { ...rate, outcome: { kind: "notBeforeEnd" }, endsAt: new Date("2026-07-02T00:00:00Z") },
      1_000_000,
    );
    expect(days.map((d) => d.day)).toEqual(["2026-07-01", "2026-07-02"]);
    expect(days.at(-1)?.value).toBe(1_200);
  });

  it("draws at the rate over the time elapsed: 151 in 2 hours is 1,812 a day", () => {
    const days = projectedDays(
      last,
      {
        recentConsumedMinor: 151,
        elapsedMs: 2 * 3_600_000,
        outcome: { kind: "notBeforeEnd" },
        endsAt: new Date("2026-07-02T00:00:00Z"),
      },
      1_000_000,
    );
    expect(days).toEqual([
      { day: "2026-07-01", value: 1_000 + 1_812 },
      { day: "2026-07-02", value: 1_000 + 2 * 1_812 },
    ]);
  });

  it("draws nothing without a rate or an end, and no more than two years ahead", () => {
    for (const outcome of [
      { kind: "idle" },
      { kind: "exhausted" },
      { kind: "tooEarly" },
    ] as const) {
      expect(projectedDays(last, { ...rate, outcome, endsAt: null }, 5_000)).toEqual([]);
    }
    expect(
      projectedDays(last, { ...rate, outcome: { kind: "notBeforeEnd" }, endsAt: null }, 5_000),
    ).toEqual([]);
    const far = projectedDays(
      last,
      { ...rate, outcome: { kind: "notBeforeEnd" }, endsAt: new Date("2040-01-01T00:00:00Z") },
      10 ** 9,
    );
    expect(far).toHaveLength(MAX_PROJECTED_DAYS);
  });
});
