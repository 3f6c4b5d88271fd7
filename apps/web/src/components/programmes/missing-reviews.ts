import type { ApplicationForAdmin } from "./types";

type ReviewSummary = ApplicationForAdmin["reviewSummary"];

/**
 * What an approval made now would go ahead without: no reviewer assigned, reviews not yet scored,
 * or no score at all because every reviewer declared a conflict. Null when every assigned
 * reviewer has scored or stood aside and at least one score stands.
 */
export type MissingReviews =
  { kind: "none-assigned" } | { kind: "unscored"; open: number } | { kind: "all-conflicted" };

export function missingReviews(summary: ReviewSummary): MissingReviews | null {
  if (summary.assigned === 0) return { kind: "none-assigned" };
  if (summary.open > 0) return { kind: "unscored", open: summary.open };
  if (summary.scored === 0) return { kind: "all-conflicted" };
  return null;
}
