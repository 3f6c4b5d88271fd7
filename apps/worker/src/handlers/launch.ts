import {
  buildSubmitRequest,
  cancelUnsubmittedWorkload,
  isTerminalStatus,
  loadLaunchContext,
  provisionTenant,
  recordOrphanCancelled,
  recordWorkloadSubmitted,
  refuseWorkload,
  type ComputeDriver,
  type WorkloadRef,
} from "@tessera/core";
import type { HandlerContext } from "./context";
import { Refusal, refusingOn } from "./refusal";

export type LaunchOutcome =
  | { outcome: "missing" }
  | { outcome: "already-ended" | "already-submitted"; status: string }
  | { outcome: "cancelled" | "refused"; reason?: string }
  | { outcome: "submitted"; externalId: string; created: boolean }
  | { outcome: "orphan-cancelled"; externalId: string };

async function accountFor(
  context: HandlerContext,
  driver: ComputeDriver,
  launch: NonNullable<Awaited<ReturnType<typeof loadLaunchContext>>>,
): Promise<string> {
  if (launch.account?.status === "READY") return launch.account.accountName;
  const provisioned = await refusingOn("The cluster refused the organisation's account: ", () =>
    provisionTenant(context.database, driver, {
      organizationId: launch.workload.organizationId,
      clusterId: launch.cluster.id,
    }),
  );
  return provisioned.accountName;
}

/**
 * Launches an accepted workload; safe to run twice or concurrently with a cancel. A workload that
 * has ended or was submitted already is left alone; a cancel requested before submit closes it
 * without touching the backend; otherwise the tenant's account is made ready, the job is
 * submitted (the driver finds a job it made before, so a retry never makes a second one) and
 * the workload becomes SUBMITTED. A backend refusal makes it REFUSED and releases its hold;
 * any other failure is thrown so the queue retries it.
 */
export async function handleLaunch(
  context: HandlerContext,
  payload: { workloadId: string },
): Promise<LaunchOutcome> {
  const launch = await loadLaunchContext(context.database, payload.workloadId);
  if (!launch) return { outcome: "missing" };
  const workload: WorkloadRef = {
    id: launch.workload.id,
    organizationId: launch.workload.organizationId,
  };
  const status = launch.workload.status;
  if (isTerminalStatus(status)) return { outcome: "already-ended", status };
  if (status !== "ACCEPTED") return { outcome: "already-submitted", status };
  if (launch.workload.cancelRequestedAt) {
    await cancelUnsubmittedWorkload(context.database, workload);
    return { outcome: "cancelled" };
  }

  try {
    if (!launch.cluster.active) {
      throw new Refusal(`Cluster ${launch.cluster.code} is not taking jobs.`);
    }
    const driver = await refusingOn("", () =>
      context.drivers.driverFor(launch.cluster.id, launch.cluster.fingerprint),
    );
    const accountName = await accountFor(context, driver, launch);
    const built = buildSubmitRequest(launch, accountName);
    if (!built.ok) throw new Refusal(built.problem);
    const submitted = await refusingOn("", () => driver.submit(built.request));
    const recorded = await recordWorkloadSubmitted(context.database, workload, {
      externalId: submitted.externalId,
      cluster: { id: launch.cluster.id, code: launch.cluster.code },
    });
    if (recorded.changed || recorded.externalId === submitted.externalId) {
      return { outcome: "submitted", externalId: submitted.externalId, created: submitted.created };
    }
    // The workload ended (a cancel won the race) or is bound to another job: this job is an orphan.
    await driver.cancel(submitted.externalId);
    await recordOrphanCancelled(context.database, {
      clusterId: launch.cluster.id,
      clusterCode: launch.cluster.code,
      externalId: submitted.externalId,
      workloadId: workload.id,
      reason: isTerminalStatus(recorded.status) ? "workload_ended" : "duplicate",
    });
    return { outcome: "orphan-cancelled", externalId: submitted.externalId };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await refuseWorkload(context.database, workload, { reason: error.message });
    context.log.info("workload refused", { workloadId: workload.id, reason: error.message });
    return { outcome: "refused", reason: error.message };
  }
}
