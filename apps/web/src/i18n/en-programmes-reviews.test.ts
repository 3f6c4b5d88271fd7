import { describe, expect, it } from "vitest";
import { summarizeReviews } from "@tessera/core/review-summary";
import { enProgrammes } from "./en-programmes";

/** The review count every page shows (dashboard, home, application list, side-by-side reviews). */
const shown = (reviews: { score: number | null; conflict?: boolean }[]) =>
  enProgrammes.dashboard.reviewSummary(
    summarizeReviews(
      reviews.map(({ score, conflict }) => ({
        score,
        conflictDeclaredAt: conflict ? new Date("2026-03-01T10:00:00Z") : null,
      })),
    ),
  );

describe("the review count", () => {
  it("does not count a review that declared a conflict as done or as still to come", () => {
    expect(shown([{ score: 4 }, { score: null, conflict: true }])).toBe(
      "1 of 1 scored, mean 4.00 (1 reviewer declared a conflict)",
    );
  });

  it("counts reviews not scored yet as still to come", () => {
    expect(shown([{ score: 5 }, { score: 4 }, { score: null }])).toBe("2 of 3 scored, mean 4.50");
    expect(shown([{ score: null }, { score: null, conflict: true }])).toBe(
      "0 of 1 scored (1 reviewer declared a conflict)",
    );
  });

  it("says when no review stands or no reviewer was assigned", () => {
    expect(
      shown([
        { score: null, conflict: true },
        { score: null, conflict: true },
      ]),
    ).toBe("No review stands: 2 reviewers declared a conflict");
    expect(shown([])).toBe("No reviewers yet");
  });
});
