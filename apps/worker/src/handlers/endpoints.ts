import {
  ensureEndpointTenant,
  failEndpoint,
  loadEndpointContext,
  recordEndpointApplied,
  recordEndpointDeleted,
  type EndpointContext,
  type EndpointDriver,
} from "@tessera/core";
import type { HandlerContext } from "./context";
import { Refusal, refusingOn } from "./refusal";

export type EndpointOutcome =
  | { outcome: "missing" | "ended" }
  | { outcome: "applied"; externalId: string; changed: boolean }
  | { outcome: "deleted" }
  | { outcome: "failed"; reason: string };

async function driverOf(
  context: HandlerContext,
  endpoint: EndpointContext,
): Promise<EndpointDriver> {
  if (!endpoint.cluster.active)
    throw new Refusal(`Cluster ${endpoint.cluster.code} is not taking work.`);
  const driver = await context.endpoints.driverFor(endpoint.cluster.id);
  if (!driver)
    throw new Refusal(`Cluster ${endpoint.cluster.code} does not serve inference endpoints.`);
  return driver;
}

/**
 * Converges an endpoint on its cluster to what the database says now (deploy and scale events
 * both come here, so their order does not matter): the tenant's place is ensured, the objects
 * applied with the desired replicas — applying what exists changes nothing — and the first apply
 * moves it to DEPLOYING. A deleting endpoint is removed instead. A backend refusal fails the
 * endpoint (its hold released); anything else is thrown for the queue to retry.
 */
export async function convergeEndpoint(
  context: HandlerContext,
  payload: { workloadId: string },
): Promise<EndpointOutcome> {
  const endpoint = await loadEndpointContext(context.database, payload.workloadId);
  if (!endpoint) return { outcome: "missing" };
  if (endpoint.status === "DELETING") return removeEndpoint(context, payload);
  if (endpoint.status === "DELETED" || endpoint.status === "FAILED") return { outcome: "ended" };
  try {
    const driver = await driverOf(context, endpoint);
    await convergeEndpointTenant(context, driver, {
      organizationId: endpoint.ref.organizationId,
      clusterId: endpoint.cluster.id,
    });
    const applied = await refusingOn("", () => driver.applyEndpoint(endpoint.spec));
    await recordEndpointApplied(context.database, endpoint.ref, {
      externalId: applied.externalId,
      clusterCode: endpoint.cluster.code,
    });
    return { outcome: "applied", externalId: applied.externalId, changed: applied.changed };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await failEndpoint(context.database, endpoint.ref, { reason: error.message });
    context.log.info("endpoint failed", { workloadId: endpoint.ref.id, reason: error.message });
    return { outcome: "failed", reason: error.message };
  }
}

/**
 * Converges the organisation's place on a cluster: its quota counts what Tessera admitted and the
 * pods its endpoints still have there (a scale-down's, a deleted or failed endpoint's, until they
 * have gone). Applied one at a time per organisation; the wait for the backend to enforce it is
 * not. A backend refusal is a Refusal; anything else is thrown for a retry.
 */
export async function convergeEndpointTenant(
  context: HandlerContext,
  driver: EndpointDriver,
  place: { organizationId: string; clusterId: string },
): Promise<void> {
  const tenant = await ensureEndpointTenant(
    context.database,
    place,
    (spec) => refusingOn("", () => driver.ensureEndpointTenant(spec, { settle: false })),
    (refs) => refusingOn("", () => driver.presentReplicas(refs)),
  );
  await refusingOn("", () => driver.settleEndpointTenant(tenant));
}

/**
 * Removes a deleting endpoint's objects from its cluster (gone already is fine) and marks it
 * DELETED. Safe to run twice.
 */
export async function removeEndpoint(
  context: HandlerContext,
  payload: { workloadId: string },
): Promise<EndpointOutcome> {
  const endpoint = await loadEndpointContext(context.database, payload.workloadId);
  if (!endpoint) return { outcome: "missing" };
  if (endpoint.status === "DELETED") return { outcome: "deleted" };
  if (endpoint.status !== "DELETING") return { outcome: "ended" };
  const driver = await context.endpoints.driverFor(endpoint.cluster.id);
  if (driver) {
    await driver.deleteEndpoint({
      workloadId: endpoint.spec.workloadId,
      organizationId: endpoint.spec.organizationId,
      slug: endpoint.spec.slug,
    });
  }
  await recordEndpointDeleted(context.database, endpoint.ref);
  return { outcome: "deleted" };
}
