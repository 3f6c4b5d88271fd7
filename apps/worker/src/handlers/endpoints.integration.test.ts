import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  installationId,
  scaleEndpoint,
  scaleEndpointToZero,
  wakeEndpoint,
  deleteEndpoint,
} from "@tessera/core";
import type { Database } from "@tessera/db";
import { SimEndpointDriver } from "@tessera/drivers";
import {
  createEndpointSetup,
  deployTestEndpoint,
  type EndpointSetup,
} from "../../../../packages/core/src/endpoints/endpoint-fixture";
import { createTestContext } from "../testing/handler-context";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "../testing/queue-prefix";
import { convergeEndpoint, removeEndpoint } from "./endpoints";
import { handleTrackEndpoints } from "./track-endpoints";

const HOUR = 3_600;
let isolated: IsolatedDatabase;
let database: Database;
let harness: ReturnType<typeof createTestContext>;
const prefix = testQueuePrefix("endpoints");
// The simulated cluster's clock, moved by the tests; it starts now, so the outbox's real
// timestamps and the simulation agree on what is recent.
const clock = { now: new Date() };
const later = (seconds: number) => {
  clock.now = new Date(clock.now.getTime() + seconds * 1000);
  return clock.now;
};
const sweep = () => handleTrackEndpoints(harness.context, () => clock.now);

beforeAll(async () => {
  isolated = await createIsolatedDatabase("endpoints");
  database = isolated.database;
  harness = createTestContext(database, prefix, {
    settings: { redriveAfterMs: 10_000 },
    endpointDriverFactory: (cluster) =>
      cluster.kind === "SIM"
        ? new SimEndpointDriver({
            clusterId: cluster.id,
            db: database,
            installationId: () => installationId(database),
            readySeconds: 5,
            modelServerUrl: "http://model-sim.test:3300",
            now: () => clock.now,
          })
        : null,
  });
});

afterAll(async () => {
  await harness?.close();
  await isolated?.close();
  await obliterateQueues(prefix);
});

const endpointRow = (id: string) =>
  database.endpoint.findUniqueOrThrow({ where: { workloadId: id } });
const simRows = (setup: EndpointSetup) =>
  database.simEndpoint.findMany({ where: { clusterId: setup.clusterId } });
const heldOn = async (setup: EndpointSetup) =>
  (await database.allocationLine.findUniqueOrThrow({ where: { id: setup.allocationLineId } }))
    .heldUnitSeconds;

