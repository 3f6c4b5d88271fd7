import { describe, expect, it } from "vitest";
import { unitsOfAccountingJob, viewOfAccountingJob, viewOfLiveJob } from "./job-view";
import type { AccountingJob, LiveJob } from "./schemas";

const NOW = 1_800_000_100_000;

const live = (overrides: Partial<LiveJob>): LiveJob => ({
  job_id: 42,
  name: "tessera-cm3workload0001",
  comment: "tessera workload cm3workload0001: run",
  job_state: "RUNNING",
  state_reason: "None",
  exit_code: 0,
  submit_time: 1_800_000_000,
  start_time: 1_800_000_010,
  end_time: 1_800_003_610,
  ...overrides,
});

const accounting = (overrides: Partial<AccountingJob>): AccountingJob => ({
  job_id: 42,
  name: "tessera-cm3workload0001",
  comment: { job: "tessera workload cm3workload0001: run" },
  state: { current: "COMPLETED", reason: "None" },
  exit_code: { status: "SUCCESS", return_code: 0 },
  derived_exit_code: { status: "SUCCESS", return_code: 0 },
  time: { elapsed: 30, submission: 1_800_000_000, start: 1_800_000_010, end: 1_800_000_040 },
  tres: {
    allocated: [
      { type: "cpu", name: null, count: 1 },
      { type: "gres", name: "gpu", count: 2 },
      { type: "gres", name: "gpu:h100", count: 2 },
    ],
  },
  ...overrides,
});

describe("viewOfLiveJob", () => {
  it("shows a running job's elapsed time and no end or exit code yet", () => {
    expect(viewOfLiveJob(live({}), NOW)).toEqual({
      externalId: "42",
      workloadId: "cm3workload0001",
      state: "RUNNING",
      reason: null,
      submittedAt: new Date(1_800_000_000_000),
      startedAt: new Date(1_800_000_010_000),
      endedAt: null,
      exitCode: null,
      elapsedSeconds: 90,
      ended: false,
      installationId: null,
    });
  });

  it("reads the submitting installation from the comment, live and from accounting", () => {
    const comment = "tessera workload cm3workload0001 in 5f0c2d4e-93a1-4b7e-8c1d-2a6f0e9b7c31: run";
    expect(viewOfLiveJob(live({ comment }), NOW).installationId).toBe(
      "5f0c2d4e-93a1-4b7e-8c1d-2a6f0e9b7c31",
    );
    expect(viewOfAccountingJob(accounting({ comment: { job: comment } }), NOW).installationId).toBe(
      "5f0c2d4e-93a1-4b7e-8c1d-2a6f0e9b7c31",
    );
  });

  it("ignores Slurm's forecast start for a pending job", () => {
    const view = viewOfLiveJob(
      live({ job_state: "PENDING", state_reason: "AssocGrpGRES", start_time: 1_900_000_000 }),
      NOW,
    );
    expect(view).toMatchObject({
      state: "PENDING",
      reason: "AssocGrpGRES",
      startedAt: null,
      elapsedSeconds: null,
    });
  });

  it("decodes a failed job's exit status", () => {
    const view = viewOfLiveJob(
      live({ job_state: "FAILED", exit_code: 768, end_time: 1_800_000_012 }),
      NOW,
    );
    expect(view).toMatchObject({
      state: "FAILED",
      reason: "FAILED",
      exitCode: 3,
      elapsedSeconds: 2,
      ended: true,
    });
  });

  it("reports a job cancelled before it started as never started", () => {
    const view = viewOfLiveJob(
      live({
        job_state: "CANCELLED",
        exit_code: 0,
        start_time: 1_800_000_050,
        end_time: 1_800_000_050,
      }),
      NOW,
    );
    expect(view).toMatchObject({
      state: "CANCELLED",
      startedAt: null,
      exitCode: null,
      elapsedSeconds: null,
    });
  });
});

describe("viewOfAccountingJob", () => {
  it("reads a completed job's times and elapsed seconds", () => {
    expect(viewOfAccountingJob(accounting({}), NOW)).toMatchObject({
      externalId: "42",
      workloadId: "cm3workload0001",
      state: "COMPLETED",
      exitCode: 0,
      startedAt: new Date(1_800_000_010_000),
      endedAt: new Date(1_800_000_040_000),
      elapsedSeconds: 30,
      ended: true,
    });
  });

  it("does not believe accounting's 'success' for a FAILED job", () => {
    const view = viewOfAccountingJob(
      accounting({ state: { current: "FAILED", reason: "None" } }),
      NOW,
    );
    expect(view.state).toBe("FAILED");
    expect(view.exitCode).toBeNull();
  });

  it("uses a non-zero return code or derived exit code when accounting has one", () => {
    expect(
      viewOfAccountingJob(
        accounting({
          state: { current: "FAILED", reason: "None" },
          exit_code: { status: "FAILED", return_code: 3 },
        }),
        NOW,
      ).exitCode,
    ).toBe(3);
    expect(
      viewOfAccountingJob(
        accounting({
          state: { current: "FAILED", reason: "None" },
          derived_exit_code: { status: "FAILED", return_code: 2 },
        }),
        NOW,
      ).exitCode,
    ).toBe(2);
  });

  it("finds the workload in the comment when the name was changed", () => {
    expect(viewOfAccountingJob(accounting({ name: "renamed" }), NOW).workloadId).toBe(
      "cm3workload0001",
    );
  });
});

describe("unitsOfAccountingJob", () => {
  it("counts GPUs when the job had any, else CPUs", () => {
    expect(unitsOfAccountingJob(accounting({}))).toBe(2);
    expect(
      unitsOfAccountingJob(
        accounting({ tres: { allocated: [{ type: "cpu", name: null, count: 3 }] } }),
      ),
    ).toBe(3);
    expect(unitsOfAccountingJob(accounting({ tres: null, required: { CPUs: 5 } }))).toBe(5);
  });
});
