import { describe, expect, it } from "vitest";
import { summarizeReviews } from "./review-summary";

const conflict = new Date("2026-03-01T10:00:00Z");

describe("summarizeReviews", () => {
  it("counts assignments, scores and conflicts and averages only given scores", () => {
    expect(
      summarizeReviews([
        { score: 4, conflictDeclaredAt: null },
        { score: 5, conflictDeclaredAt: null },
        { score: 4, conflictDeclaredAt: null },
        { score: null, conflictDeclaredAt: conflict },
        { score: null, conflictDeclaredAt: null },
      ]),
    ).toEqual({ assigned: 5, scored: 3, conflicts: 1, expected: 4, open: 1, meanScore: 4.33 });
  });

  it("does not count a review that declared a conflict as done, nor as still to come", () => {
    // One reviewer scored 4, the other declared a conflict: one of one review done, none open.
    const summary = summarizeReviews([
      { score: 4, conflictDeclaredAt: null },
      { score: null, conflictDeclaredAt: conflict },
    ]);
    expect(summary).toMatchObject({ assigned: 2, scored: 1, expected: 1, open: 0, conflicts: 1 });
  });

  it("never counts a score alongside a declared conflict", () => {
    // A score left on a conflicted review (older data) is neither done nor averaged.
    const summary = summarizeReviews([
      { score: 1, conflictDeclaredAt: conflict },
      { score: 5, conflictDeclaredAt: null },
    ]);
    expect(summary).toMatchObject({ scored: 1, conflicts: 1, expected: 1, open: 0, meanScore: 5 });
  });

  it("has no mean before anyone scores", () => {
    expect(summarizeReviews([])).toEqual({
      assigned: 0,
      scored: 0,
      conflicts: 0,
      expected: 0,
      open: 0,
      meanScore: null,
    });
  });
});
