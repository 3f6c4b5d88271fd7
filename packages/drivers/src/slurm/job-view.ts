import type { BackendJob } from "@tessera/core";
import { secondsRun } from "@tessera/core/words";
import { installationIdFromSlurmComment, workloadIdFromSlurmJob } from "./job-request";
import { exitCodeFromWaitStatus, mapSlurmJobState } from "./job-state";
import type { AccountingJob, LiveJob } from "./schemas";

const dateOf = (epochSeconds: number | null | undefined) =>
  epochSeconds && epochSeconds > 0 ? new Date(epochSeconds * 1000) : null;

export interface SlurmJobView extends BackendJob {
  ended: boolean;
  /** The Tessera installation the job's comment names (null: none named). */
  installationId: string | null;
}

/**
 * Pure: a job as the controller shows it (`/slurm/…/job/{id}`). While pending, Slurm's start and
 * end times are forecasts, so they are not reported; a job cancelled before it started has start
 * = end and is reported as never started.
 */
export function viewOfLiveJob(job: LiveJob, nowMs: number): SlurmJobView {
  const mapped = mapSlurmJobState(job.job_state, job.state_reason);
  const start = job.start_time ?? 0;
  const end = job.end_time ?? 0;
  const neverRan = mapped.state === "PENDING" || (mapped.state === "CANCELLED" && start >= end);
  const startedAt = neverRan ? null : dateOf(start);
  const endedAt = mapped.ended ? dateOf(end) : null;
  let elapsedSeconds: number | null = null;
  if (startedAt) {
    elapsedSeconds = secondsRun(startedAt, endedAt ?? nowMs);
  }
  return {
    externalId: String(job.job_id),
    workloadId: workloadIdFromSlurmJob(job.name, job.comment),
    installationId: installationIdFromSlurmComment(job.comment),
    state: mapped.state,
    reason: mapped.reason,
    submittedAt: dateOf(job.submit_time),
    startedAt,
    endedAt,
    exitCode:
      mapped.ended && mapped.state !== "CANCELLED" ? exitCodeFromWaitStatus(job.exit_code) : null,
    elapsedSeconds,
    ended: mapped.ended,
  };
}

type AccountingExitCode = AccountingJob["exit_code"];

function exitCodeOf(code: AccountingExitCode): number | null {
  if (!code) return null;
  const signal = (code as { signal?: { signal_id?: unknown } }).signal?.signal_id;
  if (code.status === "SIGNALED" && typeof signal === "number" && signal > 0) return 128 + signal;
  return code.return_code ?? null;
}

/**
 * Pure: a job as accounting shows it (`/slurmdb/…/job/{id}`, after MinJobAge). slurmrestd 22.05
 * reports every job's return code here as 0 ("SUCCESS"), even for a FAILED job that exited 3. So
 * the state decides: COMPLETED means 0; an unsuccessful end takes a non-zero return code or
 * derived exit code when accounting has one, and otherwise stays null (unknown) here — the driver
 * then asks `sacct`, which reads the same record correctly, where it is installed.
 */
export function viewOfAccountingJob(job: AccountingJob, nowMs: number): SlurmJobView {
  const mapped = mapSlurmJobState(job.state?.current, job.state?.reason);
  const time = job.time ?? {};
  const start = time.start ?? 0;
  const end = time.end ?? 0;
  const neverRan =
    mapped.state === "PENDING" || start === 0 || (mapped.state === "CANCELLED" && start >= end);
  const startedAt = neverRan ? null : dateOf(start);
  const endedAt = mapped.ended ? dateOf(end) : null;
  let elapsedSeconds: number | null = null;
  if (startedAt) {
    elapsedSeconds = mapped.ended
      ? Math.max(0, time.elapsed ?? end - start)
      : secondsRun(startedAt, nowMs);
  }
  let exitCode: number | null = null;
  if (mapped.state === "COMPLETED") exitCode = 0;
  else if (mapped.state === "FAILED") {
    const reported = exitCodeOf(job.exit_code);
    const derived = exitCodeOf(job.derived_exit_code);
    exitCode = reported ? reported : derived ? derived : null;
  }
  return {
    externalId: String(job.job_id),
    workloadId: workloadIdFromSlurmJob(job.name, job.comment?.job),
    installationId: installationIdFromSlurmComment(job.comment?.job),
    state: mapped.state,
    reason: mapped.reason,
    submittedAt: dateOf(time.submission),
    startedAt,
    endedAt,
    exitCode,
    elapsedSeconds,
    ended: mapped.ended,
  };
}

/**
 * Pure: the units a job held, for usage — its allocated GPUs (gres/gpu) when it had any, else its
 * CPUs.
 */
export function unitsOfAccountingJob(job: AccountingJob): number {
  const allocated = job.tres?.allocated ?? [];
  const gpus = allocated.find((tres) => tres.type === "gres" && tres.name === "gpu")?.count ?? 0;
  if (gpus > 0) return gpus;
  const cpus = allocated.find((tres) => tres.type === "cpu")?.count ?? 0;
  if (cpus > 0) return cpus;
  return job.required?.CPUs ?? 0;
}
