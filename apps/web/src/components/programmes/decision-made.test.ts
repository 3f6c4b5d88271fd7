import { describe, expect, it } from "vitest";
import { decisionMade } from "./decision-made";

const at = (iso: string) => new Date(iso);
const event = (toStatus: string, createdAt: string, name: string | null) => ({
  id: createdAt,
  fromStatus: null,
  toStatus,
  note: null,
  createdAt: at(createdAt),
  actor: name === null ? null : { id: name, name },
});

const application = (status: string, events: ReturnType<typeof event>[]) =>
  ({
    status,
    decidedAt: at("2026-12-01T09:00:00Z"),
    updatedAt: at("2026-12-02T09:00:00Z"),
    events,
  }) as unknown as Parameters<typeof decisionMade>[0];

describe("the decision an application shows once decided", () => {
  it("is nothing while the application is still open", () => {
    expect(decisionMade(application("UNDER_REVIEW", []))).toBeNull();
    expect(decisionMade(application("CHANGES_REQUESTED", []))).toBeNull();
  });

  it("names who approved it and when, from the last approval in its history", () => {
    expect(
      decisionMade(
        application("APPROVED", [
          event("UNDER_REVIEW", "2026-11-20T10:00:00Z", "Priya Nair"),
          event("APPROVED", "2026-11-28T15:30:00Z", "Priya Nair"),
        ]),
      ),
    ).toEqual({ status: "APPROVED", at: at("2026-11-28T15:30:00Z"), by: "Priya Nair" });
  });

  it("falls back to the recorded decision time, without a name, when the history lacks it", () => {
    expect(decisionMade(application("REJECTED", []))).toEqual({
      status: "REJECTED",
      at: at("2026-12-01T09:00:00Z"),
      by: null,
    });
  });
});
