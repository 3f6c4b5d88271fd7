import { describe, expect, it } from "vitest";
import { summarizeReviews } from "./review-summary";

describe("summarizeReviews", () => {
  it("counts assignments, scores and conflicts and averages only given scores", () => {
    expect(
      summarizeReviews([
        { score: 4, conflictDeclaredAt: null },
        { score: 5, conflictDeclaredAt: null },
        { score: 4, conflictDeclaredAt: null },
        { score: null, conflictDeclaredAt: new Date() },
        { score: null, conflictDeclaredAt: null },
      ]),
    ).toEqual({ assigned: 5, scored: 3, conflicts: 1, meanScore: 4.33 });
  });

  it("has no mean before anyone scores", () => {
    expect(summarizeReviews([])).toEqual({ assigned: 0, scored: 0, conflicts: 0, meanScore: null });
  });
});
