import { describe, expect, it } from "vitest";
import { enBudgets } from "./en-budgets";

describe("the projection's wording", () => {
  it('says "the last day", never "the last 1 day"', () => {
    const p = enBudgets.projection;
    expect(p.idle(1)).toBe(
      "Not at present: nothing was consumed in the last day, so no date is projected.",
    );
    expect(p.idle(30)).toBe(
      "Not at present: nothing was consumed in the last 30 days, so no date is projected.",
    );
    expect(p.ratePerDay("€1.00", "€1.00", 1)).toBe("€1.00 a day (€1.00 in the last day)");
    expect(p.basis(1)).toContain("from the last day (UTC days)");
    expect(p.basis(1)).not.toMatch(/\b1 day/);
  });
});
