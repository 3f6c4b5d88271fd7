import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createTestUser } from "@tessera/db/test-helpers";
import { createEndpointSetup, deployTestEndpoint } from "../endpoints/endpoint-fixture";
import { applyEndpointObservation } from "../endpoints/lifecycle/apply-endpoint-observation";
import { recordEndpointApplied } from "../endpoints/lifecycle/record-endpoint-applied";
import { createTestWorkload, createWorkloadSetup } from "../workloads/lifecycle/workload-fixture";
import { getHome } from "./get-home";

const noQueues = () => Promise.resolve([]);

describe("home", () => {
  it("shows a member their quota left, jobs running and waiting, and recent failures — only their own", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 36_000n, capacity: 8 });
    await createTestWorkload(db, setup, {
      quantity: 2,
      walltimeSeconds: 3_600,
      status: "RUNNING",
      externalId: `run-${setup.clusterCode}`,
      outbox: false,
    });
    await createTestWorkload(db, setup, { quantity: 1, walltimeSeconds: 3_600, outbox: false });
    const failed = await createTestWorkload(db, setup, { walltimeSeconds: 600, outbox: false });
    await db.workload.update({
      where: { id: failed.id },
      data: { status: "FAILED", statusReason: "NonZeroExitCode", endedAt: new Date() },
    });
    // Someone else's organisation, with its own running job, must not show.
    const stranger = await createWorkloadSetup(db);
    await createTestWorkload(db, stranger, { status: "RUNNING", externalId: "x", outbox: false });

    const home = await getHome(db, setup.userId, noQueues);
    expect(home.organizations).toHaveLength(1);
    const [organisation] = home.organizations;
    expect(organisation!.organization.id).toBe(setup.organizationId);
    expect(organisation!.jobs).toEqual({ running: 1, pending: 1 });
    expect(organisation!.recentFailures.map((job) => job.id)).toEqual([failed.id]);
    const line = organisation!.allocations[0]!.lines[0]!;
    // 10 GPU-hours granted; holds of 2 × 1 h, 1 × 1 h and 1 × 10 min are placed.
    expect(line.grantedUnitSeconds).toBe(36_000);
    expect(line.heldUnitSeconds).toBe(7_200 + 3_600 + 600);
    expect(line.remainingUnitSeconds).toBe(36_000 - 11_400);
    expect(organisation!.nextSteps).not.toContain("SUBMIT_JOB");
    expect(home.operator).toBeNull();
    expect(home.programmeAdmin).toBeNull();
  });

  it("counts training jobs as jobs, not inference endpoints, and says who holds the quota", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: 36_000n });
    const job = await createTestWorkload(db, setup, {
      quantity: 1,
      walltimeSeconds: 3_600,
      status: "RUNNING",
      externalId: `run-${setup.clusterCode}`,
      outbox: false,
    });
    const endpoint = await deployTestEndpoint(setup, { replicas: 2 });
    await db.workload.update({
      where: { id: endpoint.id },
      data: { status: "RUNNING", externalId: `ep-${setup.clusterCode}` },
    });
    // A failed endpoint is no failed job: its link would lead to a job page that does not exist.
    const failedEndpoint = await deployTestEndpoint(setup, { name: "Broken endpoint" });
    await db.workload.update({
      where: { id: failedEndpoint.id },
      data: { status: "FAILED", statusReason: "ImagePullBackOff", endedAt: new Date() },
    });

    const home = await getHome(db, setup.userId, noQueues);
    const [organisation] = home.organizations;
    expect(organisation!.jobs).toEqual({ running: 1, pending: 0 });
    expect(organisation!.recentFailures).toEqual([]);
    const line = organisation!.allocations[0]!.lines[0]!;
    const endpointHolds = await db.workload.aggregate({
      where: { id: { in: [endpoint.id, failedEndpoint.id] } },
      _sum: { heldUnitSeconds: true },
    });
    expect(endpointHolds._sum.heldUnitSeconds).toBeGreaterThan(0n);
    expect(line.heldByJobsUnitSeconds).toBe(Number(job.heldUnitSeconds));
    expect(line.heldByEndpointsUnitSeconds).toBe(Number(endpointHolds._sum.heldUnitSeconds));
    // Together they are all the line holds: the figure shown is split, not changed.
    expect(line.heldByJobsUnitSeconds + line.heldByEndpointsUnitSeconds).toBe(line.heldUnitSeconds);
  });

  it("shows the organisation's endpoints by what they do now, and names the ones in trouble", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: 360_000n });
    const empty = await getHome(db, setup.userId, noQueues);
    expect(empty.organizations[0]!.endpoints).toEqual({
      serving: 0,
      scaledToZero: 0,
      starting: 0,
      troubled: [],
    });
    const ready = await deployTestEndpoint(setup, { name: "Ready one" });
    const asleep = await deployTestEndpoint(setup, { name: "Asleep one" });
    await deployTestEndpoint(setup, { name: "Starting one" });
    const broken = await deployTestEndpoint(setup, { name: "Broken one" });
    const gone = await deployTestEndpoint(setup, { name: "Deleted one" });
    const set = (id: string, data: Parameters<typeof db.endpoint.update>[0]["data"]) =>
      db.endpoint.update({ where: { workloadId: id }, data });
    await set(ready.id, { status: "READY" });
    await set(asleep.id, { status: "SCALED_TO_ZERO" });
    await set(broken.id, { status: "FAILED", statusReason: "ImagePullBackOff" });
    await set(gone.id, { status: "DELETED" });
    // Another organisation's endpoint is not counted.
    const stranger = await createEndpointSetup(db);
    const theirs = await deployTestEndpoint(stranger, { name: "Theirs" });
    await set(theirs.id, { status: "READY" });

    const home = await getHome(db, setup.userId, noQueues);
    expect(home.organizations[0]!.endpoints).toEqual({
      serving: 1,
      scaledToZero: 1,
      starting: 1,
      troubled: [
        { id: broken.id, name: "Broken one", status: "FAILED", statusReason: "ImagePullBackOff" },
      ],
    });
  });

  it("asks an organisation whose compute serves shared endpoints to keep them working, not to submit a job", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: 36_000n });
    const stepsNow = async () => {
      const home = await getHome(db, setup.userId, noQueues);
      return home.organizations.find((o) => o.organization.id === setup.organizationId)!.nextSteps;
    };
    // Compute left and nothing running: submit a job.
    expect(await stepsNow()).toContain("SUBMIT_JOB");
    // The platform's own organisation: its compute runs a shared model endpoint.
    const { id } = await deployTestEndpoint(setup, { replicas: 1 });
    await db.endpoint.update({ where: { workloadId: id }, data: { shared: true } });
    expect(await stepsNow()).not.toContain("SUBMIT_JOB");
    expect(await stepsNow()).not.toContain("FIX_SHARED_ENDPOINT");
    await db.endpoint.update({ where: { workloadId: id }, data: { status: "DEGRADED" } });
    expect((await stepsNow())[0]).toBe("FIX_SHARED_ENDPOINT");
    // Someone else's failing endpoint is no step of theirs.
    await db.endpoint.update({ where: { workloadId: id }, data: { shared: false } });
    expect(await stepsNow()).not.toContain("FIX_SHARED_ENDPOINT");
  });

  it("shows an operator GPUs in use of capacity per cluster and class", async () => {
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const setup = await createWorkloadSetup(db, { capacity: 8 });
    await createTestWorkload(db, setup, {
      quantity: 3,
      status: "RUNNING",
      externalId: `op-${setup.clusterCode}`,
      outbox: false,
    });
    await createTestWorkload(db, setup, { quantity: 2, status: "PENDING", outbox: false });
    const home = await getHome(db, operator.id, () =>
      Promise.resolve([{ name: "launch", waiting: 4, active: 0, delayed: 1, failed: 0 }]),
    );
    const cluster = home.operator!.clusters.find((c) => c.id === setup.clusterId)!;
    expect(cluster.classes).toEqual([
      expect.objectContaining({ capacity: 8, inUse: 3, queued: 2 }),
    ]);
    expect(home.operator!.queuesReachable).toBe(true);
    expect(home.organizations).toEqual([]);
    expect(home.platformAdmin).toBeNull();
  });

  it("counts an endpoint's units once per running replica in the operator's capacity", async () => {
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const setup = await createEndpointSetup(db, { capacity: 8 });
    await createTestWorkload(db, setup, {
      quantity: 1,
      status: "RUNNING",
      externalId: `op-${setup.clusterCode}`,
      outbox: false,
    });
    // 2 replicas × 3 units, both running; 2 replicas × 1 unit, one running and one waiting.
    const observe = async (replicas: number, units: number, ready: number) => {
      const { id } = await deployTestEndpoint(setup, { replicas, unitsPerReplica: units });
      const ref = { id, organizationId: setup.organizationId };
      await recordEndpointApplied(db, ref, {
        externalId: `t-x/ep-${id}`,
        clusterCode: setup.clusterCode,
      });
      await applyEndpointObservation(db, ref, {
        backend: {
          state: ready === replicas ? "READY" : "DEGRADED",
          readyReplicas: ready,
          desiredReplicas: replicas,
          reason: null,
          url: null,
        },
        observedAt: new Date(),
      });
    };
    await observe(2, 3, 2);
    await observe(2, 1, 1);
    const home = await getHome(db, operator.id, noQueues);
    const cluster = home.operator!.clusters.find((c) => c.id === setup.clusterId)!;
    expect(cluster.classes).toEqual([
      expect.objectContaining({ capacity: 8, inUse: 1 + 6 + 1, queued: 1 }),
    ]);
  });

  it("leaves a retired cluster out of the operator's capacity unless work is still on it", async () => {
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const idle = await createWorkloadSetup(db, { capacity: 512 });
    const busy = await createWorkloadSetup(db, { capacity: 4 });
    await createTestWorkload(db, busy, { quantity: 1, status: "PENDING", outbox: false });
    await db.cluster.updateMany({
      where: { id: { in: [idle.clusterId, busy.clusterId] } },
      data: { active: false },
    });
    const home = await getHome(db, operator.id, noQueues);
    const shown = home.operator!.clusters;
    expect(shown.find((c) => c.id === idle.clusterId)).toBeUndefined();
    expect(shown.find((c) => c.id === busy.clusterId)).toMatchObject({ active: false });
    // Active clusters come first.
    const firstRetired = shown.findIndex((c) => !c.active);
    expect(shown.slice(firstRetired).every((c) => !c.active)).toBe(true);
  });

  it("shows a platform administrator the verification queue and an intact audit chain", async () => {
    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const home = await getHome(db, admin.id, noQueues);
    expect(home.platformAdmin!.auditChain.ok).toBe(true);
    expect(home.platformAdmin!.verificationQueue.total).toBe(
      await db.organization.count({ where: { status: "PENDING" } }),
    );
    expect(home.operator).toBeNull();
  });
});
