import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { AppError } from "../errors";
import {
  createEndpointSetup,
  deployTestEndpoint,
  type EndpointSetup,
} from "../endpoints/endpoint-fixture";
import { applyEndpointObservation } from "../endpoints/lifecycle/apply-endpoint-observation";
import { recordEndpointApplied } from "../endpoints/lifecycle/record-endpoint-applied";
import { createTestWorkload } from "../workloads/lifecycle/workload-fixture";
import { getCluster } from "./get-cluster";
import { removeClusterResource } from "./remove-cluster-resource";
import { setClusterResource } from "./set-cluster-resource";

async function failureOf(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected the call to fail, but it succeeded.");
}

/** A running job of 2 units and an endpoint with 1 replica of 1 unit running: 3 units in use. */
async function busyCluster(): Promise<EndpointSetup & { className: string; clusterName: string }> {
  const setup = await createEndpointSetup(db, { capacity: 8 });
  await createTestWorkload(db, setup, {
    quantity: 2,
    status: "RUNNING",
    externalId: `job-${setup.clusterCode}`,
    outbox: false,
  });
  const { id } = await deployTestEndpoint(setup, { replicas: 1, unitsPerReplica: 1 });
  const ref = { id, organizationId: setup.organizationId };
  await recordEndpointApplied(db, ref, {
    externalId: `t-x/ep-${id}`,
    clusterCode: setup.clusterCode,
  });
  await applyEndpointObservation(db, ref, {
    backend: { state: "READY", readyReplicas: 1, desiredReplicas: 1, reason: null, url: null },
    observedAt: new Date(),
  });
  const resourceClass = await db.resourceClass.findUniqueOrThrow({
    where: { id: setup.resourceClassId },
  });
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: setup.clusterId } });
  return { ...setup, className: resourceClass.name, clusterName: cluster.name };
}

const auditCount = (clusterId: string) => db.auditEvent.count({ where: { targetId: clusterId } });

describe("a cluster's capacity against the units in use", () => {
  it("refuses a capacity below what runs now, naming the units and the work that holds them", async () => {
    const setup = await busyCluster();
    const before = await auditCount(setup.clusterId);
    const input = { clusterId: setup.clusterId, resourceClassId: setup.resourceClassId };

    const refused = await failureOf(setClusterResource(db, setup.actor, { ...input, capacity: 2 }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.details).toEqual({ field: "capacity" });
    expect(refused.message).toBe(
      `3 GPUs of ${setup.className} are in use on ${setup.clusterName} now, held by 1 running job ` +
        `and 1 endpoint — more than a capacity of 2. Enter at least 3, or tick “Drain” to lower ` +
        `it anyway: that work keeps its units until it ends or is stopped.`,
    );
    // Nothing changed: the capacity stands and nothing was audited.
    const unchanged = await getCluster(db, setup.clusterId);
    expect(unchanged.resources[0]).toMatchObject({ capacity: 8, inUse: 3 });
    expect(await auditCount(setup.clusterId)).toBe(before);

    // Down to what is in use is fine.
    const exact = await setClusterResource(db, setup.actor, { ...input, capacity: 3 });
    expect(exact.resources[0]).toMatchObject({ capacity: 3, inUse: 3 });

    // A confirmed drain sets it below, and the page's figures show the truth: 3 in use of 2.
    const drained = await setClusterResource(db, setup.actor, {
      ...input,
      capacity: 2,
      drain: true,
    });
    expect(drained.resources[0]).toMatchObject({ capacity: 2, inUse: 3 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { targetId: setup.clusterId, action: "cluster.resource_set" },
      orderBy: { id: "desc" },
    });
    expect(event.data).toMatchObject({ capacity: 2, inUse: 3, drain: true });
  });

  it("refuses to remove a class while work of it runs or waits there, and allows it once that ends", async () => {
    const setup = await busyCluster();
    await createTestWorkload(db, setup, { quantity: 1, status: "PENDING", outbox: false });
    const before = await auditCount(setup.clusterId);
    const input = { clusterId: setup.clusterId, resourceClassId: setup.resourceClassId };

    const refused = await failureOf(removeClusterResource(db, setup.actor, input));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(
      `${setup.className} is still in use on ${setup.clusterName}: 3 GPUs are in use, held by ` +
        `1 running job and 1 endpoint; 1 job or endpoint is waiting to run. Remove it once that ` +
        `work has ended; meanwhile, a capacity of 0 stops new work landing here (tick “Drain” ` +
        `while work runs).`,
    );
    expect((await getCluster(db, setup.clusterId)).resources).toHaveLength(1);
    expect(await auditCount(setup.clusterId)).toBe(before);

    await db.workload.updateMany({
      where: { clusterId: setup.clusterId },
      data: { status: "COMPLETED", endedAt: new Date() },
    });
    const removed = await removeClusterResource(db, setup.actor, input);
    expect(removed.resources).toEqual([]);
  });
});
