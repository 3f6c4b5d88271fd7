/**
 * A running endpoint for billing tests: 2 replicas × 2 units on an award whose programme pays
 * half, seen ready a few seconds after its window began. Tests only: never import from app code.
 */
import { db } from "@tessera/db";
import {
  createEndpointSetup,
  deployTestEndpoint,
  type EndpointSetup,
} from "../endpoints/endpoint-fixture";
import { applyEndpointObservation } from "../endpoints/lifecycle/apply-endpoint-observation";
import { recordEndpointApplied } from "../endpoints/lifecycle/record-endpoint-applied";

export const RUNNING_REPLICAS = 2;
export const RUNNING_UNITS = 2;

export async function runningEndpoint() {
  const setup = await createEndpointSetup(db, { grantedUnitSeconds: 10n ** 9n });
  await db.allocation.update({
    where: { id: setup.allocationId },
    data: {
      listValueMinor: 1_000_000n,
      programmeShareMinor: 1_000_000n,
      tenantShareMinor: 0n,
      subsidyRateBps: 5_000,
    },
  });
  await db.billingAccount.create({
    data: { organizationId: setup.organizationId, timeZone: "Europe/Brussels" },
  });
  const ref = await deployRunningEndpoint(setup);
  const { id } = ref;
  const endpoint = await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } });
  const readyAt = new Date((Math.ceil(endpoint.leaseStartedAt!.getTime() / 1000) + 5) * 1000);
  await observeReady(ref, readyAt);
  return { setup, id, ref, readyAt };
}

/** Another endpoint of 2 replicas × 2 units on the setup's line, applied on the cluster. */
export async function deployRunningEndpoint(setup: EndpointSetup, name = "Test endpoint") {
  const { id } = await deployTestEndpoint(setup, {
    name,
    replicas: RUNNING_REPLICAS,
    unitsPerReplica: RUNNING_UNITS,
  });
  const ref = { id, organizationId: setup.organizationId };
  await recordEndpointApplied(db, ref, {
    externalId: `t-x/ep-${id}`,
    clusterCode: setup.clusterCode,
  });
  return ref;
}

/** The backend says all its replicas are ready at `at`. */
export function observeReady(ref: { id: string; organizationId: string }, at: Date) {
  const backend = {
    state: "READY" as const,
    readyReplicas: RUNNING_REPLICAS,
    desiredReplicas: RUNNING_REPLICAS,
    reason: null,
    url: null,
  };
  return applyEndpointObservation(db, ref, { backend, observedAt: at });
}

export const after = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);
