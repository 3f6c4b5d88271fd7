import {
  applyEndpointObservation,
  listLeavingEndpoints,
  listTrackedEndpoints,
  quotaOutOfStep,
  recordEndpointOrphanRemoved,
  recordEndpointReapplied,
  renewEndpointHold,
  type BackendEndpoint,
  type EndpointDriver,
  type TrackedEndpoint,
} from "@tessera/core";
import type { Cluster } from "@tessera/db";
import { errorMessage, type HandlerContext } from "./context";
import { convergeEndpoint, convergeEndpointTenant, removeEndpoint } from "./endpoints";

export interface TrackEndpointsResult {
  observed: number;
  renewed: number;
  repaired: number;
  /** Accepted endpoints whose deploy was driven again (its queue job lost). */
  redriven: number;
  deleted: number;
  orphansRemoved: number;
  /**
   * Organisations whose quota was converged again because it counted pods since gone (a
   * scale-down's, a deleted or failed endpoint's) or, for an endpoint no longer live, fewer than
   * it still has.
   */
  quotasShrunk: number;
  failedClusters: number;
}

const PAGE = 200;

/**
 * The endpoint sweep, per cluster that serves endpoints: each live endpoint's backend state is
 * applied (observation, replica sample, replica-seconds counted) and its hold renewed when half
 * its window has passed; drift is repaired — a live endpoint whose objects vanished or whose
 * replicas were changed behind Tessera's back is applied again, a deleting one is removed — and
 * objects with this installation's labels that no live endpoint wants are removed, audited. An
 * organisation whose quota still counts pods that have since gone (a scale-down's, a deleted or
 * failed endpoint's) has it converged again.
 * Safe to run twice or concurrently: every step is idempotent.
 */
export async function handleTrackEndpoints(
  context: HandlerContext,
  now: () => Date = () => new Date(),
): Promise<TrackEndpointsResult> {
  const result: TrackEndpointsResult = {
    observed: 0,
    renewed: 0,
    repaired: 0,
    redriven: 0,
    deleted: 0,
    orphansRemoved: 0,
    quotasShrunk: 0,
    failedClusters: 0,
  };
  for (const cluster of await context.endpoints.endpointClusters()) {
    try {
      const driver = await context.endpoints.driverFor(cluster.id);
      if (driver) await trackCluster(context, cluster, driver, now, result);
    } catch (error) {
      result.failedClusters += 1;
      context.log.warn("endpoint sweep failed for a cluster", {
        cluster: cluster.code,
        error: errorMessage(error),
      });
    }
  }
  return result;
}

async function trackCluster(
  context: HandlerContext,
  cluster: Cluster,
  driver: EndpointDriver,
  now: () => Date,
  result: TrackEndpointsResult,
): Promise<void> {
  const wanted = new Set<string>();
  const shrinking = new Set<string>();
  for await (const page of pages((page) =>
    listTrackedEndpoints(context.database, { clusterId: cluster.id, ...page }),
  )) {
    const seen = await driver.describeEndpoints(page.map(refOf));
    const observedAt = now();
    for (const endpoint of page) {
      try {
        const backend = seen.get(endpoint.id);
        await trackEndpoint(context, endpoint, backend, observedAt, wanted, result);
        const live = endpoint.status !== "DELETING";
        if (live && backend && quotaOutOfStep(endpoint, backend.presentReplicas)) {
          shrinking.add(endpoint.organizationId);
        }
      } catch (error) {
        // One endpoint's trouble must not stop the sweep of the others; it is tried again next time.
        context.log.warn("endpoint sweep failed for an endpoint", {
          workloadId: endpoint.id,
          error: errorMessage(error),
        });
      }
    }
  }
  try {
    await findLeavingQuotas(context, cluster, driver, shrinking);
  } catch (error) {
    // Their quotas are looked at again next time; the rest of the sweep goes on.
    context.log.warn("endpoint sweep could not read the pods of endpoints leaving", {
      cluster: cluster.code,
      error: errorMessage(error),
    });
  }
  await shrinkQuotas(context, cluster, driver, shrinking, result);
  await removeOrphans(context, cluster, driver, wanted, result);
}

/**
 * Adds the organisations whose quota counts an endpoint no longer live (deleting, deleted or
 * failed) otherwise than by the pods it has there now: read after the endpoints above were
 * removed, so a delete's pods are seen leaving, and counted again until they have all gone.
 */
async function findLeavingQuotas(
  context: HandlerContext,
  cluster: Cluster,
  driver: EndpointDriver,
  organizationIds: Set<string>,
): Promise<void> {
  for await (const page of pages((page) =>
    listLeavingEndpoints(context.database, { clusterId: cluster.id, ...page }),
  )) {
    const present = await driver.presentReplicas(page.map(refOf));
    for (const endpoint of page) {
      if (quotaOutOfStep(endpoint, present.get(endpoint.id) ?? 0)) {
        organizationIds.add(endpoint.organizationId);
      }
    }
  }
}

