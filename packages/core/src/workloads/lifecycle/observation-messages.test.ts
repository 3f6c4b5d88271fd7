import { describe, expect, it } from "vitest";
import { endMessage, type EndPlan } from "./observation-messages";

const ENDED = new Date("2026-12-01T12:00:00Z");

function plan(to: EndPlan["to"], exitCode: number | null): EndPlan {
  return { kind: "end", to, reason: null, exitCode, startedAt: null, endedAt: ENDED };
}

describe("endMessage", () => {
  const hold = { heldUnitSeconds: 14_400n, unit: "GPU" };

  it("says what a finished job used in the class's unit and how long it ran", () => {
    const text = endMessage(plan("COMPLETED", 0), hold, {
      kind: "settle",
      unitSeconds: 3_750,
      elapsedSeconds: 1_875,
    });
    expect(text).toBe(
      "Completed with exit code 0 after 31 min 15 s; used 1.042 GPU-hours of the 4 GPU-hours held, " +
        "the rest went back to the allocation.",
    );
    expect(text).not.toMatch(/unit-seconds/);
  });

  it("says a short job's use in hours like its hold, never as 0 GPU-hours", () => {
    const text = endMessage(plan("FAILED", 2), hold, {
      kind: "settle",
      unitSeconds: 24,
      elapsedSeconds: 12,
    });
    expect(text).not.toMatch(/GPU-seconds|GPU-minutes/);
    expect(text).toContain(
      "Failed with exit code 2 after 12 s; used 0.007 GPU-hours of the 4 GPU-hours held",
    );
  });

  it("says the whole hold went back for a job cancelled before it started", () => {
    expect(endMessage(plan("CANCELLED", null), hold, { kind: "release" })).toBe(
      "Cancelled before it started; the whole hold of 4 GPU-hours went back to the allocation.",
    );
  });
});
