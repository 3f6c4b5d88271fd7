import { describe, expect, it } from "vitest";
import { mayDeclareConflict, mayScore, reviewState } from "./review-state";

describe("review state", () => {
  const open = {
    score: null,
    conflictDeclaredAt: null,
    applicationStatus: "UNDER_REVIEW" as const,
  };

  it("is pending until scored, then scored; a conflict trumps both", () => {
    expect(reviewState(open)).toBe("PENDING");
    expect(reviewState({ ...open, score: 4 })).toBe("SCORED");
    expect(reviewState({ ...open, conflictDeclaredAt: new Date() })).toBe("CONFLICT");
    expect(reviewState({ ...open, applicationStatus: "APPROVED" })).toBe("CLOSED");
  });

  it("is closed when the application was decided or withdrawn before the reviewer acted", () => {
    for (const status of ["APPROVED", "REJECTED", "WITHDRAWN"] as const)
      expect(reviewState({ ...open, applicationStatus: status }), status).toBe("CLOSED");
    // A score or a conflict given before the decision stays what it was.
    expect(reviewState({ ...open, score: 3, applicationStatus: "APPROVED" })).toBe("SCORED");
  });

  it("is on hold, not closed, while the applicant makes requested changes", () => {
    expect(reviewState({ ...open, applicationStatus: "CHANGES_REQUESTED" })).toBe("ON_HOLD");
    expect(reviewState({ ...open, applicationStatus: "SUBMITTED" })).toBe("PENDING");
  });

  it("lets a reviewer score only under review and only without a conflict", () => {
    expect(mayScore(open)).toBe(true);
    expect(mayScore({ ...open, conflictDeclaredAt: new Date() })).toBe(false);
    for (const status of [
      "SUBMITTED",
      "CHANGES_REQUESTED",
      "APPROVED",
      "REJECTED",
      "WITHDRAWN",
    ] as const)
      expect(mayScore({ ...open, applicationStatus: status }), status).toBe(false);
  });

  it("lets a reviewer declare a conflict once, before the decision", () => {
    expect(mayDeclareConflict(open)).toBe(true);
    expect(mayDeclareConflict({ ...open, applicationStatus: "SUBMITTED" })).toBe(true);
    expect(mayDeclareConflict({ ...open, conflictDeclaredAt: new Date() })).toBe(false);
    expect(mayDeclareConflict({ ...open, applicationStatus: "REJECTED" })).toBe(false);
  });
});
