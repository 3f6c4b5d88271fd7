import {
  applyEndpointObservation,
  listTrackedEndpoints,
  recordEndpointOrphanRemoved,
  recordEndpointReapplied,
  renewEndpointHold,
  type BackendEndpoint,
  type EndpointDriver,
  type TrackedEndpoint,
} from "@tessera/core";
import type { Cluster } from "@tessera/db";
import { errorMessage, type HandlerContext } from "./context";
import { convergeEndpoint, removeEndpoint } from "./endpoints";

export interface TrackEndpointsResult {
  observed: number;
  renewed: number;
  repaired: number;
  /** Accepted endpoints whose deploy was driven again (its queue job lost). */
  redriven: number;
  deleted: number;
  orphansRemoved: number;
  failedClusters: number;
}

const PAGE = 200;

/**
 * The endpoint sweep, per cluster that serves endpoints: each live endpoint's backend state is
 * applied (observation, replica sample, replica-seconds counted) and its hold renewed when half
 * its window has passed; drift is repaired — a live endpoint whose objects vanished or whose
 * replicas were changed behind Tessera's back is applied again, a deleting one is removed — and
 * objects with this installation's labels that no live endpoint wants are removed, audited.
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
  let after: string | null = null;
  for (;;) {
    const page: TrackedEndpoint[] = await listTrackedEndpoints(context.database, {
      clusterId: cluster.id,
      after,
      limit: PAGE,
    });
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const refs = page.map((e) => ({
      workloadId: e.id,
      organizationId: e.organizationId,
      slug: e.slug,
    }));
    const seen = await driver.describeEndpoints(refs);
    const observedAt = now();
    for (const endpoint of page) {
      try {
        await trackEndpoint(context, endpoint, seen.get(endpoint.id), observedAt, wanted, result);
      } catch (error) {
        // One endpoint's trouble must not stop the sweep of the others; it is tried again next time.
        context.log.warn("endpoint sweep failed for an endpoint", {
          workloadId: endpoint.id,
          error: errorMessage(error),
        });
      }
    }
    if (page.length < PAGE) break;
  }
  await removeOrphans(context, cluster, driver, wanted, result);
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
