import {
  applyObservations,
  isTerminalStatus,
  listTrackedWorkloads,
  recordWorkloadsSeen,
  refreshWorkloadOutput,
  refreshWorkloadOutputs,
  type BackendJob,
  type ComputeDriver,
  outputTailDue,
  type OutputUpdate,
  type TrackedWorkload,
} from "@tessera/core";
import { tailLines } from "@tessera/drivers";
import { errorMessage, type HandlerContext } from "./context";

/** Jobs asked about per describe call. */
const TRACK_BATCH = 200;

export interface TrackSummary {
  clusters: number;
  observed: number;
  changed: number;
  /** Tracked workloads the backend did not report (the reconciler decides about them). */
  absent: number;
  /** Clusters whose backend could not be asked this time. */
  failedClusters: string[];
}

async function followOutput(
  context: HandlerContext,
  driver: ComputeDriver,
  workload: TrackedWorkload,
  final: boolean,
  now: Date,
): Promise<void> {
  try {
    const tail = await driver.outputTail(workload.externalId, context.settings.outputTailLines);
    await refreshWorkloadOutput(context.database, workload, tail, { final, now });
  } catch (error) {
    // The output is a convenience; a backend that cannot show it does not stop tracking.
    context.log.debug("output tail unavailable", {
      workloadId: workload.id,
      error: errorMessage(error),
    });
  }
}

/**
 * Applies what the backend reports to one page of tracked workloads. Unchanged workloads are
 * filtered in memory first; the page's starts and queue changes are one statement, each ending
 * one more (applyObservations), so a quiet cluster costs one describe call and at most one
 * UPDATE (the "last seen" stamp) per page. Output tails of running jobs (and the
 * last words of jobs that just ended) are stored together in one statement when the driver hands
 * them over with the states, else asked for job by job — a running job's at most every
 * OUTPUT_REFRESH_SECONDS.
 */
async function observeWorkloads(
  context: HandlerContext,
  driver: ComputeDriver,
  cluster: { code: string },
  workloads: TrackedWorkload[],
  jobs: Map<string, BackendJob>,
  now: Date,
): Promise<{ observed: number; changed: number; absent: TrackedWorkload[] }> {
  const absent: TrackedWorkload[] = [];
  const observed: { snapshot: TrackedWorkload; job: BackendJob }[] = [];
  for (const workload of workloads) {
    const job = jobs.get(workload.externalId);
    if (job) observed.push({ snapshot: workload, job });
    else absent.push(workload);
  }
  const results = await applyObservations(context.database, observed, {
    now,
    clusterCode: cluster.code,
  });
  let changed = 0;
  const outputs: OutputUpdate[] = [];
  for (const [index, { snapshot: workload, job }] of observed.entries()) {
    const result = results[index]!;
    if (result.changed) changed += 1;
    const ended = result.changed && isTerminalStatus(result.status);
    // A running job's tail is taken again only when it is due; a job that just ended, always.
    if (!ended && (job.state !== "RUNNING" || !outputTailDue(workload.outputTailAt, now))) continue;
    if (job.output === undefined) await followOutput(context, driver, workload, ended, now);
    else {
      const output = tailLines(job.output, context.settings.outputTailLines);
      outputs.push({ workload, output, final: ended });
    }
  }
  const seen = observed.map(({ snapshot }) => snapshot.id);
  await refreshWorkloadOutputs(context.database, outputs, now);
  await recordWorkloadsSeen(context.database, seen, now);
  return { observed: seen.length, changed, absent };
}

/**
 * Pages through the tracked workloads of one cluster: each page's jobs are described in one call
 * and what changed is applied (observeWorkloads); `onPage` gets each page's result. Absence counts
 * only from a describe call that answered: a failing backend throws before anything is applied.
 */
export async function observeCluster(
  context: HandlerContext,
  cluster: { id: string; code: string },
  driver: ComputeDriver,
  onPage: (result: Awaited<ReturnType<typeof observeWorkloads>>, now: Date) => Promise<void> | void,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page = await listTrackedWorkloads(context.database, {
      clusterId: cluster.id,
      after,
      limit: TRACK_BATCH,
    });
    if (page.length === 0) return;
    const jobs = await driver.describe(page.map((w) => w.externalId));
    const now = new Date();
    await onPage(await observeWorkloads(context, driver, cluster, page, jobs, now), now);
    after = page[page.length - 1]!.id;
    if (page.length < TRACK_BATCH) return;
  }
}

/**
 * The `track` sweep: for every active cluster, describe the jobs of its unfinished workloads in
 * batches and apply what changed; refresh the output tail of running jobs. One cluster failing
 * does not hold up the others.
 */
export async function handleTrack(context: HandlerContext): Promise<TrackSummary> {
  const summary: TrackSummary = {
    clusters: 0,
    observed: 0,
    changed: 0,
    absent: 0,
    failedClusters: [],
  };
  for (const cluster of await context.drivers.activeClusters()) {
    summary.clusters += 1;
    try {
      const driver = await context.drivers.driverFor(cluster.id);
      await observeCluster(context, cluster, driver, (result) => {
        summary.observed += result.observed;
        summary.changed += result.changed;
        summary.absent += result.absent.length;
      });
    } catch (error) {
      summary.failedClusters.push(cluster.code);
      context.log.warn("tracking a cluster failed", {
        cluster: cluster.code,
        error: errorMessage(error),
      });
    }
  }
  return summary;
}
