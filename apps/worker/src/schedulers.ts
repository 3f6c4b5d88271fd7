import type { ServerEnv } from "@tessera/config";
import {
  BILLING_JOB,
  HEARTBEAT_EVERY_MS,
  HEARTBEAT_JOB,
  HEARTBEAT_SCHEDULER_ID,
  ALLOCATION_ALERTS_JOB,
  BUDGET_ALERTS_JOB,
  NOTIFY_ENDED_JOBS_JOB,
  SEAL_LEDGER_JOB,
} from "./housekeeping";
import {
  IDLE_ENDPOINTS_JOB,
  TOKEN_LEASES_JOB,
  RECONCILE_JOB,
  TRACK_ENDPOINTS_JOB,
  TRACK_JOB,
  type QueueKey,
} from "./processors";
import type { QueueSet } from "./queues";

export interface Schedule {
  /** The scheduler id: every replica upserts the same one, so each sweep runs once per period. */
  id: string;
  queue: QueueKey;
  job: string;
  everyMs: number;
}

export const SEAL_LEDGER_EVERY_MS = 60_000;
export const ALLOCATION_ALERTS_EVERY_MS = 60_000;
/** A dead gateway's leases wait a grace minute anyway: a quarter of that is soon enough. */
export const TOKEN_LEASES_EVERY_MS = 15_000;
/** Each run rates every budgeted organisation's month so far: a few minutes late is on time. */
export const BUDGET_ALERTS_EVERY_MS = 300_000;
/** How often each process re-asserts the schedules (they vanish if Redis loses its data). */
export const SCHEDULE_REFRESH_MS = 60_000;

export function workerSchedules(
  env: Pick<ServerEnv, "WORKER_POLL_MS" | "RECONCILE_EVERY_MS" | "BILLING_EVERY_MS">,
): Schedule[] {
  return [
    { id: "reconcile.track", queue: "reconcile", job: TRACK_JOB, everyMs: env.WORKER_POLL_MS },
    {
      id: "reconcile.track-endpoints",
      queue: "reconcile",
      job: TRACK_ENDPOINTS_JOB,
      everyMs: env.WORKER_POLL_MS,
    },
    {
      id: "reconcile.idle-endpoints",
      queue: "reconcile",
      job: IDLE_ENDPOINTS_JOB,
      everyMs: env.WORKER_POLL_MS,
    },
    {
      id: "reconcile.token-leases",
      queue: "reconcile",
      job: TOKEN_LEASES_JOB,
      everyMs: TOKEN_LEASES_EVERY_MS,
    },
    {
      id: "reconcile.reconcile",
      queue: "reconcile",
      job: RECONCILE_JOB,
      everyMs: env.RECONCILE_EVERY_MS,
    },
    {
      id: "housekeeping.seal-ledger",
      queue: "housekeeping",
      job: SEAL_LEDGER_JOB,
      everyMs: SEAL_LEDGER_EVERY_MS,
    },
    // A job's end is news: its submitter hears of it within a tracking period.
    {
      id: "housekeeping.notify-ended-jobs",
      queue: "housekeeping",
      job: NOTIFY_ENDED_JOBS_JOB,
      everyMs: env.WORKER_POLL_MS,
    },
    {
      id: "housekeeping.allocation-alerts",
      queue: "housekeeping",
      job: ALLOCATION_ALERTS_JOB,
      everyMs: ALLOCATION_ALERTS_EVERY_MS,
    },
    {
      id: "housekeeping.budget-alerts",
      queue: "housekeeping",
      job: BUDGET_ALERTS_JOB,
      everyMs: BUDGET_ALERTS_EVERY_MS,
    },
    {
      id: "housekeeping.billing",
      queue: "housekeeping",
      job: BILLING_JOB,
      everyMs: env.BILLING_EVERY_MS,
    },
    {
      id: HEARTBEAT_SCHEDULER_ID,
      queue: "housekeeping",
      job: HEARTBEAT_JOB,
      everyMs: HEARTBEAT_EVERY_MS,
    },
  ];
}

/** Creates or updates every schedule; idempotent across replicas and restarts. */
export async function upsertSchedules(queues: QueueSet, schedules: Schedule[]): Promise<void> {
  for (const schedule of schedules) {
    await queues[schedule.queue].upsertJobScheduler(
      schedule.id,
      { every: schedule.everyMs },
      {
        name: schedule.job,
        data: {},
        // A sweep that fails is simply run again next period; it is not dead-lettered.
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}

export interface ScheduleKeeper {
  stop(): void;
}

/**
 * Re-asserts the schedules on a local timer, so a Redis that lost its data (a flush, a failover
 * without persistence) gets its sweeps back within a minute, without a restart.
 */
export function keepSchedules(
  queues: QueueSet,
  schedules: Schedule[],
  onError: (error: Error) => void,
  everyMs = SCHEDULE_REFRESH_MS,
): ScheduleKeeper {
  const timer = setInterval(() => {
    upsertSchedules(queues, schedules).catch((error: unknown) =>
      onError(error instanceof Error ? error : new Error(String(error))),
    );
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
