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
  it("projects the date the budget runs out at the last 30 days' rate", () => {
    // 30 days of 1,000/day consumed = 30,000; 70,000 left at 1,000/day = 70 days from now.
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: daily(1_000n, 30),
      firstDay: "2026-01-01",
      endsAt: new Date("2027-01-01T00:00:00Z"),
      now,
    });
    expect(projection).toMatchObject({
      windowFrom: "2026-06-01",
      windowDays: 30,
      recentConsumedMinor: 30_000n,
      ratePerDayMinor: 1_000n,
      remainingMinor: 70_000n,
    });
    expect(projection.outcome).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + 70 * DAY),
    });
  });

  it("reads the rate from the recent window only: older consumption counts as used, not as pace", () => {
    const consumed = [{ day: "2026-01-15", amountMinor: 50_000n }, ...daily(100n, 10)];
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed,
      firstDay: "2026-01-01",
      endsAt: null,
      now,
    });
    // 1,000 in the last 30 days → 100/3 a day; 49,000 left → 1,470 days.
    expect(projection.recentConsumedMinor).toBe(1_000n);
    expect(projection.ratePerDayMinor).toBe(33n);
    expect(projection.remainingMinor).toBe(49_000n);
    expect(projection.outcome).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + 1_470 * DAY),
    });
  });

  it("says the budget outlasts the programme when the rate would exhaust it after the end", () => {
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: daily(1_000n, 30),
      firstDay: "2026-01-01",
      // 70 days are needed; the last award ends in 69.
      endsAt: new Date(now.getTime() + 69 * DAY),
      now,
    });
    expect(projection.outcome).toEqual({ kind: "notBeforeEnd" });
    const justInTime = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: daily(1_000n, 30),
      firstDay: "2026-01-01",
      endsAt: new Date(now.getTime() + 70 * DAY),
      now,
    });
    expect(justInTime.outcome.kind).toBe("projected");
  });

  it("projects nothing at a zero rate", () => {
    const projection = projectExhaustion({
      budgetMinor: 100_000n,
      consumed: [{ day: "2026-03-01", amountMinor: 5_000n }],
      firstDay: "2026-02-01",
      endsAt: new Date("2027-01-01T00:00:00Z"),
      now,
    });
    expect(projection.recentConsumedMinor).toBe(0n);
    expect(projection.ratePerDayMinor).toBe(0n);
    expect(projection.outcome).toEqual({ kind: "idle" });
    expect(
      projectExhaustion({ budgetMinor: 1n, consumed: [], firstDay: null, endsAt: null, now })
        .outcome,
    ).toEqual({ kind: "idle" });
  });

  it("reads a young programme's rate over the days since its first award", () => {
    const projection = projectExhaustion({
      budgetMinor: 10_000n,
      consumed: daily(500n, 5),
      firstDay: "2026-06-26",
      endsAt: new Date("2026-12-31T00:00:00Z"),
      now,
    });
    // 2,500 over 5 days = 500/day; 7,500 left → 15 days.
    expect(projection).toMatchObject({ windowFrom: "2026-06-26", windowDays: 5 });
    expect(projection.outcome).toEqual({
      kind: "projected",
      date: new Date(now.getTime() + 15 * DAY),
    });
  });

  it("says the budget is used up once consumption reaches it", () => {
    const projection = projectExhaustion({
      budgetMinor: 30_000n,
      consumed: daily(1_000n, 30),
      firstDay: "2026-01-01",
      endsAt: null,
      now,
    });
    expect(projection.remainingMinor).toBe(0n);
    expect(projection.outcome).toEqual({ kind: "exhausted" });
  });

  it("never projects early: the time left is rounded up", () => {
    // 1 left at 3 per 30 days (0.1/day) → 10 days exactly; 2 left at 3 per 30 days → 20 days.
    const at = (budget: bigint) =>
      projectExhaustion({
        budgetMinor: budget,
        consumed: [{ day: "2026-06-30", amountMinor: 3n }],
        firstDay: "2026-01-01",
        endsAt: null,
        now,
      }).outcome;
    expect(at(4n)).toEqual({ kind: "projected", date: new Date(now.getTime() + 10 * DAY) });
    expect(at(5n)).toEqual({ kind: "projected", date: new Date(now.getTime() + 20 * DAY) });
  });
});
