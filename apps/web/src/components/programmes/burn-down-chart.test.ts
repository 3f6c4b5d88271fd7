import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BurnDownChart } from "./burn-down-chart";
import type { BudgetProjection } from "./types";

const projection = {
  windowFrom: "2026-11-07",
  elapsedMs: 30 * 86_400_000,
  recentConsumedMinor: 3_546,
  ratePerDayMinor: 0,
  remainingMinor: 198_133_109,
  outcome: { kind: "notBeforeEnd" },
  endsAt: null,
  endsBy: null,
} as unknown as BudgetProjection;

const chart = (consumedMinor: number) =>
  renderToStaticMarkup(
    createElement(BurnDownChart, {
      points: [
        {
          day: "2026-12-05",
          awardedMinor: 1_661_891,
          consumedMinor: 0,
          unawardedMinor: 200_000_000 - 1_661_891,
          committedMinor: 1_661_891,
        },
        {
          day: "2026-12-06",
          awardedMinor: 3_866_891,
          consumedMinor,
          unawardedMinor: 200_000_000 - 3_866_891,
          committedMinor: 3_866_891 - consumedMinor,
        },
      ],
      budgetMinor: 200_000_000,
      currency: "EUR",
      projection,
    }),
  );

describe("the programme burn-down", () => {
  it("labels its axis and keeps the budget and the award in view", () => {
    const html = chart(3_546);
    for (const tick of ["€2,000,000", "€1,500,000", "€1,000,000", "€500,000", "€0"])
      expect(html).toContain(`>${tick}<`);
    // Neither reference is pushed off the first panel's scale.
    const overview = html.slice(0, html.indexOf("Consumption, close up"));
    expect(overview).not.toContain("above this scale");
    expect(overview).toContain(">Budget<");
    expect(overview).toContain(">Awarded<");
  });

  it("shows a small consumption close up on its own labelled scale", () => {
    const html = chart(3_546);
    expect(html).toContain("Consumption, close up");
    expect(html).toContain(">€50<");
    expect(html).toContain("Awarded: €38,668.91 — above this scale");
  });

  it("needs no close-up when consumption reads on the budget's scale", () => {
    expect(chart(150_000_000)).not.toContain("Consumption, close up");
  });
});