/** A cluster's tracked endpoints one page at a time (keyset on id), each read as it is reached. */
async function* pages(
  list: (page: { after: string | null; limit: number }) => Promise<TrackedEndpoint[]>,
): AsyncGenerator<TrackedEndpoint[]> {
  let after: string | null = null;
  for (;;) {
    const page = await list({ after, limit: PAGE });
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

const refOf = (endpoint: TrackedEndpoint) => ({
  workloadId: endpoint.id,
  organizationId: endpoint.organizationId,
  slug: endpoint.slug,
});

/**
 * The quota of each organisation named counts pods that have gone since (or, for an endpoint no
 * longer live, fewer than it has): it is converged again (from the database and the pods there
 * now), so that it shrinks back to what Tessera admitted. One organisation's trouble does not stop
 * the others'; the next sweep tries again.
 */
async function shrinkQuotas(
  context: HandlerContext,
  cluster: Cluster,
  driver: EndpointDriver,
  organizationIds: ReadonlySet<string>,
  result: TrackEndpointsResult,
): Promise<void> {
  for (const organizationId of organizationIds) {
    try {
      await convergeEndpointTenant(context, driver, { organizationId, clusterId: cluster.id });
      result.quotasShrunk += 1;
    } catch (error) {
      context.log.warn("endpoint quota not converged", {
        organizationId,
        cluster: cluster.code,
        error: errorMessage(error),
      });
    }
  }
}

async function trackEndpoint(
  context: HandlerContext,
  endpoint: TrackedEndpoint,
  backend: BackendEndpoint | undefined,
  observedAt: Date,
  wanted: Set<string>,
  result: TrackEndpointsResult,
): Promise<void> {
  const ref = { id: endpoint.id, organizationId: endpoint.organizationId };
  if (endpoint.status === "DELETING") {
    await removeEndpoint(context, { workloadId: endpoint.id });
    result.deleted += 1;
    return;
  }
  wanted.add(endpoint.id);
  if (!endpoint.externalId && !backend) {
    // Never applied: the deploy event is on its way, unless its queue job was lost (Redis lost
    // its data, or it was set aside as a dead letter): then it is driven again here.
    if (await recentlyRequested(context, endpoint.id, observedAt)) return;
    await convergeEndpoint(context, { workloadId: endpoint.id });
    result.redriven += 1;
    return;
  }
  if (!backend || backend.desiredReplicas !== endpoint.desiredReplicas) {
    // A request the endpoints queue has not carried out yet is not drift.
    if (await recentlyRequested(context, endpoint.id, observedAt)) return;
    const found = backend
      ? `${backend.desiredReplicas} replicas where ${endpoint.desiredReplicas} are wanted`
      : "its objects gone from the cluster";
    const outcome = await convergeEndpoint(context, { workloadId: endpoint.id });
    if (outcome.outcome === "applied") {
      await recordEndpointReapplied(context.database, ref, { found });
      result.repaired += 1;
    }
    return;
  }
  await applyEndpointObservation(context.database, ref, { backend, observedAt });
  result.observed += 1;
  const renewal = await renewEndpointHold(context.database, ref, observedAt);
  if (renewal.outcome === "renewed" || renewal.outcome === "out-of-quota") result.renewed += 1;
}

/**
 * Objects with this installation's labels that no live endpoint wants (left by a crash, by a
 * failed endpoint, or by one since deleted) are removed and audited; nothing another installation
 * or a person made is listed, so nothing of theirs is touched.
 */
async function removeOrphans(
  context: HandlerContext,
  cluster: Cluster,
  driver: EndpointDriver,
  wanted: Set<string>,
  result: TrackEndpointsResult,
): Promise<void> {
  for (const orphan of await driver.listEndpoints()) {
    if (orphan.workloadId && wanted.has(orphan.workloadId)) continue;
    // Wanted by an endpoint deployed since its page was read? Left for the next sweep.
    if (orphan.workloadId && (await isLive(context, orphan.workloadId))) continue;
    const [namespace, name] = orphan.externalId.split("/");
    await driver.deleteEndpoint({
      workloadId: orphan.workloadId ?? (name ?? "").replace(/^ep-/, ""),
      organizationId: "",
      slug: (namespace ?? "").replace(/^t-/, ""),
    });
    await recordEndpointOrphanRemoved(context.database, {
      clusterCode: cluster.code,
      externalId: orphan.externalId,
      workloadId: orphan.workloadId,
      reason: "No live endpoint wants it.",
    });
    result.orphansRemoved += 1;
  }
}

async function recentlyRequested(
  context: HandlerContext,
  workloadId: string,
  now: Date,
): Promise<boolean> {
  const latest = await context.database.outboxEvent.findFirst({
    where: { aggregateId: workloadId, type: { startsWith: "endpoint." } },
    orderBy: { id: "desc" },
    select: { createdAt: true },
  });
  return (
    latest !== null && now.getTime() - latest.createdAt.getTime() < context.settings.redriveAfterMs
  );
}

async function isLive(context: HandlerContext, workloadId: string): Promise<boolean> {
  const endpoint = await context.database.endpoint.findUnique({
    where: { workloadId },
    select: { status: true },
  });
  return endpoint !== null && !["DELETED", "FAILED", "DELETING"].includes(endpoint.status);
}
