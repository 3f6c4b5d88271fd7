import { describe, expect, it } from "vitest";
import { summarizeReviews } from "@tessera/core/review-summary";
import { enProgrammes } from "./en-programmes";

/** The review count every page shows (dashboard, home, application list, side-by-side reviews). */
const shown = (
  reviews: { score: number | null; conflict?: boolean }[],
  applicationStatus: "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "WITHDRAWN" = "UNDER_REVIEW",
) =>
  enProgrammes.dashboard.reviewSummary(
    summarizeReviews(
      reviews.map(({ score, conflict }) => ({
        score,
        conflictDeclaredAt: conflict ? new Date("2026-03-01T10:00:00Z") : null,
        applicationStatus,
      })),
    ),
    applicationStatus,
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

  it("does not say a decided application is still waiting for reviewers", () => {
    expect(shown([], "APPROVED")).toBe("Decided without reviews");
    expect(shown([], "REJECTED")).toBe("Decided without reviews");
    expect(shown([], "WITHDRAWN")).toBe("Withdrawn before any review");
    expect(enProgrammes.decision.noReviewersAssigned("APPROVED")).toBe("Decided without reviews.");
    expect(enProgrammes.decision.noReviewersAssigned("UNDER_REVIEW")).toBe(
      "No reviewer is assigned yet.",
    );
  });

  it("says what an approval goes ahead without, in the right number", () => {
    const without = enProgrammes.decision.decidingWithoutReviews;
    expect(without({ kind: "unscored", open: 1 })).toContain("go ahead without it.");
    expect(without({ kind: "unscored", open: 1 })).toContain("ask the reviewer to score");
    expect(without({ kind: "unscored", open: 2 })).toContain("go ahead without them.");
    expect(without({ kind: "none-assigned" })).toContain("without any review.");
    expect(enProgrammes.decision.reviewsOpen(1)).toBe("1 review is not scored yet.");
  });

  it("says when the decision came before a reviewer scored", () => {
    expect(shown([{ score: 4 }, { score: null }], "APPROVED")).toBe(
      "1 of 2 scored, mean 4.00 (1 review closed before scoring)",
    );
  });
});

/** What a reviewer reads when nothing waits for them: only what is true of their reviews. */
const allDone = (
  reviews: { score: number | null; conflict?: boolean; status: "APPROVED" | "CHANGES_REQUESTED" }[],
) =>
  enProgrammes.reviews.allDoneBody(
    summarizeReviews(
      reviews.map(({ score, conflict, status }) => ({
        score,
        conflictDeclaredAt: conflict ? new Date("2026-03-01T10:00:00Z") : null,
        applicationStatus: status,
      })),
    ),
  );

describe("the reviewer's empty list", () => {
  it("does not say they scored an application decided before they did", () => {
    const text = allDone([{ score: null, status: "APPROVED" }]);
    expect(text).toBe(
      "1 application was decided or withdrawn before you scored it; that review is closed. All your reviews are under All.",
    );
    expect(text).not.toMatch(/You have scored/);
  });

  it("names what they scored, declared and what the applicant holds, each counted once", () => {
    expect(
      allDone([
        { score: 4, status: "APPROVED" },
        { score: 2, status: "APPROVED" },
        { score: null, conflict: true, status: "APPROVED" },
        { score: null, status: "APPROVED" },
        { score: null, status: "APPROVED" },
        { score: null, status: "CHANGES_REQUESTED" },
      ]),
    ).toBe(
      "You have scored 2 applications and declared a conflict on 1 application. 2 applications were decided or withdrawn before you scored them; those reviews are closed. 1 application is back with the applicant for changes; it returns here when resubmitted. All your reviews are under All.",
    );
  });
});
