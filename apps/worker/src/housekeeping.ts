import type { Job } from "bullmq";
import { z } from "zod";
import type { Logger } from "./logger";

/**
 * The housekeeping queue: a heartbeat that proves the queue round trip works end to end, the
 * scheduled sealing of the quota ledger, and the notification sweeps (jobs that ended, allocation
 * warnings, budget warnings).
 */
export const HEARTBEAT_JOB = "heartbeat";
export const HEARTBEAT_SCHEDULER_ID = "housekeeping.heartbeat";
export const HEARTBEAT_EVERY_MS = 60_000;

export const SEAL_LEDGER_JOB = "seal-ledger";
/** Finalises due invoices and pushes the tenants' shares to Stripe. */
export const BILLING_JOB = "billing";
export const NOTIFY_ENDED_JOBS_JOB = "notify-ended-jobs";
export const ALLOCATION_ALERTS_JOB = "allocation-alerts";
/** Organisations' monthly budgets and programmes' budgets reaching their thresholds. */
export const BUDGET_ALERTS_JOB = "budget-alerts";

const emptyPayload = z.object({}).strict();

const housekeepingJob = z.discriminatedUnion("name", [
  z.object({ name: z.literal(HEARTBEAT_JOB), data: emptyPayload }),
  z.object({ name: z.literal(SEAL_LEDGER_JOB), data: emptyPayload }),
  z.object({ name: z.literal(BILLING_JOB), data: emptyPayload }),
  z.object({ name: z.literal(NOTIFY_ENDED_JOBS_JOB), data: emptyPayload }),
  z.object({ name: z.literal(ALLOCATION_ALERTS_JOB), data: emptyPayload }),
  z.object({ name: z.literal(BUDGET_ALERTS_JOB), data: emptyPayload }),
]);

export type HousekeepingJob = z.infer<typeof housekeepingJob>;

export interface HeartbeatResult {
  job: typeof HEARTBEAT_JOB;
  processedAt: string;
}

/** Validates a queue payload at the edge; an unknown job type fails instead of being guessed at. */
export function parseHousekeepingJob(job: { name: string; data: unknown }): HousekeepingJob {
  const parsed = housekeepingJob.safeParse({ name: job.name, data: job.data });
  if (!parsed.success) {
    throw new Error(`Unknown or malformed housekeeping job "${job.name}": ${parsed.error.message}`);
  }
  return parsed.data;
}

export interface NotificationSweeps {
  endedJobs?: () => Promise<unknown>;
  allocationAlerts?: () => Promise<unknown>;
  budgetAlerts?: () => Promise<unknown>;
}

export function createHousekeepingProcessor(
  log: Logger,
  onHeartbeat: (at: Date) => void,
  sealLedger: () => Promise<unknown> = () => Promise.resolve(null),
  billing: () => Promise<unknown> = () => Promise.resolve(null),
  notify: NotificationSweeps = {},
) {
  return async (job: Pick<Job, "id" | "name" | "data">): Promise<unknown> => {
    const parsed = parseHousekeepingJob(job);
    if (parsed.name === SEAL_LEDGER_JOB) return sealLedger();
    if (parsed.name === BILLING_JOB) return billing();
    if (parsed.name === NOTIFY_ENDED_JOBS_JOB) return notify.endedJobs?.() ?? null;
    if (parsed.name === ALLOCATION_ALERTS_JOB) return notify.allocationAlerts?.() ?? null;
    if (parsed.name === BUDGET_ALERTS_JOB) return notify.budgetAlerts?.() ?? null;
    const now = new Date();
    onHeartbeat(now);
    log.debug("heartbeat processed", { jobId: job.id ?? null });
    return Promise.resolve({ job: parsed.name, processedAt: now.toISOString() });
  };
}
