import { describe, expect, it } from "vitest";
import { enBudgets } from "./en-budgets";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the projection's wording", () => {
  it("names the time the rate was read over: hours under two days, days after, never 1 hour", () => {
    const p = enBudgets.projection;
    expect(p.idle(30 * DAY, true)).toBe(
      "Not at present: nothing was consumed in the last 30 days, so no date is projected.",
    );
    // The full window is named as the basis names it, however much of today has passed.
    expect(p.ratePerDay("€36.24", "€1,083.00", 29.9 * DAY, true)).toBe(
      "€36.24 a day (€1,083.00 in the last 30 days)",
    );
    expect(p.ratePerDay("€0.23", "€6.71", 29.2 * DAY, true)).toBe(
      "€0.23 a day (€6.71 in the last 30 days)",
    );
    expect(p.idle(29.2 * DAY, true)).toContain("nothing was consumed in the last 30 days");
    // A younger programme's by the time since its first award began.
    expect(p.ratePerDay("€36.24", "€1,030.00", 29.2 * DAY, false)).toBe(
      "€36.24 a day (€1,030.00 in the last 29 days)",
    );
    expect(p.ratePerDay("€36.24", "€1.51", HOUR, false)).toBe(
      "€36.24 a day (€1.51 in the last hour)",
    );
    expect(p.ratePerDay("€36.24", "€18.12", 12.5 * HOUR, false)).toBe(
      "€36.24 a day (€18.12 in the last 12 hours)",
    );
    expect(p.ratePerDay("€36.24", "€72.48", 47 * HOUR, false)).toContain("in the last 47 hours");
    expect(p.basis(HOUR, false)).toContain(
      "since the allocation of its first award began, 1 hour ago,",
    );
    expect(p.basis(29.2 * DAY, false)).toContain("began, 29 days ago,");
    // Less than an hour in, it says how long — never "1 hour ago" beside "less than an hour".
    expect(p.basis(43 * 60_000, false)).toContain("began, 43 minutes ago,");
    expect(p.basis(20_000, false)).toContain("began, 1 minute ago,");
    expect(p.tooEarly).toMatch(/^Too early to project: .*less than an hour/);
  });
});
