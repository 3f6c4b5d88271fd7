import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DriverError, type EndpointSpec } from "@tessera/core";
import { db } from "@tessera/db";
import { SimDriver } from "./sim-driver";
import { SimEndpointDriver, simEndpointState } from "./sim-endpoint-driver";

const T0 = new Date("2026-03-01T10:00:00Z");

async function simCluster() {
  const code = randomBytes(5).toString("hex");
  return db.cluster.create({
    data: {
      code: `sim-ep-${code}`,
      name: `Sim ${code}`,
      kind: "SIM",
      region: "local",
      jurisdiction: "DE",
    },
  });
}

function spec(overrides: Partial<EndpointSpec> = {}): EndpointSpec {
  return {
    workloadId: `c${randomBytes(8).toString("hex")}`,
    organizationId: "org-1",
    slug: "acme-lab",
    displayName: "Chat",
    image: "registry.tessera.test/serving/sim:1",
    args: ["--model", "tiny"],
    modelName: "tiny",
    port: 8000,
    healthPath: "/health",
    replicas: 2,
    acceleratorResource: "nvidia.com/gpu",
    acceleratorCount: 1,
    resourceClassCode: "l40s-48gb",
    unitsPerReplica: 1,
    cpu: "4",
    memory: "32Gi",
    nodeSelector: {},
    ...overrides,
  };
}

function driverAt(clusterId: string, clock: { now: Date }, installation = "install-a") {
  return new SimEndpointDriver({
    clusterId,
    db,
    installationId: () => Promise.resolve(installation),
    readySeconds: 5,
    modelServerUrl: "http://model-sim.test:3300/",
    now: () => clock.now,
  });
}

describe("SimEndpointDriver", () => {
  it("applies once, becomes ready after the simulated start-up, scales and deletes idempotently", async () => {
    const cluster = await simCluster();
    const clock = { now: T0 };
    const driver = driverAt(cluster.id, clock);
    const endpoint = spec();
    const ref = { workloadId: endpoint.workloadId, organizationId: "org-1", slug: "acme-lab" };

    const first = await driver.applyEndpoint(endpoint);
    expect(first).toEqual({ externalId: `t-acme-lab/ep-${endpoint.workloadId}`, changed: true });
    expect(await driver.applyEndpoint(endpoint)).toEqual({ ...first, changed: false });
    expect(await db.simEndpoint.count({ where: { clusterId: cluster.id } })).toBe(1);

    const deploying = (await driver.describeEndpoints([ref])).get(endpoint.workloadId);
    expect(deploying).toMatchObject({ state: "DEPLOYING", readyReplicas: 0, desiredReplicas: 2 });
    clock.now = new Date(T0.getTime() + 5_000);
    const ready = (await driver.describeEndpoints([ref])).get(endpoint.workloadId);
    expect(ready).toMatchObject({
      state: "READY",
      readyReplicas: 2,
      workloadId: endpoint.workloadId,
      url: "http://model-sim.test:3300",
    });

    await driver.scaleEndpoint(ref, 0);
    expect((await driver.describeEndpoints([ref])).get(endpoint.workloadId)?.state).toBe(
      "SCALED_TO_ZERO",
    );

    await driver.deleteEndpoint(ref);
    await driver.deleteEndpoint(ref);
    expect((await driver.describeEndpoints([ref])).size).toBe(0);
    const missing = await driver.scaleEndpoint(ref, 1).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(DriverError);
    expect((missing as DriverError).retryable).toBe(false);
  });

  it("runs no more replicas than the cluster has units of the class; the rest wait, with the reason", async () => {
    const code = randomBytes(5).toString("hex");
    const gpu = await db.resourceClass.create({
      data: {
        code: `sim-gpu-${code}`,
        name: `Simulated GPU ${code}`,
        kind: "GPU",
        unit: "GPU",
        listPriceMinorPerHour: 100,
        currency: "EUR",
        powerDrawWatts: 350,
      },
    });
    const cluster = await simCluster();
    await db.clusterResource.create({
      data: { clusterId: cluster.id, resourceClassId: gpu.id, capacity: 8 },
    });
    const clock = { now: T0 };
    const driver = driverAt(cluster.id, clock);
    const small = spec({ replicas: 1, resourceClassCode: gpu.code, unitsPerReplica: 1 });
    await driver.applyEndpoint(small);
    clock.now = new Date(T0.getTime() + 1_000);
    const big = spec({
      replicas: 2,
      acceleratorCount: 4,
      resourceClassCode: gpu.code,
      unitsPerReplica: 4,
    });
    await driver.applyEndpoint(big);
    clock.now = new Date(T0.getTime() + 10_000);
    const refOf = (endpoint: EndpointSpec) => ({
      workloadId: endpoint.workloadId,
      organizationId: "org-1",
      slug: "acme-lab",
    });
    const seen = await driver.describeEndpoints([refOf(small), refOf(big)]);
    expect(seen.get(small.workloadId)).toMatchObject({ state: "READY", readyReplicas: 1 });
    // 1 + 2 × 4 = 9 GPUs wanted of 8: the second replica of the big one cannot be placed.
    expect(seen.get(big.workloadId)).toMatchObject({
      state: "DEGRADED",
      readyReplicas: 1,
      desiredReplicas: 2,
    });
    expect(seen.get(big.workloadId)?.reason).toMatch(/Insufficient nvidia\.com\/gpu/);

    // A job on the same cluster waits for the units the endpoints leave (3), not the whole 8.
    const jobs = new SimDriver({ clusterId: cluster.id, db, advanceEveryMs: 0 });
    const job = await jobs.submit({
      workloadId: `w${randomBytes(8).toString("hex")}`,
      displayName: "test job",
      account: "t_test",
      resourceClassCode: gpu.code,
      mapping: { slurmPartition: null, slurmGres: null, capacity: 8 },
      quantity: 4,
      walltimeSeconds: 3_600,
      script: "#!/bin/bash\necho training\n",
      environment: {},
    });
    expect((await jobs.describe([job.externalId])).get(job.externalId)?.state).toBe("PENDING");

    // The small one scaled to zero frees its GPU: the big one's second replica is placed.
    await driver.scaleEndpoint(refOf(small), 0);
    const after = await driver.describeEndpoints([refOf(big)]);
    expect(after.get(big.workloadId)).toMatchObject({
      state: "READY",
      readyReplicas: 2,
      reason: null,
    });
  });

  it("lists only this installation's endpoints", async () => {
    const cluster = await simCluster();
    const clock = { now: T0 };
    const mine = spec();
    await driverAt(cluster.id, clock, "install-a").applyEndpoint(mine);
    await driverAt(cluster.id, clock, "install-b").applyEndpoint(spec());
    const listed = await driverAt(cluster.id, clock, "install-a").listEndpoints();
    expect(listed.map((e) => e.workloadId)).toEqual([mine.workloadId]);
  });

  it("refuses a tenant slug that cannot name a namespace, without retrying", async () => {
    const cluster = await simCluster();
    const refusal = await driverAt(cluster.id, { now: T0 })
      .applyEndpoint(spec({ slug: "Not A Slug" }))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DriverError);
    expect((refusal as DriverError).retryable).toBe(false);
  });
});

