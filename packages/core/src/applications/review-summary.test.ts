import { describe, expect, it } from "vitest";
import { summarizeApplicationReviews, summarizeReviews } from "./review-summary";

const conflict = new Date("2026-03-01T10:00:00Z");
const underReview = "UNDER_REVIEW" as const;

describe("summarizeReviews", () => {
  it("counts assignments, scores and conflicts and averages only given scores", () => {
    expect(
      summarizeReviews([
        { score: 4, conflictDeclaredAt: null, applicationStatus: underReview },
        { score: 5, conflictDeclaredAt: null, applicationStatus: underReview },
        { score: 4, conflictDeclaredAt: null, applicationStatus: underReview },
        { score: null, conflictDeclaredAt: conflict, applicationStatus: underReview },
        { score: null, conflictDeclaredAt: null, applicationStatus: underReview },
      ]),
    ).toEqual({
      assigned: 5,
      scored: 3,
      conflicts: 1,
      expected: 4,
      open: 1,
      closed: 0,
      meanScore: 4.33,
    });
  });

  it("does not count a review that declared a conflict as done, nor as still to come", () => {
    // One reviewer scored 4, the other declared a conflict: one of one review done, none open.
    const summary = summarizeReviews([
      { score: 4, conflictDeclaredAt: null, applicationStatus: underReview },
      { score: null, conflictDeclaredAt: conflict, applicationStatus: underReview },
    ]);
    expect(summary).toMatchObject({ assigned: 2, scored: 1, expected: 1, open: 0, conflicts: 1 });
  });

  it("never counts a score alongside a declared conflict", () => {
    // A score left on a conflicted review (older data) is neither done nor averaged.
    const summary = summarizeReviews([
      { score: 1, conflictDeclaredAt: conflict, applicationStatus: underReview },
      { score: 5, conflictDeclaredAt: null, applicationStatus: underReview },
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
      closed: 0,
      meanScore: null,
    });
  });

  it("counts a review the decision overtook as closed, neither scored nor still to come", () => {
    // Rui had not scored when the administrator approved; Sofia had scored 4.
    const summary = summarizeApplicationReviews("APPROVED", [
      { score: null, conflictDeclaredAt: null },
      { score: 4, conflictDeclaredAt: null },
    ]);
    expect(summary).toEqual({
      assigned: 2,
      scored: 1,
      conflicts: 0,
      expected: 2,
      open: 0,
      closed: 1,
      meanScore: 4,
    });
  });

  it("counts one reviewer's assignments across applications in the same way", () => {
    const summary = summarizeReviews([
      { score: null, conflictDeclaredAt: null, applicationStatus: "UNDER_REVIEW" },
      { score: null, conflictDeclaredAt: null, applicationStatus: "CHANGES_REQUESTED" },
      { score: null, conflictDeclaredAt: null, applicationStatus: "REJECTED" },
      { score: null, conflictDeclaredAt: null, applicationStatus: "WITHDRAWN" },
      { score: 5, conflictDeclaredAt: null, applicationStatus: "APPROVED" },
      { score: null, conflictDeclaredAt: conflict, applicationStatus: "APPROVED" },
    ]);
    expect(summary).toMatchObject({ scored: 1, conflicts: 1, open: 2, closed: 2, expected: 5 });
  });
});
