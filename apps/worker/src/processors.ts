import { UnrecoverableError, type Job } from "bullmq";
import { z } from "zod";
import {
  OUTBOX_PAYLOADS,
  isOutboxEventType,
  notifyEndedWorkloads,
  scaleIdleEndpointsToZero,
  settleAbandonedLeases,
  sweepAllocationAlerts,
  wakeEndpointForRequest,
  sweepBudgetAlerts,
  sweepProgrammeBudgetAlerts,
  type OutboxEventType,
} from "@tessera/core";
import type { QueueSet } from "./queues";
import { handleCancel } from "./handlers/cancel";
import type { HandlerContext } from "./handlers/context";
import { handleLaunch } from "./handlers/launch";
import { handleProvision } from "./handlers/provision";
import { convergeEndpoint, removeEndpoint } from "./handlers/endpoints";
import { handleTrackEndpoints } from "./handlers/track-endpoints";
import { handleReconcile } from "./handlers/reconcile";
import { handleTrack } from "./handlers/track";
import { createHousekeepingProcessor } from "./housekeeping";
import { handleBilling } from "./handlers/billing";
import { handleSealLedger } from "./handlers/seal-ledger";
import { underSweepLock } from "./sweep-lock";

export type Processor = (job: Pick<Job, "id" | "name" | "data">) => Promise<unknown>;
export type QueueKey = keyof QueueSet;

export const TRACK_JOB = "track";
/** A track sweep takes well under a second; a holder that died lets go after this long. */
export const TRACK_LOCK_TTL_MS = 10_000;
export const RECONCILE_JOB = "reconcile";
export const TRACK_ENDPOINTS_JOB = "track-endpoints";
/** Scales to zero the endpoints that have had no request for their idle time. */
export const IDLE_ENDPOINTS_JOB = "idle-endpoints";
/** Settles the token leases of gateways that died, from the usage metered against them. */
export const TOKEN_LEASES_JOB = "token-leases";

/**
 * Checks an outbox job at the edge: a job whose name is not the queue's event type or whose
 * payload is malformed will never succeed, so it goes straight to the dead letters.
 */
export function parseOutboxJob<T extends OutboxEventType>(
  expected: T,
  job: Pick<Job, "name" | "data">,
): z.infer<(typeof OUTBOX_PAYLOADS)[T]> {
  if (!isOutboxEventType(job.name) || job.name !== expected) {
    throw new UnrecoverableError(`This queue takes ${expected} jobs, not "${job.name}".`);
  }
  const parsed = OUTBOX_PAYLOADS[expected].safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(`Malformed ${expected} payload: ${parsed.error.message}`);
  }
  return parsed.data as z.infer<(typeof OUTBOX_PAYLOADS)[T]>;
}

const sweepPayload = z.object({}).strict();

/** The processor of every queue, each validating its jobs before acting. */
export function createProcessors(
  context: HandlerContext,
  onHeartbeat: (at: Date) => void,
): Record<QueueKey, Processor> {
  return {
    launch: (job) => handleLaunch(context, parseOutboxJob("workload.launch", job)),
    cancel: (job) => handleCancel(context, parseOutboxJob("workload.cancel", job)),
    provision: (job) => handleProvision(context, parseOutboxJob("tenant.provision", job)),
    // Deploy and scale both converge the endpoint on what the database wants now.
    endpoints: (job) => {
      if (job.name === "endpoint.delete") {
        return removeEndpoint(context, parseOutboxJob("endpoint.delete", job));
      }
      if (job.name === "endpoint.wake") {
        return wakeEndpointForRequest(
          context.database,
          parseOutboxJob("endpoint.wake", job).workloadId,
        );
      }
      if (job.name === "endpoint.scale") {
        return convergeEndpoint(context, parseOutboxJob("endpoint.scale", job));
      }
      return convergeEndpoint(context, parseOutboxJob("endpoint.deploy", job));
    },
    reconcile: async (job) => {
      if (!sweepPayload.safeParse(job.data).success) {
        throw new UnrecoverableError(`Malformed ${job.name} job: it takes no data.`);
      }
      // A track sweep that overlaps another would only repeat its work: skipped (null) instead.
      if (job.name === TRACK_JOB) {
        return underSweepLock(context.sweepLock, TRACK_JOB, TRACK_LOCK_TTL_MS, () =>
          handleTrack(context),
        );
      }
      if (job.name === RECONCILE_JOB) return handleReconcile(context);
      if (job.name === TRACK_ENDPOINTS_JOB) {
        return underSweepLock(context.sweepLock, TRACK_ENDPOINTS_JOB, TRACK_LOCK_TTL_MS, () =>
          handleTrackEndpoints(context),
        );
      }
      if (job.name === IDLE_ENDPOINTS_JOB) {
        return underSweepLock(context.sweepLock, IDLE_ENDPOINTS_JOB, TRACK_LOCK_TTL_MS, () =>
          scaleIdleEndpointsToZero(context.database, new Date()),
        );
      }
      if (job.name === TOKEN_LEASES_JOB) {
        return underSweepLock(context.sweepLock, TOKEN_LEASES_JOB, TRACK_LOCK_TTL_MS, () =>
          settleAbandonedLeases(context.database, new Date()),
        );
      }
      throw new UnrecoverableError(`The reconcile queue has no job "${job.name}".`);
    },
    housekeeping: createHousekeepingProcessor(
      context.log,
      onHeartbeat,
      () => handleSealLedger(context),
      () => handleBilling(context),
      {
        endedJobs: () => notifyEndedWorkloads(context.database),
        allocationAlerts: () => sweepAllocationAlerts(context.database),
        budgetAlerts: async () => ({
          organizations: await sweepBudgetAlerts(context.database, {
            sellerCountry: context.settings.sellerCountry,
          }),
          programmes: await sweepProgrammeBudgetAlerts(context.database),
        }),
      },
    ),
  };
}