describe("simEndpointState", () => {
  it("is scaled to zero at no replicas, deploying for the start-up time, then ready", () => {
    const row = { replicas: 3, changedAt: T0, readyBefore: 0 };
    expect(simEndpointState({ ...row, replicas: 0 }, T0, 5).state).toBe("SCALED_TO_ZERO");
    expect(simEndpointState(row, new Date(T0.getTime() + 4_999), 5)).toMatchObject({
      state: "DEPLOYING",
      readyReplicas: 0,
    });
    expect(simEndpointState(row, new Date(T0.getTime() + 5_000), 5)).toMatchObject({
      state: "READY",
      readyReplicas: 3,
    });
  });

  it("keeps the replicas ready before a change serving while it rolls out: up is degraded, down is ready", () => {
    const during = new Date(T0.getTime() + 2_000);
    // 1 → 2: the one serving stays ready; the other is starting.
    expect(simEndpointState({ replicas: 2, changedAt: T0, readyBefore: 1 }, during, 5)).toEqual({
      state: "DEGRADED",
      readyReplicas: 1,
      desiredReplicas: 2,
      reason: "Starting 1 more simulated model server replica",
    });
    // 3 → 1: ready at once.
    expect(
      simEndpointState({ replicas: 1, changedAt: T0, readyBefore: 3 }, during, 5),
    ).toMatchObject({ state: "READY", readyReplicas: 1, reason: null });
    // Then all of them.
    expect(
      simEndpointState(
        { replicas: 2, changedAt: T0, readyBefore: 1 },
        new Date(T0.getTime() + 5_000),
        5,
      ),
    ).toMatchObject({ state: "READY", readyReplicas: 2 });
  });
});

describe("scaling a simulated endpoint up", () => {
  it("never shows it down: the replica serving before stays ready while the new one starts", async () => {
    const cluster = await simCluster();
    const clock = { now: T0 };
    const driver = driverAt(cluster.id, clock);
    const endpoint = spec({ replicas: 1 });
    const ref = { workloadId: endpoint.workloadId, organizationId: "org-1", slug: "acme-lab" };
    const seen = async (seconds: number) => {
      clock.now = new Date(T0.getTime() + seconds * 1_000);
      return (await driver.describeEndpoints([ref])).get(endpoint.workloadId);
    };
    await driver.applyEndpoint(endpoint);
    expect(await seen(6)).toMatchObject({ state: "READY", readyReplicas: 1 });
    await driver.scaleEndpoint(ref, 2);
    expect(await seen(7)).toMatchObject({
      state: "DEGRADED",
      readyReplicas: 1,
      desiredReplicas: 2,
    });
    // A re-apply with 3 replicas carries the one ready over again.
    await driver.applyEndpoint({ ...endpoint, replicas: 3 });
    expect(await seen(8)).toMatchObject({
      state: "DEGRADED",
      readyReplicas: 1,
      desiredReplicas: 3,
    });
    expect(await seen(13)).toMatchObject({ state: "READY", readyReplicas: 3 });
    // Down to 1: ready at once.
    await driver.scaleEndpoint(ref, 1);
    expect(await seen(14)).toMatchObject({ state: "READY", readyReplicas: 1 });
  });
});
