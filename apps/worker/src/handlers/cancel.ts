import {
  applyBackendObservation,
  cancelUnsubmittedWorkload,
  isTerminalStatus,
} from "@tessera/core";
import type { WorkloadStatus } from "@tessera/db";
import type { HandlerContext } from "./context";

export type CancelOutcome =
  | { outcome: "missing" | "not-requested" }
  | { outcome: "already-ended"; status: WorkloadStatus }
  | { outcome: "cancelled-before-submit" | "cancel-sent"; status: WorkloadStatus };

/**
 * Carries out a requested cancel. A workload with a backend job has it cancelled there and takes
 * whatever state the backend reports right after (the tracker follows up if the job is still
 * stopping); one that never reached the backend is closed at once and its hold released.
 * Idempotent: cancelling an ended job is a no-op on every backend.
 */
export async function handleCancel(
  context: HandlerContext,
  payload: { workloadId: string },
): Promise<CancelOutcome> {
  const workload = await context.database.workload.findUnique({
    where: { id: payload.workloadId },
    select: {
      id: true,
      organizationId: true,
      clusterId: true,
      status: true,
      externalId: true,
      cancelRequestedAt: true,
    },
  });
  if (!workload) return { outcome: "missing" };
  if (isTerminalStatus(workload.status)) {
    return { outcome: "already-ended", status: workload.status };
  }
  if (!workload.cancelRequestedAt) return { outcome: "not-requested" };
  if (!workload.externalId) {
    const result = await cancelUnsubmittedWorkload(context.database, workload);
    return { outcome: "cancelled-before-submit", status: result.status };
  }
  const driver = await context.drivers.driverFor(workload.clusterId);
  await driver.cancel(workload.externalId);
  const jobs = await driver.describe([workload.externalId]);
  const job = jobs.get(workload.externalId);
  if (!job) return { outcome: "cancel-sent", status: workload.status };
  const result = await applyBackendObservation(context.database, workload, job);
  return { outcome: "cancel-sent", status: result.status };
}
