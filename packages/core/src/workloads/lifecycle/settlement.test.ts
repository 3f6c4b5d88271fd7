import { describe, expect, it } from "vitest";
import type { BackendJob } from "../../compute/driver";
import { elapsedSecondsOf, settlementFor } from "./settlement";

const job = (overrides: Partial<BackendJob>): BackendJob => ({
  externalId: "42",
  workloadId: "w1",
  state: "COMPLETED",
  reason: null,
  submittedAt: new Date("2026-01-01T10:00:00Z"),
  startedAt: new Date("2026-01-01T10:00:10Z"),
  endedAt: new Date("2026-01-01T10:10:10Z"),
  exitCode: 0,
  elapsedSeconds: 600,
  ...overrides,
});

describe("settlementFor", () => {
  it("settles elapsed × quantity when that is less than the hold", () => {
    expect(
      settlementFor({ heldUnitSeconds: 7_200n, quantity: 2, job: job({}), knownStartedAt: null }),
    ).toEqual({ kind: "settle", unitSeconds: 1_200, elapsedSeconds: 600 });
  });

  it("never settles more than was held", () => {
    expect(
      settlementFor({
        heldUnitSeconds: 1_000n,
        quantity: 4,
        job: job({ elapsedSeconds: 900 }),
        knownStartedAt: null,
      }),
    ).toEqual({ kind: "settle", unitSeconds: 1_000, elapsedSeconds: 900 });
  });

  it("releases the whole hold for a job that never started", () => {
    expect(
      settlementFor({
        heldUnitSeconds: 3_600n,
        quantity: 1,
        job: job({ state: "CANCELLED", startedAt: null, elapsedSeconds: 0, exitCode: null }),
        knownStartedAt: null,
      }),
    ).toEqual({ kind: "release" });
  });

  it("settles a cancelled job that ran, using the start Tessera saw when the backend has none", () => {
    const seen = new Date("2026-01-01T10:00:00Z");
    expect(
      settlementFor({
        heldUnitSeconds: 3_600n,
        quantity: 1,
        job: job({
          state: "CANCELLED",
          startedAt: null,
          elapsedSeconds: null,
          endedAt: new Date("2026-01-01T10:05:00Z"),
        }),
        knownStartedAt: seen,
      }),
    ).toEqual({ kind: "settle", unitSeconds: 300, elapsedSeconds: 300 });
  });
});

describe("elapsedSecondsOf", () => {
  it("prefers the backend's figure, whole seconds, never negative", () => {
    expect(elapsedSecondsOf(job({ elapsedSeconds: 12.9 }), null)).toBe(12);
    expect(elapsedSecondsOf(job({ elapsedSeconds: -3 }), null)).toBe(0);
    expect(elapsedSecondsOf(job({ elapsedSeconds: null }), null)).toBe(600);
    expect(elapsedSecondsOf(job({ elapsedSeconds: null, endedAt: null }), null)).toBe(0);
  });

  it("counts a span without the backend's figure as the drivers do, to the nearest second", () => {
    const startedAt = new Date("2026-01-01T10:00:00Z");
    const endedAt = new Date("2026-01-01T10:01:29.600Z");
    expect(elapsedSecondsOf(job({ elapsedSeconds: null, startedAt, endedAt }), null)).toBe(90);
  });
});
