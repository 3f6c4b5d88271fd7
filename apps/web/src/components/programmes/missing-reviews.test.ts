import { describe, expect, it } from "vitest";
import { missingReviews } from "./missing-reviews";

const summary = (assigned: number, scored: number, conflicts: number) => ({
  assigned,
  scored,
  conflicts,
  expected: assigned - conflicts,
  open: assigned - conflicts - scored,
  closed: 0,
  meanScore: scored > 0 ? 4 : null,
});

describe("missingReviews", () => {
  it("says when no reviewer was assigned", () => {
    expect(missingReviews(summary(0, 0, 0))).toEqual({ kind: "none-assigned" });
  });
  it("counts the reviews not scored yet, leaving out those who stood aside", () => {
    expect(missingReviews(summary(3, 1, 1))).toEqual({ kind: "unscored", open: 1 });
    expect(missingReviews(summary(1, 0, 0))).toEqual({ kind: "unscored", open: 1 });
  });
  it("says when every reviewer declared a conflict, so no score stands", () => {
    expect(missingReviews(summary(2, 0, 2))).toEqual({ kind: "all-conflicted" });
  });
  it("is nothing once every assigned reviewer has scored or stood aside", () => {
    expect(missingReviews(summary(3, 2, 1))).toBeNull();
  });
});
