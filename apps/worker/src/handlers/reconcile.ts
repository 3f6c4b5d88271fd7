import {
  OUTBOX_JOB_OPTIONS,
  findOverdueCancels,
  findStalledLaunches,
  isTerminalStatus,
  markWorkloadLost,
  markWorkloadMissing,
  outboxJobId,
  recordOrphanCancelled,
  refuseWorkload,
  type ComputeDriver,
  type OrphanReason,
  type TrackedWorkload,
} from "@tessera/core";
import type { ClusterWithResources } from "../drivers";
import { errorMessage, type HandlerContext } from "./context";
import { observeCluster } from "./track";

export interface ReconcileSummary {
  orphansCancelled: number;
  markedMissing: number;
  markedLost: number;
  cancelsResent: number;
  launchesRedriven: number;
  launchesWithdrawn: number;
  failedClusters: string[];
}

/** Queue states in which a job will still run; anything else means the launch needs a new job. */
const LIVE_JOB_STATES = new Set([
  "waiting",
  "active",
  "delayed",
  "prioritized",
  "waiting-children",
]);

/** (a) Backend jobs that no live workload owns are cancelled and audited. */
async function cancelOrphans(
  context: HandlerContext,
  cluster: ClusterWithResources,
  driver: ComputeDriver,
): Promise<number> {
  const active = (await driver.listActive()).filter((job) => job.workloadId !== null);
  if (active.length === 0) return 0;
  const owners = await context.database.workload.findMany({
    where: { id: { in: active.map((job) => job.workloadId!) } },
    select: { id: true, status: true, externalId: true, clusterId: true },
  });
  const byId = new Map(owners.map((owner) => [owner.id, owner]));
  let cancelled = 0;
  for (const job of active) {
    const owner = byId.get(job.workloadId!);
    let reason: OrphanReason | null = null;
    // A live workload placed on another cluster record is that record's business: two records
    // may name the same backend (a cluster registered twice), and its own sweep decides.
    if (owner && !isTerminalStatus(owner.status) && owner.clusterId !== cluster.id) continue;
    if (!owner) reason = "no_workload";
    else if (isTerminalStatus(owner.status)) reason = "workload_ended";
    else if (owner.externalId !== null && owner.externalId !== job.externalId) reason = "duplicate";
    // An ACCEPTED workload without a job id is mid-launch: its retry adopts this job.
    if (!reason) continue;
    await driver.cancel(job.externalId);
    await recordOrphanCancelled(context.database, {
      clusterId: cluster.id,
      clusterCode: cluster.code,
      externalId: job.externalId,
      workloadId: job.workloadId,
      reason,
    });
    context.log.warn("cancelled an orphaned backend job", {
      cluster: cluster.code,
      externalId: job.externalId,
      workloadId: job.workloadId,
      reason,
    });
    cancelled += 1;
  }
  return cancelled;
}

/** (b) Workloads whose job the backend no longer knows: missing, then LOST after the grace. */
async function settleAbsent(
  context: HandlerContext,
  absent: TrackedWorkload[],
  now: Date,
): Promise<{ missing: number; lost: number }> {
  let missing = 0;
  let lost = 0;
  const graceSeconds = context.settings.lostGraceSeconds;
  for (const workload of absent) {
    if (!workload.missingSince) {
      const marked = await markWorkloadMissing(context.database, workload, { graceSeconds, now });
      if (marked.changed) missing += 1;
    }
    const result = await markWorkloadLost(context.database, workload, { graceSeconds, now });
    if (result.changed) lost += 1;
  }
  return { missing, lost };
}

async function reconcileCluster(
  context: HandlerContext,
  cluster: ClusterWithResources,
  summary: ReconcileSummary,
): Promise<void> {
  const driver = await context.drivers.driverFor(cluster.id);
  summary.orphansCancelled += await cancelOrphans(context, cluster, driver);
  await observeCluster(context, cluster, driver, async (observed, now) => {
    const settled = await settleAbsent(context, observed.absent, now);
    summary.markedMissing += settled.missing;
    summary.markedLost += settled.lost;
  });
  // (e) A cancel whose queue job was lost: cancelling again is harmless on every backend.
  const overdue = await findOverdueCancels(context.database, {
    clusterId: cluster.id,
    requestedBefore: new Date(Date.now() - context.settings.redriveAfterMs),
  });
  for (const workload of overdue) {
    await driver.cancel(workload.externalId);
    summary.cancelsResent += 1;
  }
}

/**
 * (c) Launches whose queue job is gone (Redis lost its data) get it back under the same id; a
 * launch an operator dismissed from the dead letters is withdrawn so its hold is released.
 * (d) Events the relay has not dispatched yet are the relay's business and are not touched.
 */
async function redriveLaunches(context: HandlerContext, summary: ReconcileSummary): Promise<void> {
  const stalled = await findStalledLaunches(context.database, {
    dispatchedBefore: new Date(Date.now() - context.settings.redriveAfterMs),
  });
  const queue = context.queues.launch;
  for (const launch of stalled) {
    if (launch.deadLetter && !launch.deadLetter.resolvedAt) continue;
    if (launch.deadLetter) {
      const withdrawn = await refuseWorkload(
        context.database,
        { id: launch.workloadId, organizationId: launch.organizationId },
        {
          reason: `An operator withdrew the launch: ${launch.deadLetter.resolution ?? "dismissed"}`,
        },
      );
      if (withdrawn.changed) summary.launchesWithdrawn += 1;
      continue;
    }
    const jobId = outboxJobId(launch.outboxEventId);
    const state = await queue.getJobState(jobId);
    if (LIVE_JOB_STATES.has(state)) continue;
    // A finished job with this id would make the add a no-op: remove it first.
    if (state !== "unknown") await queue.remove(jobId);
    await queue.add(launch.type, launch.payload, { ...OUTBOX_JOB_OPTIONS, jobId });
    summary.launchesRedriven += 1;
    context.log.warn("re-drove a launch whose queue job was gone", {
      workloadId: launch.workloadId,
      jobId,
      previousState: state,
    });
  }
}

/**
 * The `reconcile` sweep: compares each active cluster with the database and repairs drift, then
 * re-drives launches that lost their queue job. Safe to run concurrently with itself and with the
 * tracker: every repair is a conditional transition or an idempotent backend call.
 */
export async function handleReconcile(context: HandlerContext): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = {
    orphansCancelled: 0,
    markedMissing: 0,
    markedLost: 0,
    cancelsResent: 0,
    launchesRedriven: 0,
    launchesWithdrawn: 0,
    failedClusters: [],
  };
  for (const cluster of await context.drivers.activeClusters()) {
    try {
      await reconcileCluster(context, cluster, summary);
    } catch (error) {
      summary.failedClusters.push(cluster.code);
      context.log.warn("reconciling a cluster failed", {
        cluster: cluster.code,
        error: errorMessage(error),
      });
    }
  }
  await redriveLaunches(context, summary);
  return summary;
}