describe("endpoints on the simulated cluster", () => {
  it("keeps a scale-down's replicas in the quota until a sweep sees them gone, then shrinks it to what was admitted", async () => {
    const setup = await createEndpointSetup(database);
    const { id } = await deployTestEndpoint(setup, { replicas: 3 });
    await convergeEndpoint(harness.context, { workloadId: id });
    expect((await endpointRow(id)).quotaReplicas).toBe(3);

    await scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 1 });
    await convergeEndpoint(harness.context, { workloadId: id });
    // The quota was converged before the Deployment was scaled down: its three were there then.
    expect((await endpointRow(id)).quotaReplicas).toBe(3);
    expect((await simRows(setup))[0]?.replicas).toBe(1);

    later(6);
    const swept = await sweep();
    expect(swept.quotasShrunk).toBeGreaterThanOrEqual(1);
    expect(await endpointRow(id)).toMatchObject({ status: "READY", quotaReplicas: 1 });
  });

  it("keeps a deleted endpoint's replicas in the quota until a sweep sees them gone, then converges it to what is admitted", async () => {
    const setup = await createEndpointSetup(database);
    const deleted = (await deployTestEndpoint(setup, { replicas: 2 })).id;
    const kept = (await deployTestEndpoint(setup, { replicas: 1 })).id;
    await convergeEndpoint(harness.context, { workloadId: deleted });
    await convergeEndpoint(harness.context, { workloadId: kept });
    expect((await endpointRow(deleted)).quotaReplicas).toBe(2);

    await deleteEndpoint(setup.tenant, setup.actor, { id: deleted });
    await removeEndpoint(harness.context, { workloadId: deleted });
    // Deleted, and counted still by what the quota last applied held for it.
    expect(await endpointRow(deleted)).toMatchObject({ status: "DELETED", quotaReplicas: 2 });

    const swept = await sweep();
    expect(swept.quotasShrunk).toBeGreaterThanOrEqual(1);
    expect(await endpointRow(deleted)).toMatchObject({ status: "DELETED", quotaReplicas: 0 });
    expect((await endpointRow(kept)).quotaReplicas).toBe(1);
    // Nothing left to converge: the next sweep leaves its quota alone.
    const again = await sweep();
    expect(again.quotasShrunk).toBe(0);
  });

  it("deploys through the worker to READY, scales, goes to zero holding nothing, wakes and is deleted", async () => {
    const setup = await createEndpointSetup(database);
    const { id } = await deployTestEndpoint(setup, { replicas: 2 });
    expect(await heldOn(setup)).toBe(BigInt(2 * HOUR));

    const applied = await convergeEndpoint(harness.context, { workloadId: id });
    expect(applied).toMatchObject({ outcome: "applied", changed: true });
    expect((await endpointRow(id)).status).toBe("DEPLOYING");
    await sweep();
    expect(await endpointRow(id)).toMatchObject({ status: "DEPLOYING", readyReplicas: 0 });

    later(6);
    await sweep();
    expect(await endpointRow(id)).toMatchObject({
      status: "READY",
      readyReplicas: 2,
      url: "http://model-sim.test:3300",
    });

    await scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 3 });
    await convergeEndpoint(harness.context, { workloadId: id });
    later(6);
    await sweep();
    expect(await endpointRow(id)).toMatchObject({ status: "READY", readyReplicas: 3 });
    expect((await simRows(setup))[0]?.replicas).toBe(3);

    await scaleEndpointToZero(setup.tenant, setup.actor, { id });
    expect(await heldOn(setup)).toBe(0n);
    await convergeEndpoint(harness.context, { workloadId: id });
    later(1);
    await sweep();
    expect(await endpointRow(id)).toMatchObject({ status: "SCALED_TO_ZERO", readyReplicas: 0 });
    expect(await heldOn(setup)).toBe(0n);

    await wakeEndpoint(setup.tenant, setup.actor, { id });
    expect(await heldOn(setup)).toBe(BigInt(HOUR));
    await convergeEndpoint(harness.context, { workloadId: id });
    later(6);
    await sweep();
    expect(await endpointRow(id)).toMatchObject({ status: "READY", readyReplicas: 1 });

    await deleteEndpoint(setup.tenant, setup.actor, { id });
    expect(await removeEndpoint(harness.context, { workloadId: id })).toEqual({
      outcome: "deleted",
    });
    expect(await removeEndpoint(harness.context, { workloadId: id })).toEqual({
      outcome: "deleted",
    });
    expect(await endpointRow(id)).toMatchObject({ status: "DELETED" });
    expect(await simRows(setup)).toEqual([]);
    expect(await heldOn(setup)).toBe(0n);
    const samples = await database.endpointReplicaSample.findMany({
      where: { workloadId: id },
      orderBy: { at: "asc" },
    });
    expect(samples.map((s) => s.ready)).toEqual([0, 2, 3, 0, 1]);
  });

  it("applies once however often the deploy is handled", async () => {
    const setup = await createEndpointSetup(database);
    const { id } = await deployTestEndpoint(setup);
    const first = await convergeEndpoint(harness.context, { workloadId: id });
    const second = await convergeEndpoint(harness.context, { workloadId: id });
    expect(first).toMatchObject({ outcome: "applied", changed: true });
    expect(second).toMatchObject({ outcome: "applied", changed: false });
    expect(await simRows(setup)).toHaveLength(1);
    expect(
      await database.auditEvent.count({ where: { targetId: id, action: "endpoint.applied" } }),
    ).toBe(1);
  });

  it("repairs a deployment that vanished or was scaled behind Tessera's back", async () => {
    const setup = await createEndpointSetup(database);
    const { id } = await deployTestEndpoint(setup, { replicas: 2 });
    await convergeEndpoint(harness.context, { workloadId: id });
    later(20);
    await sweep();

    await database.simEndpoint.deleteMany({ where: { clusterId: setup.clusterId } });
    later(20);
    const repaired = await sweep();
    expect(repaired.repaired).toBeGreaterThanOrEqual(1);
    expect((await simRows(setup)).map((row) => row.replicas)).toEqual([2]);

    await database.simEndpoint.updateMany({
      where: { clusterId: setup.clusterId },
      data: { replicas: 7 },
    });
    later(20);
    await sweep();
    expect((await simRows(setup)).map((row) => row.replicas)).toEqual([2]);
    const audits = await database.auditEvent.findMany({
      where: { targetId: id, action: "endpoint.reapplied" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.data as { found: string }).found)).toEqual([
      "its objects gone from the cluster",
      "7 replicas where 2 are wanted",
    ]);
  });

  it("removes objects with this installation's labels that no live endpoint wants, and only those", async () => {
    const setup = await createEndpointSetup(database);
    const { id } = await deployTestEndpoint(setup);
    await convergeEndpoint(harness.context, { workloadId: id });
    const base = {
      organizationId: setup.organizationId,
      slug: setup.organizationSlug,
      displayName: "x",
    };
    const spec = {
      ...base,
      image: "registry.tessera.test/serving/sim:1",
      args: [],
      modelName: "x",
      port: 8000,
      healthPath: "/health",
      replicas: 1,
      acceleratorResource: null,
      acceleratorCount: 0,
      resourceClassCode: "cpu-core",
      unitsPerReplica: 1,
      cpu: "1",
      memory: "1Gi",
      nodeSelector: {},
    };
    const ours = new SimEndpointDriver({
      clusterId: setup.clusterId,
      db: database,
      installationId: () => installationId(database),
    });
    const theirs = new SimEndpointDriver({
      clusterId: setup.clusterId,
      db: database,
      installationId: () => Promise.resolve("another-installation"),
    });
    await ours.applyEndpoint({ ...spec, workloadId: "corphanedendpoint0000001" });
    await theirs.applyEndpoint({ ...spec, workloadId: "cnotoursatall00000000001" });
    later(20);
    const result = await sweep();
    expect(result.orphansRemoved).toBe(1);
    expect((await simRows(setup)).map((row) => row.name).sort()).toEqual(
      [`ep-${id.toLowerCase()}`, "ep-cnotoursatall00000000001"].sort(),
    );
    const audit = await database.auditEvent.findFirstOrThrow({
      where: { action: "endpoint.orphan_removed" },
    });
    expect(audit.targetId).toBe("corphanedendpoint0000001");
    expect(audit.data).toMatchObject({
      cluster: setup.clusterCode,
      externalId: `t-${setup.organizationSlug}/ep-corphanedendpoint0000001`,
    });
  });

  it("drives an accepted endpoint again when its deploy job was lost", async () => {
    clock.now = new Date();
    const setup = await createEndpointSetup(database);
    const { id } = await deployTestEndpoint(setup);
    // No handler ran (the queue lost the job); within the grace period the sweep waits.
    await sweep();
    expect((await endpointRow(id)).status).toBe("ACCEPTED");
    later(20);
    const result = await sweep();
    expect(result.redriven).toBeGreaterThanOrEqual(1);
    expect((await endpointRow(id)).status).toBe("DEPLOYING");
    expect(await simRows(setup)).toHaveLength(1);
  });
});
