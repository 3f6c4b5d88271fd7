import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatDate } from "@/i18n";
import { ProjectionFigures } from "./projection-figures";
import type { BudgetProjection } from "./types";

const base = {
  windowFrom: "2026-05-03",
  elapsedMs: 30 * 86_400_000,
  recentConsumedMinor: 30_000,
  ratePerDayMinor: 1_000,
  remainingMinor: 500_000,
  fullWindow: true,
  outcome: { kind: "notBeforeEnd" },
} as const;

const ends = (projection: Partial<BudgetProjection>) =>
  renderToStaticMarkup(
    createElement(ProjectionFigures, {
      projection: { ...base, endsAt: null, endsBy: null, ...projection },
      currency: "EUR",
    }),
  );

describe("when the programme ends, beside the burn-down", () => {
  const date = new Date("2027-03-28T00:00:00Z");

  it("with a call still open, is no earlier than that call closes", () => {
    expect(ends({ endsAt: date, endsBy: "call" })).toContain(
      `${formatDate(date)} at the earliest, when its open call closes (awards made on it may run longer)`,
    );
  });

  it("with a call open or to come, is when the last award so far ends, which it may extend", () => {
    const html = ends({ endsAt: date, endsBy: "awardSoFar" });
    expect(html).toContain(
      `${formatDate(date)}, when its last award so far ends (an open or upcoming call may extend it)`,
    );
    expect(html).toContain(`Not before ${formatDate(date)}, when its last award so far ends`);
    expect(html).not.toContain("Not before the programme ends on");
  });

  it("once every call has closed, is when its last award ends", () => {
    expect(ends({ endsAt: date, endsBy: "award" })).toContain(
      `${formatDate(date)}, when its last award ends`,
    );
  });
});

describe("whether the budget runs out, beside the burn-down", () => {
  const date = new Date("2027-06-04T00:00:00Z");

  it("answers the question in one sentence, with the date and the daily rate", () => {
    const html = ends({ endsAt: date, endsBy: "award", ratePerDayMinor: 21 });
    expect(html).toContain("Will the budget run out?");
    expect(html).toContain(`Not before the programme ends on ${formatDate(date)}, at €0.21 a day.`);
    expect(html).not.toContain("At the current rate");
  });

  it("says when it runs out, and at what rate", () => {
    const html = ends({
      endsAt: date,
      endsBy: "award",
      outcome: { kind: "projected", date: new Date("2027-01-15T00:00:00Z") },
    });
    expect(html).toContain(
      `Yes, on ${formatDate(new Date("2027-01-15T00:00:00Z"))}, at €10.00 a day.`,
    );
  });
});

describe("a programme whose consumption began minutes ago, beside the burn-down", () => {
  it("says it is too early to project, and gives no rate", () => {
    const html = ends({
      endsAt: new Date("2027-06-04T00:00:00Z"),
      endsBy: "award",
      elapsedMs: 37 * 60_000,
      recentConsumedMinor: 4,
      ratePerDayMinor: 0,
      outcome: { kind: "tooEarly" },
    });
    expect(html).toContain(
      "Too early to project: consumption started less than an hour ago, too little to read a daily rate from.",
    );
    expect(html).toContain("Not yet: less than an hour of consumption to read it from");
    expect(html).not.toContain("a day");
  });
});

describe("a programme with nothing consumed on its awards yet, beside the burn-down", () => {
  it("says so plainly, without claiming consumption started, and projects nothing", () => {
    const html = ends({
      endsAt: new Date("2027-06-04T00:00:00Z"),
      endsBy: "award",
      elapsedMs: 20 * 60_000,
      fullWindow: false,
      recentConsumedMinor: 0,
      ratePerDayMinor: 0,
      remainingMinor: 50_000_000,
      outcome: { kind: "nothingConsumed" },
    });
    expect(html).toContain(
      "Not projected: nothing has been consumed on this programme&#x27;s awards yet, so there is no rate to project from.",
    );
    expect(html).toContain("None: nothing consumed yet");
    expect(html).not.toContain("consumption started");
    expect(html).not.toContain("a day");
  });
});

describe("how the rate is read, beside the burn-down", () => {
  it("over the full window: the last 30 days, in one plain sentence", () => {
    const html = ends({});
    expect(html).toContain(
      "The daily rate is what was consumed in the last 30 days (UTC, today so far included), divided by the time they cover: 30.0 days.",
    );
    expect(html).not.toContain("at most the last 30");
  });

  it("names the full window the same beside the rate, though less of today has passed", () => {
    // 29 days and some hours into the window (today so far is part of it).
    const html = ends({
      elapsedMs: 29.2 * 86_400_000,
      recentConsumedMinor: 671,
      ratePerDayMinor: 23,
    });
    expect(html).toContain("the last 30 days (UTC, today so far included)");
    expect(html).toContain("divided by the time they cover: 29.2 days.");
    expect(html).toContain("€0.23 a day (€6.71 in the last 30 days)");
    expect(html).not.toContain("the last 29 days");
  });

  it("for a programme younger than the window: since its first award began, and why not 30 days", () => {
    const html = ends({ elapsedMs: 29 * 86_400_000, fullWindow: false });
    expect(html).toContain(
      "The daily rate is what was consumed since the allocation of its first award began, 29 days ago, divided by that time. Once its awards have run for 30 days, it is read from the last 30.",
    );
  });
});
