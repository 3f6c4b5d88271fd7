import { describe, expect, it } from "vitest";
import {
  exitCodeFromSacct,
  exitCodeFromWaitStatus,
  mapSlurmJobState,
  normalizeSlurmState,
} from "./job-state";

describe("mapSlurmJobState", () => {
  it("reports a pending job with the scheduler's reason", () => {
    expect(mapSlurmJobState("PENDING", "AssocGrpGRES")).toEqual({
      state: "PENDING",
      reason: "AssocGrpGRES",
      ended: false,
    });
    expect(mapSlurmJobState("PENDING", "Resources").reason).toBe("Resources");
    expect(mapSlurmJobState("PENDING", "Priority").reason).toBe("Priority");
    expect(mapSlurmJobState("PENDING", "None").reason).toBeNull();
  });

  it("treats jobs holding their allocation as running", () => {
    expect(mapSlurmJobState("RUNNING", "None")).toEqual({
      state: "RUNNING",
      reason: null,
      ended: false,
    });
    for (const state of ["CONFIGURING", "COMPLETING", "SUSPENDED"]) {
      expect(mapSlurmJobState(state, "None")).toEqual({
        state: "RUNNING",
        reason: state,
        ended: false,
      });
    }
  });

  it("ends successful, cancelled and failed jobs, naming the failure", () => {
    expect(mapSlurmJobState("COMPLETED")).toEqual({
      state: "COMPLETED",
      reason: null,
      ended: true,
    });
    expect(mapSlurmJobState("CANCELLED by 995")).toEqual({
      state: "CANCELLED",
      reason: null,
      ended: true,
    });
    for (const state of [
      "FAILED",
      "TIMEOUT",
      "NODE_FAIL",
      "OUT_OF_MEMORY",
      "BOOT_FAIL",
      "DEADLINE",
      "PREEMPTED",
    ]) {
      expect(mapSlurmJobState(state, "NonZeroExitCode")).toEqual({
        state: "FAILED",
        reason: state,
        ended: true,
      });
    }
  });

  it("keeps a requeued job pending and an unknown state running, never ended", () => {
    expect(mapSlurmJobState("REQUEUED", "None")).toEqual({
      state: "PENDING",
      reason: "REQUEUED",
      ended: false,
    });
    expect(mapSlurmJobState("SOMETHING_NEW")).toEqual({
      state: "RUNNING",
      reason: "SOMETHING_NEW",
      ended: false,
    });
    expect(mapSlurmJobState(null).ended).toBe(false);
  });

  it("normalises case and trailing words", () => {
    expect(normalizeSlurmState("cancelled by 0")).toBe("CANCELLED");
    expect(normalizeSlurmState("  OUT_OF_MEMORY ")).toBe("OUT_OF_MEMORY");
    expect(normalizeSlurmState(undefined)).toBe("");
  });
});

describe("exitCodeFromWaitStatus", () => {
  it("decodes a normal exit from the raw wait status", () => {
    expect(exitCodeFromWaitStatus(0)).toBe(0);
    expect(exitCodeFromWaitStatus(768)).toBe(3);
    expect(exitCodeFromWaitStatus(256)).toBe(1);
    expect(exitCodeFromWaitStatus(255 << 8)).toBe(255);
  });

  it("reports a job killed by a signal as 128 + signal", () => {
    expect(exitCodeFromWaitStatus(15)).toBe(143);
    expect(exitCodeFromWaitStatus(9)).toBe(137);
  });

  it("has no exit code for a missing status", () => {
    expect(exitCodeFromWaitStatus(null)).toBeNull();
    expect(exitCodeFromWaitStatus(undefined)).toBeNull();
    expect(exitCodeFromWaitStatus(-1)).toBeNull();
  });
});

describe("exitCodeFromSacct", () => {
  it("reads sacct's exit:signal column", () => {
    expect(exitCodeFromSacct("3:0")).toBe(3);
    expect(exitCodeFromSacct("0:0\n")).toBe(0);
    expect(exitCodeFromSacct("0:15")).toBe(143);
    expect(exitCodeFromSacct("")).toBeNull();
    expect(exitCodeFromSacct("n/a")).toBeNull();
  });
});
