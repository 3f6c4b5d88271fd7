import { describe, expect, it } from "vitest";
import { projectExhaustion } from "./project-exhaustion";

const now = new Date("2026-06-30T12:00:00Z");
const DAY = 86_400_000;

/** `minor` consumed on each of the `days` days up to and including 2026-06-30. */
function daily(minor: bigint, days: number) {
  return Array.from({ length: days }, (_, index) => ({
    day: new Date(Date.parse("2026-06-30T00:00:00Z") - index * DAY).toISOString().slice(0, 10),
    amountMinor: minor,
  }));
}

describe("projectExhaustion", () => {
  it("projects the date the budget runs out at the last 30 days' rate, today's half day as half", () => {
    // 30,000 consumed in 29.5 days (the window began at midnight 29 days ago; it is noon) =
    // 1,016.949… a day; 70,000 left → 70,000 × 29.5 / 30,000 = 68.8333… days from now.
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: daily(1_000n, 30),
      startedAt: new Date("2026-01-01T00:00:00Z"),
      endsAt: new Date("2027-01-01T00:00:00Z"),
      now,
    });
    expect(projection).toMatchObject({
      windowFrom: "2026-06-01",
      elapsedMs: 29.5 * DAY,
      recentConsumedMinor: 30_000n,
      ratePerDayMinor: 1_017n,
      remainingMinor: 70_000n,
    });
    expect(projection.outcome).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + (70_000 * 29.5 * DAY) / 30_000),
    });
  });

  it("reads the rate from the recent window only: older consumption counts as used, not as pace", () => {
    const consumed = [{ day: "2026-01-15", amountMinor: 50_000n }, ...daily(100n, 10)];
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed,
      startedAt: new Date("2026-01-01T00:00:00Z"),
      endsAt: null,
      now,
    });
    // 1,000 in the last 29.5 days → 33.9 a day; 49,000 left → 49 × 29.5 = 1,445.5 days.
    expect(projection.recentConsumedMinor).toBe(1_000n);
    expect(projection.ratePerDayMinor).toBe(34n);
    expect(projection.remainingMinor).toBe(49_000n);
    expect(projection.outcome).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + 1_445.5 * DAY),
    });
  });

  it("says the budget outlasts the programme when the rate would exhaust it after the end", () => {
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: daily(1_000n, 30),
      startedAt: new Date("2026-01-01T00:00:00Z"),
      // 68.83 days are needed; the last award ends in 68.
      endsAt: new Date(now.getTime() + 68 * DAY),
      now,
    });
    expect(projection.outcome).toEqual({ kind: "notBeforeEnd" });
    const justInTime = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: daily(1_000n, 30),
      startedAt: new Date("2026-01-01T00:00:00Z"),
      endsAt: new Date(now.getTime() + 69 * DAY),
      now,
    });
    expect(justInTime.outcome.kind).toBe("projected");
  });

  it("projects nothing at a zero rate", () => {
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: [{ day: "2026-03-01", amountMinor: 5_000n }],
      startedAt: new Date("2026-02-01T00:00:00Z"),
      endsAt: new Date("2027-01-01T00:00:00Z"),
      now,
    });
    expect(projection.recentConsumedMinor).toBe(0n);
    expect(projection.ratePerDayMinor).toBe(0n);
    expect(projection.outcome).toEqual({ kind: "idle" });
  });

  it("says nothing was consumed, not that it is too early, when the awards have no consumption at all", () => {
    // Awards valid for ten minutes or for ten days, nothing consumed on them.
    for (const startedAt of [
      new Date(now.getTime() - 10 * 60_000),
      new Date(now.getTime() - 10 * DAY),
    ]) {
      const projection = projectExhaustion({
        budgetMinor: 100_000n,
        consumed: [],
        startedAt,
        endsAt: null,
        now,
      });
      expect(projection.outcome).toEqual({ kind: "nothingConsumed" });
      expect(projection.ratePerDayMinor).toBe(0n);
      expect(projection.fullWindow).toBe(false);
    }
    expect(
      projectExhaustion({ budgetMinor: 1n, consumed: [], startedAt: null, endsAt: null, now })
        .outcome,
    ).toEqual({ kind: "nothingConsumed" });
  });

  it("reads a young programme's rate over the days since its first award", () => {
    const projection = projectExhaustion({
      budgetMinor: 10_000n,
      consumed: daily(500n, 5),
      startedAt: new Date("2026-06-26T00:00:00Z"),
      endsAt: new Date("2026-12-31T00:00:00Z"),
      now,
    });
    // 2,500 over 4.5 days (since midnight 4 days ago; it is noon) = 555.6/day; 7,500 left →
    // 7,500 × 4.5 / 2,500 = 13.5 days.
    expect(projection).toMatchObject({
      windowFrom: "2026-06-26",
      elapsedMs: 4.5 * DAY,
      ratePerDayMinor: 556n,
    });
    expect(projection.outcome).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + 13.5 * DAY),
    });
  });

  it("says the budget is used up once consumption reaches it", () => {
    const projection = projectExhaustion({
      budgetMinor: 30_000n,
      consumed: daily(1_000n, 30),
      startedAt: new Date("2026-01-01T00:00:00Z"),
      endsAt: null,
      now,
    });
    expect(projection.remainingMinor).toBe(0n);
    expect(projection.outcome).toEqual({ kind: "exhausted" });
  });

  it("never projects early: the time left is rounded up", () => {
    // 3 in 29.5 days: 1 left → 29.5 / 3 days = 9.8333… days, not a whole millisecond, so up;
    // 2 left → 19.666… days, likewise.
    const at = (budget: bigint) =>
      projectExhaustion({
        budgetMinor: budget,
        consumed: [{ day: "2026-06-30", amountMinor: 3n }],
        startedAt: new Date("2026-01-01T00:00:00Z"),
        endsAt: null,
        now,
      }).outcome;
    expect(at(4n)).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + Math.ceil((29.5 * DAY) / 3)),
    });
    expect(at(5n)).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + Math.ceil((2 * 29.5 * DAY) / 3)),
    });
  });

  describe("reads the rate over the time that has passed, not over whole days", () => {
    // The walk's case: endpoints costing 3,624 a day, the first award valid from 22:00 today.
    const at = (time: string) => new Date(`2026-06-30T${time}Z`);
    const startedAt = at("22:00:00");
    const HOUR = 3_600_000;
    const project = (consumedMinor: bigint, when: Date) =>
      projectExhaustion({
        budgetMinor: 1_000_000n,
        consumed: [{ day: "2026-06-30", amountMinor: consumedMinor }],
        startedAt,
        endsAt: null,
        now: when,
      });

    it("says it is too early when consumption began minutes ago", () => {
      // 37 minutes at 3,624 a day ≈ 93 consumed: not read as 93 a day.
      const projection = project(93n, at("22:37:00"));
      expect(projection).toMatchObject({
        elapsedMs: 37 * 60_000,
        recentConsumedMinor: 93n,
        ratePerDayMinor: 0n,
        outcome: { kind: "tooEarly" },
      });
      // Just under an hour: still too early; an hour: a rate.
      expect(project(150n, new Date(startedAt.getTime() + HOUR - 1)).outcome).toEqual({
        kind: "tooEarly",
      });
      expect(project(151n, new Date(startedAt.getTime() + HOUR)).ratePerDayMinor).toBe(3_624n);
    });

    it("reads an hours-old window over its hours", () => {
      // Valid from 08:00, now 20:00: 1,812 in 12 hours = 3,624 a day; 998,188 left →
      // 998,188 / 3,624 days, to the millisecond rounded up.
      const projection = projectExhaustion({
        budgetMinor: 1_000_000n,
        consumed: [{ day: "2026-06-30", amountMinor: 1_812n }],
        startedAt: at("08:00:00"),
        endsAt: null,
        now: at("20:00:00"),
      });
      expect(projection).toMatchObject({
        windowFrom: "2026-06-30",
        elapsedMs: 12 * HOUR,
        ratePerDayMinor: 3_624n,
        remainingMinor: 998_188n,
      });
      const ms = (998_188n * 12n * BigInt(HOUR) + 1_812n - 1n) / 1_812n;
      expect(projection.outcome).toEqual({
        kind: "projected",
        date: new Date(at("20:00:00").getTime() + Number(ms)),
      });
    });

    it("reads a 30-day window over 29 days and the part of today that has passed", () => {
      // Awards valid for months; it is 06:00: the window runs from 2026-06-01T00:00 — 29¼ days.
      const projection = projectExhaustion({
        budgetMinor: 10_000_000n,
        consumed: daily(3_624n, 30),
        startedAt: new Date("2026-01-01T00:00:00Z"),
        endsAt: null,
        now: at("06:00:00"),
      });
      // 108,720 over 29.25 days = 3,716.92… a day, rounded half to even.
      expect(projection).toMatchObject({
        windowFrom: "2026-06-01",
        elapsedMs: 29.25 * DAY,
        recentConsumedMinor: 108_720n,
        ratePerDayMinor: 3_717n,
      });
    });
  });
});
