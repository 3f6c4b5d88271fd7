import type { BackendJobState } from "@tessera/core";

/** Slurm states in which the job holds its resources (it is allocated, even if not computing). */
const RUNNING_STATES = new Set([
  "RUNNING",
  "CONFIGURING",
  "COMPLETING",
  "SUSPENDED",
  "STOPPED",
  "SIGNALING",
  "STAGE_OUT",
  "RESIZING",
]);
/** Slurm states in which the job waits for resources. */
const PENDING_STATES = new Set([
  "PENDING",
  "REQUEUED",
  "REQUEUE_HOLD",
  "REQUEUE_FED",
  "RESV_DEL_HOLD",
]);
/** Slurm states that end a job unsuccessfully; the state itself is the reason. */
const FAILED_STATES = new Set([
  "FAILED",
  "TIMEOUT",
  "NODE_FAIL",
  "OUT_OF_MEMORY",
  "BOOT_FAIL",
  "DEADLINE",
  "PREEMPTED",
  "SPECIAL_EXIT",
  "REVOKED",
]);

export interface MappedSlurmState {
  state: BackendJobState;
  /** The scheduler's pending reason (Resources, Priority, AssocGrpGRES…) or the Slurm state. */
  reason: string | null;
  ended: boolean;
}

/** "CANCELLED by 995" and "cancelled" both read as CANCELLED. */
export function normalizeSlurmState(raw: string | null | undefined): string {
  return /^[A-Za-z_]+/.exec((raw ?? "").trim())?.[0]?.toUpperCase() ?? "";
}

function meaningfulReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim();
  return trimmed && trimmed !== "None" ? trimmed : null;
}

/**
 * Pure: a Slurm job state (and its state_reason) as Tessera sees it. States Slurm may add later
 * read as RUNNING with the state as reason: the job is not known to have ended, so its quota stays
 * held and the worker keeps looking.
 */
export function mapSlurmJobState(
  rawState: string | null | undefined,
  stateReason?: string | null,
): MappedSlurmState {
  const slurmState = normalizeSlurmState(rawState);
  if (slurmState === "COMPLETED") return { state: "COMPLETED", reason: null, ended: true };
  if (slurmState === "CANCELLED") return { state: "CANCELLED", reason: null, ended: true };
  if (FAILED_STATES.has(slurmState)) return { state: "FAILED", reason: slurmState, ended: true };
  if (PENDING_STATES.has(slurmState)) {
    return {
      state: "PENDING",
      reason: meaningfulReason(stateReason) ?? (slurmState === "PENDING" ? null : slurmState),
      ended: false,
    };
  }
  if (RUNNING_STATES.has(slurmState)) {
    return { state: "RUNNING", reason: slurmState === "RUNNING" ? null : slurmState, ended: false };
  }
  return { state: "RUNNING", reason: slurmState || "UNKNOWN", ended: false };
}

/**
 * Pure: the exit code of a raw wait status as Slurm's controller reports it (`exit_code`). A
 * normal exit gives its status (768 → 3); a job killed by a signal gives 128 + the signal, as a
 * shell would show it (SIGTERM → 143, SIGKILL → 137).
 */
export function exitCodeFromWaitStatus(raw: number | null | undefined): number | null {
  if (raw === null || raw === undefined || !Number.isInteger(raw) || raw < 0) return null;
  const signal = raw & 0x7f;
  if (signal === 0) return (raw >> 8) & 0xff;
  return 128 + signal;
}

/** Pure: `sacct`'s ExitCode column, "<exit>:<signal>" ("3:0" → 3, "0:15" → 143). */
export function exitCodeFromSacct(value: string): number | null {
  const match = /^\s*(\d+):(\d+)\s*$/.exec(value);
  if (!match) return null;
  const exit = Number(match[1]);
  const signal = Number(match[2]);
  return signal > 0 ? 128 + signal : exit;
}
