import { describe, expect, it } from "vitest";
import type { BackendJob } from "../../compute/driver";
import {
  normalizeReason,
  planObservation,
  timelineEntryTime,
  type ObservedWorkload,
} from "./observation-plan";

const now = new Date("2026-01-01T12:00:00Z");

const workload = (overrides: Partial<ObservedWorkload> = {}): ObservedWorkload => ({
  status: "SUBMITTED",
  statusReason: null,
  startedAt: null,
  missingSince: null,
  cancelRequestedAt: null,
  ...overrides,
});

const job = (overrides: Partial<BackendJob> = {}): BackendJob => ({
  externalId: "7",
  workloadId: "w",
  state: "PENDING",
  reason: "Resources",
  submittedAt: null,
  startedAt: null,
  endedAt: null,
  exitCode: null,
  elapsedSeconds: null,
  ...overrides,
});

describe("planObservation", () => {
  it("moves a submitted job to pending with the scheduler's reason", () => {
    expect(planObservation(workload(), job(), now)).toEqual({
      kind: "progress",
      to: "PENDING",
      reason: "Resources",
      startedAt: null,
    });
  });

  it("writes nothing when neither state nor reason changed", () => {
    const pending = workload({ status: "PENDING", statusReason: "Resources" });
    expect(planObservation(pending, job(), now)).toEqual({ kind: "none" });
  });

  it("records a new pending reason", () => {
    const pending = workload({ status: "PENDING", statusReason: "Priority" });
    expect(planObservation(pending, job({ reason: "AssocGrpGRES" }), now)).toMatchObject({
      kind: "progress",
      to: "PENDING",
      reason: "AssocGrpGRES",
    });
  });

  it("takes the backend's start time when a job starts running, else now", () => {
    const started = new Date("2026-01-01T11:59:00Z");
    expect(
      planObservation(
        workload(),
        job({ state: "RUNNING", reason: "None", startedAt: started }),
        now,
      ),
    ).toEqual({ kind: "progress", to: "RUNNING", reason: null, startedAt: started });
    expect(planObservation(workload(), job({ state: "RUNNING", reason: null }), now)).toMatchObject(
      {
        startedAt: now,
      },
    );
  });

  it("reports a job that was missing and is back without a state change", () => {
    const running = workload({
      status: "RUNNING",
      startedAt: now,
      missingSince: new Date("2026-01-01T11:58:00Z"),
    });
    expect(planObservation(running, job({ state: "RUNNING", reason: null }), now)).toEqual({
      kind: "found",
    });
  });

  it("ends a job with its exit code and end time; a cancel on request says so", () => {
    const ended = new Date("2026-01-01T11:59:30Z");
    expect(
      planObservation(
        workload({ status: "RUNNING", startedAt: now }),
        job({ state: "FAILED", reason: "NonZeroExitCode", exitCode: 3, endedAt: ended }),
        now,
      ),
    ).toEqual({
      kind: "end",
      to: "FAILED",
      reason: "NonZeroExitCode",
      exitCode: 3,
      startedAt: now,
      endedAt: ended,
    });
    expect(
      planObservation(
        workload({ status: "PENDING", cancelRequestedAt: now }),
        job({ state: "CANCELLED" }),
        now,
      ),
    ).toMatchObject({ kind: "end", to: "CANCELLED", reason: "Cancelled on request", endedAt: now });
  });

  it("never moves a workload that has ended or was not submitted", () => {
    for (const status of ["ACCEPTED", "COMPLETED", "CANCELLED", "LOST", "REFUSED"] as const) {
      expect(planObservation(workload({ status }), job({ state: "RUNNING" }), now)).toEqual({
        kind: "none",
      });
    }
  });
});

describe("planObservation with a state it does not know", () => {
  it("changes nothing rather than guess", () => {
    expect(
      planObservation(workload(), job({ state: "SUSPENDED" as BackendJob["state"] }), now),
    ).toEqual({ kind: "none" });
  });
});

describe("normalizeReason", () => {
  it("treats None and blanks as no reason", () => {
    expect(normalizeReason("None")).toBeNull();
    expect(normalizeReason("  ")).toBeNull();
    expect(normalizeReason(undefined)).toBeNull();
    expect(normalizeReason(" Resources ")).toBe("Resources");
  });
});

describe("timelineEntryTime", () => {
  const startedAt = new Date("2026-01-01T11:59:58Z");
  const endedAt = new Date("2026-01-01T11:59:59Z");

  it("dates a first start and an end at the times the workload stores for them", () => {
    const running = job({ state: "RUNNING", reason: null, startedAt });
    const start = planObservation(workload(), running, now);
    if (start.kind !== "progress") throw new Error("expected progress");
    expect(start.startedAt).toEqual(startedAt);
    expect(timelineEntryTime(workload(), start, now)).toEqual(startedAt);

    const ran = workload({ status: "RUNNING", startedAt });
    const end = planObservation(ran, job({ state: "COMPLETED", startedAt, endedAt }), now);
    if (end.kind !== "end") throw new Error("expected an end");
    expect(timelineEntryTime(ran, end, now)).toEqual(end.endedAt);
    expect(end.endedAt).toEqual(endedAt);
  });

  it("dates a start the backend gives no time for, a new reason and a start after a requeue when seen", () => {
    const unknownStart = planObservation(workload(), job({ state: "RUNNING", reason: null }), now);
    if (unknownStart.kind !== "progress") throw new Error("expected progress");
    expect(timelineEntryTime(workload(), unknownStart, now)).toEqual(now);

    const pending = planObservation(workload(), job({ reason: "Priority" }), now);
    if (pending.kind !== "progress") throw new Error("expected progress");
    expect(timelineEntryTime(workload(), pending, now)).toEqual(now);

    const requeued = workload({ status: "PENDING", statusReason: "Resources", startedAt });
    const again = planObservation(
      requeued,
      job({ state: "RUNNING", reason: null, startedAt: endedAt }),
      now,
    );
    if (again.kind !== "progress") throw new Error("expected progress");
    expect(again.startedAt).toEqual(startedAt);
    expect(timelineEntryTime(requeued, again, now)).toEqual(now);
  });
});
