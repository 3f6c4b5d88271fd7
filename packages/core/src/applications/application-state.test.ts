import { describe, expect, it } from "vitest";
import type { AllocationRequestStatus } from "@tessera/db";
import {
  applicantActions,
  transitionApplication,
  type ApplicationEvent,
} from "./application-state";

const STATUSES: AllocationRequestStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
];
const EVENTS: ApplicationEvent[] = [
  "submit",
  "startReview",
  "requestChanges",
  "approve",
  "reject",
  "withdraw",
];

// The whole table, written out, so a change to the rules shows up here as a deliberate edit.
const EXPECTED: Record<
  ApplicationEvent,
  Partial<Record<AllocationRequestStatus, AllocationRequestStatus>>
> = {
  submit: { DRAFT: "SUBMITTED", CHANGES_REQUESTED: "SUBMITTED" },
  startReview: { SUBMITTED: "UNDER_REVIEW" },
  requestChanges: { UNDER_REVIEW: "CHANGES_REQUESTED" },
  approve: { UNDER_REVIEW: "APPROVED" },
  reject: { UNDER_REVIEW: "REJECTED" },
  withdraw: {
    DRAFT: "WITHDRAWN",
    SUBMITTED: "WITHDRAWN",
    UNDER_REVIEW: "WITHDRAWN",
    CHANGES_REQUESTED: "WITHDRAWN",
  },
};

describe("transitionApplication", () => {
  for (const event of EVENTS) {
    for (const from of STATUSES) {
      const to = EXPECTED[event][from];
      it(`${event} from ${from} → ${to ?? "refused"}`, () => {
        const result = transitionApplication(from, event);
        if (to) {
          expect(result).toEqual({ ok: true, to });
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok)
            expect(result.message).toMatch(/^This application is .+; only an application that is /);
        }
      });
    }
  }

  it("leaves the final states final", () => {
    for (const final of ["APPROVED", "REJECTED", "WITHDRAWN"] as const)
      for (const event of EVENTS) expect(transitionApplication(final, event).ok).toBe(false);
  });
});

describe("applicantActions", () => {
  it("offers editing only for drafts and applications sent back for changes", () => {
    expect(applicantActions("DRAFT")).toEqual({ edit: true, submit: true, withdraw: true });
    expect(applicantActions("CHANGES_REQUESTED")).toEqual({
      edit: true,
      submit: true,
      withdraw: true,
    });
    expect(applicantActions("UNDER_REVIEW")).toEqual({
      edit: false,
      submit: false,
      withdraw: true,
    });
    expect(applicantActions("APPROVED")).toEqual({ edit: false, submit: false, withdraw: false });
  });
});
