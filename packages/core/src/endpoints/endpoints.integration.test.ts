import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { AppError } from "../errors";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { deleteEndpoint } from "./delete-endpoint";
import { createEndpointSetup, deployTestEndpoint, type EndpointSetup } from "./endpoint-fixture";
import { getEndpoint } from "./get-endpoint";
import { applyEndpointObservation } from "./lifecycle/apply-endpoint-observation";
import { ensureEndpointTenant } from "./lifecycle/ensure-endpoint-tenant";
import { failEndpoint } from "./lifecycle/fail-endpoint";
import { recordEndpointApplied } from "./lifecycle/record-endpoint-applied";
import { recordEndpointDeleted } from "./lifecycle/record-endpoint-deleted";
import { renewEndpointHold } from "./lifecycle/renew-endpoint-hold";
import { listEndpoints } from "./list-endpoints";
import {
  scaleEndpoint,
  scaleEndpointToZero,
  scaleIdleEndpointsToZero,
  wakeEndpoint,
} from "./scale-endpoint";

const HOUR = 3_600;

async function heldOn(setup: EndpointSetup) {
  const line = await db.allocationLine.findUniqueOrThrow({ where: { id: setup.allocationLineId } });
  return { held: line.heldUnitSeconds, consumed: line.consumedUnitSeconds };
}

async function writtenFor(setup: EndpointSetup) {
  // Every endpoint outbox event names its endpoint (a workload) as its aggregate; counting only
  // this organisation's keeps other test files' events out of the figure.
  const ids = await db.workload.findMany({
    where: { organizationId: setup.organizationId },
    select: { id: true },
  });
  const aggregateId = { in: ids.map((row) => row.id) };
  const [workloads, endpoints, holds, events, outbox, audit] = await Promise.all([
    db.workload.count({ where: { organizationId: setup.organizationId } }),
    db.endpoint.count({ where: { organizationId: setup.organizationId } }),
    db.quotaHold.count({ where: { organizationId: setup.organizationId } }),
    db.workloadEvent.count({ where: { organizationId: setup.organizationId } }),
    db.outboxEvent.count({ where: { type: { startsWith: "endpoint." }, aggregateId } }),
    db.auditEvent.count({ where: { organizationId: setup.organizationId } }),
  ]);
  return { workloads, endpoints, holds, events, outbox, audit };
}

async function outboxTypes(id: string) {
  const rows = await db.outboxEvent.findMany({
    where: { aggregateId: id },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.type);
}

async function refusalOf(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** An endpoint of 2 replicas that the cluster has applied, not yet observed. */
async function appliedEndpoint() {
  const setup = await createEndpointSetup(db);
  const { id } = await deployTestEndpoint(setup, { replicas: 2 });
  const ref = { id, organizationId: setup.organizationId };
  await recordEndpointApplied(db, ref, {
    externalId: `t-x/ep-${id}`,
    clusterCode: setup.clusterCode,
  });
  return { setup, id, ref };
}

describe("endpoint lifecycle", () => {
  it("deploys with a hold, scales, goes to zero holding nothing, wakes and is deleted", async () => {
    const setup = await createEndpointSetup(db);
    const before = await heldOn(setup);
    const { id, status } = await deployTestEndpoint(setup, { replicas: 2, maxReplicas: 4 });
    expect(status).toBe("ACCEPTED");

    const workload = await db.workload.findUniqueOrThrow({
      where: { id },
      include: { endpoint: true },
    });
    expect(workload.kind).toBe("INFERENCE_ENDPOINT");
    expect(workload.heldUnitSeconds).toBe(BigInt(2 * HOUR));
    const hold = await db.quotaHold.findUniqueOrThrow({ where: { id: workload.holdId! } });
    expect(hold).toMatchObject({
      status: "ACTIVE",
      unitSeconds: BigInt(2 * HOUR),
      reference: `endpoint:${id}:1`,
    });
    expect((await heldOn(setup)).held).toBe(before.held + BigInt(2 * HOUR));
    expect(workload.endpoint).toMatchObject({ status: "ACCEPTED", desiredReplicas: 2 });
    expect(await outboxTypes(id)).toEqual(["endpoint.deploy"]);
    const deployed = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "endpoint.deployed" },
    });
    expect(deployed.data).toMatchObject({
      cluster: setup.clusterCode,
      replicas: 2,
      heldUnitSeconds: 2 * HOUR,
    });

    // A scale leaves a replica serving (scaleRangeOf): none is asked for by scaling to zero.
    const none = await refusalOf(scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 0 }));
    expect(none.message).toBe(
      "This endpoint runs between 1 and 4 replicas; to stop it, scale it to zero.",
    );
    const scaled = await scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 3 });
    expect(scaled).toMatchObject({ desiredReplicas: 3, changed: true });
    expect((await heldOn(setup)).held).toBe(before.held + BigInt(3 * HOUR));
    // Asking again for what is wanted writes nothing.
    const again = await scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 3 });
    expect(again.changed).toBe(false);

    await scaleEndpointToZero(setup.tenant, setup.actor, { id });
    expect((await heldOn(setup)).held).toBe(before.held);
    const atZero = await db.workload.findUniqueOrThrow({ where: { id } });
    expect(atZero.holdId).toBeNull();
    expect(atZero.heldUnitSeconds).toBe(0n);
    expect(
      await db.quotaHold.count({
        where: { reference: { startsWith: `endpoint:${id}:` }, status: "ACTIVE" },
      }),
    ).toBe(0);

    await wakeEndpoint(setup.tenant, setup.actor, { id });
    expect((await heldOn(setup)).held).toBe(before.held + BigInt(HOUR));

    const deleted = await deleteEndpoint(setup.tenant, setup.actor, { id });
    expect(deleted.status).toBe("DELETING");
    expect((await heldOn(setup)).held).toBe(before.held);
    expect(await outboxTypes(id)).toEqual([
      "endpoint.deploy",
      "endpoint.scale",
      "endpoint.scale",
      "endpoint.scale",
      "endpoint.delete",
    ]);
    const actions = await db.auditEvent.findMany({
      where: { targetId: id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "endpoint.deployed",
      "endpoint.scaled",
      "endpoint.scaled_to_zero",
      "endpoint.woken",
      "endpoint.delete_requested",
    ]);
    const detail = await getEndpoint(setup.tenant, id);
    expect(detail.events.map((e) => e.reason)).toEqual([
      "Accepted",
      "ScaleRequested",
      "ScaleToZeroRequested",
      "ScaleRequested",
      "DeleteRequested",
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("names the person in its timeline by name, by address only when they have none", async () => {
    const setup = await createEndpointSetup(db);
    const email = setup.actor.email!;
    await db.user.update({ where: { id: setup.userId }, data: { name: "Ada Okafor" } });
    const { id } = await deployTestEndpoint(setup, { replicas: 1, maxReplicas: 4 });
    await scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 2 });
    await db.user.update({ where: { id: setup.userId }, data: { name: null } });
    await scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 3 });
    await db.user.update({ where: { id: setup.userId }, data: { name: "Ada Okafor" } });
    await deleteEndpoint(setup.tenant, setup.actor, { id });

    const messages = (await getEndpoint(setup.tenant, id)).events.map((event) => event.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Scaled to 2 by Ada Okafor \(1 → 2/));
    expect(messages).toContainEqual(expect.stringMatching(/^Scaled to 3 by .+ \(2 → 3/));
    expect(messages).toContainEqual(expect.stringMatching(/^Deletion requested by Ada Okafor;/));
    // The address appears only for the change made while the person had no name.
    expect(messages.filter((message) => message?.includes(email))).toEqual([
      expect.stringMatching(/^Scaled to 3 by /),
    ]);
  });

  it("refuses a deploy beyond quota, saying what is short, and writes nothing", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: BigInt(HOUR) });
    const before = await writtenFor(setup);
    const refusal = await refusalOf(deployTestEndpoint(setup, { replicas: 2 }));
    expect(refusal.code).toBe("PRECONDITION_FAILED");
    expect(refusal.message).toBe(
      "Not enough quota left on this allocation: this needs 2 GPU-hours and 1 GPU-hour remain, 1 GPU-hour short.",
    );
    expect(await writtenFor(setup)).toEqual(before);
    expect((await heldOn(setup)).held).toBe(0n);
  });

  it("refuses a size the form would refuse, in the form's words and beside the field, and writes nothing", async () => {
    const setup = await createEndpointSetup(db);
    const before = await writtenFor(setup);
    const refusal = await refusalOf(
      deployTestEndpoint(setup, { minReplicas: 3, maxReplicas: 2, replicas: 2 }),
    );
    expect(refusal).toMatchObject({
      code: "INVALID",
      message: "The minimum (3) is above the maximum (2). Lower the minimum or raise the maximum.",
      details: { field: "minReplicas" },
    });
    expect(await refusalOf(deployTestEndpoint(setup, { replicas: 0 }))).toMatchObject({
      code: "INVALID",
      details: { field: "replicas" },
    });
    expect(await writtenFor(setup)).toEqual(before);
  });

  it("refuses a replica larger than the cluster's nodes, naming the largest that fits, and writes nothing", async () => {
    const setup = await createEndpointSetup(db, { capacity: 16 });
    await db.clusterResource.updateMany({
      where: { clusterId: setup.clusterId },
      data: { unitsPerNode: 4 },
    });
    const before = await writtenFor(setup);
    expect(await refusalOf(deployTestEndpoint(setup, { unitsPerReplica: 6 }))).toMatchObject({
      code: "INVALID",
      message:
        "A replica must fit on one node: this cluster's nodes have 4 GPUs; ask for at most 4 per replica.",
      details: { field: "unitsPerReplica" },
    });
    expect(await writtenFor(setup)).toEqual(before);
    // A replica of a whole node fits.
    const fits = await deployTestEndpoint(setup, { unitsPerReplica: 4 });
    expect(fits.status).toBe("ACCEPTED");

    // Beside it, a cluster of 8-GPU nodes with fewer units free (8, against 12): placement takes
    // a 6-GPU replica there, passing over the one whose nodes are too small.
    const eights = await db.cluster.create({
      data: {
        code: `eights-${setup.clusterCode}`,
        name: `Eights ${setup.clusterCode}`,
        kind: "SIM",
        region: "test",
        jurisdiction: "DE",
        resources: {
          create: { resourceClassId: setup.resourceClassId, capacity: 8, unitsPerNode: 8 },
        },
      },
    });
    const { id } = await deployTestEndpoint(setup, { name: "Large replica", unitsPerReplica: 6 });
    const placed = await db.workload.findUniqueOrThrow({ where: { id } });
    expect(placed.clusterId).toBe(eights.id);
  });

  it("keeps an endpoint at its minimum: neither a member nor the idle timer takes it to zero", async () => {
    const setup = await createEndpointSetup(db);
    const { id } = await deployTestEndpoint(setup, { minReplicas: 1 });
    // Deploy refuses an idle time beside a minimum; endpoints deployed before it did keep theirs.
    await db.endpoint.update({ where: { workloadId: id }, data: { idleSecondsBeforeZero: 60 } });
    const before = await writtenFor(setup);
    const refusal = await refusalOf(scaleEndpointToZero(setup.tenant, setup.actor, { id }));
    expect(refusal.code).toBe("PRECONDITION_FAILED");
    expect(refusal.message).toMatch(/^This endpoint keeps at least 1 replica running/);
    const none = await refusalOf(scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 0 }));
    expect(none.message).toBe(
      "This endpoint runs between 1 and 4 replicas; to stop it, delete it.",
    );
    // Idle long past its idle time, it still keeps its minimum.
    const later = new Date(Date.now() + 2 * HOUR * 1000);
    expect(await scaleIdleEndpointsToZero(db, later)).not.toContain(id);
    expect(await writtenFor(setup)).toEqual(before);
    const endpoint = await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } });
    expect(endpoint.desiredReplicas).toBe(1);
    expect((await heldOn(setup)).held).toBe(BigInt(HOUR));
  });

  it("refuses a scale-up the allocation cannot cover and leaves the endpoint as it was", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: BigInt(2 * HOUR) });
    const { id } = await deployTestEndpoint(setup, { replicas: 1 });
    const before = await writtenFor(setup);
    const refusal = await refusalOf(scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 3 }));
    expect(refusal.message).toMatch(/1 GPU-hour short\.$/);
    expect(await writtenFor(setup)).toEqual(before);
    expect((await heldOn(setup)).held).toBe(BigInt(HOUR));
    const endpoint = await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } });
    expect(endpoint.desiredReplicas).toBe(1);
  });

  it("never over-commits the line under concurrent deploys", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: BigInt(5 * HOUR) });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => deployTestEndpoint(setup, { name: `Concurrent ${i}` })),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(accepted).toHaveLength(5);
    for (const r of refused) expect(r.reason).toBeInstanceOf(AppError);
    const line = await heldOn(setup);
    expect(line.held).toBe(BigInt(5 * HOUR));
    expect(await db.endpoint.count({ where: { organizationId: setup.organizationId } })).toBe(5);
  });

  it("answers a stranger NOT_FOUND, the same as for an endpoint that does not exist", async () => {
    const owner = await createEndpointSetup(db);
    const stranger = await createEndpointSetup(db);
    const { id } = await deployTestEndpoint(owner);
    for (const call of [
      () => getEndpoint(stranger.tenant, id),
      () => scaleEndpoint(stranger.tenant, stranger.actor, { id, replicas: 2 }),
      () => scaleEndpointToZero(stranger.tenant, stranger.actor, { id }),
      () => wakeEndpoint(stranger.tenant, stranger.actor, { id }),
      () => deleteEndpoint(stranger.tenant, stranger.actor, { id }),
      () => getEndpoint(owner.tenant, "c-no-such-endpoint"),
    ]) {
      const refusal = await refusalOf(call());
      expect(refusal.code).toBe("NOT_FOUND");
      expect(refusal.message).toBe("Endpoint not found.");
    }
    expect((await listEndpoints(stranger.tenant, {})).items).toEqual([]);
    expect((await listEndpoints(owner.tenant, {})).items.map((e) => e.id)).toEqual([id]);
  });

  it("records replicas when they move, and charts the last day of them on a time axis", async () => {
    const { setup, id, ref } = await appliedEndpoint();
    const t0 = new Date(Math.ceil(Date.now() / 1000) * 1000);
    const seen = (seconds: number, ready: number) =>
      applyEndpointObservation(db, ref, {
        backend: {
          state: "READY",
          readyReplicas: ready,
          desiredReplicas: 2,
          reason: null,
          url: null,
        },
        observedAt: new Date(t0.getTime() + seconds * 1000),
      });
    // Seen every 2 s: 0, 0, 1, 1, 1, 2, 2 ready — three counts, so three rows.
    for (const [seconds, ready] of [
      [0, 0],
      [2, 0],
      [4, 1],
      [6, 1],
      [8, 1],
      [10, 2],
      [12, 2],
    ] as const) {
      await seen(seconds, ready);
    }
    const rows = await db.endpointReplicaSample.findMany({
      where: { workloadId: id },
      orderBy: { at: "asc" },
    });
    expect(rows.map((row) => [(row.at.getTime() - t0.getTime()) / 1000, row.ready])).toEqual([
      [0, 0],
      [4, 1],
      [10, 2],
    ]);

    const now = new Date(t0.getTime() + 60_000);
    const { replicas } = await getEndpoint(setup.tenant, id, now);
    expect(replicas).toEqual({
      from: t0,
      to: now,
      live: true,
      points: rows.map(({ at, ready, desired }) => ({ at, ready, desired })),
    });
    // A day and a minute later the window starts with what held then: 2 of 2.
    const dayLater = new Date(t0.getTime() + 86_400_000 + 60_000);
    const later = await getEndpoint(setup.tenant, id, dayLater);
    expect(later.replicas?.points).toEqual([
      { at: new Date(dayLater.getTime() - 86_400_000), ready: 2, desired: 2 },
    ]);
  });

  it("applies an observation once: the same one again changes nothing", async () => {
    const { setup, id, ref } = await appliedEndpoint();
    const t0 = new Date(Math.ceil(Date.now() / 1000) * 1000);
    const ready = {
      backend: {
        state: "READY" as const,
        readyReplicas: 2,
        desiredReplicas: 2,
        reason: null,
        url: "http://sim:3300",
      },
      observedAt: t0,
    };
    expect((await applyEndpointObservation(db, ref, ready)).status).toBe("READY");
    const snapshot = async () => ({
      endpoint: await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } }),
      events: await db.workloadEvent.count({ where: { workloadId: id } }),
      samples: await db.endpointReplicaSample.count({ where: { workloadId: id } }),
      audit: await db.auditEvent.count({ where: { targetId: id } }),
    });
    const once = await snapshot();
    expect(once.endpoint).toMatchObject({
      status: "READY",
      readyReplicas: 2,
      url: "http://sim:3300",
    });
    expect(once.samples).toBe(1);
    const twice = await applyEndpointObservation(db, ref, ready);
    expect(twice.changed).toBe(false);
    expect(await snapshot()).toEqual(once);

    // 30 s later the two replicas have used 60 GPU-seconds; renewal (due at half the window)
    // settles what they used up to it — seen ready throughout — and places a new hold
    // for a whole window.
    const later = new Date(t0.getTime() + 30_000);
    await applyEndpointObservation(db, ref, { ...ready, observedAt: later });
    const observed = await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } });
    expect(observed.observedUnitSeconds).toBe(60n);
    const renewAt = new Date(
      Math.ceil((observed.leaseStartedAt!.getTime() + (HOUR / 2) * 1000) / 1000) * 1000,
    );
    const used = (2 * (renewAt.getTime() - t0.getTime())) / 1000;
    // The sweep that renews it has just seen it, as every sweep does before it renews.
    await applyEndpointObservation(db, ref, { ...ready, observedAt: renewAt });
    const renewal = await renewEndpointHold(db, ref, renewAt);
    expect(renewal).toMatchObject({
      outcome: "renewed",
      settledUnitSeconds: used,
      heldUnitSeconds: 2 * HOUR,
    });
    expect(await heldOn(setup)).toEqual({ held: BigInt(2 * HOUR), consumed: BigInt(used) });
    // The window is metered for billing as it is settled: the same GPU-seconds, once.
    const metered = async () =>
      db.usageRecord.findMany({ where: { workloadId: id, source: "K8S_SAMPLER" } });
    const [record] = await metered();
    const resourceClass = await db.resourceClass.findUniqueOrThrow({
      where: { id: setup.resourceClassId },
    });
    expect(record).toMatchObject({
      organizationId: setup.organizationId,
      projectId: setup.projectId,
      allocationLineId: setup.allocationLineId,
      resourceClassId: setup.resourceClassId,
      unitSeconds: BigInt(used),
      intervalStart: observed.leaseStartedAt,
      intervalEnd: renewAt,
      energyBasis: "ESTIMATED",
      energyMilliWh: BigInt(Math.round((resourceClass.powerDrawWatts * used) / 3.6)),
    });
    expect(await metered()).toHaveLength(1);
    const notDue = await renewEndpointHold(db, ref, renewAt);
    expect(notDue.outcome).toBe("not-due");
    expect(await metered()).toHaveLength(1);
  });

  it("scales to zero, holding nothing, when the allocation cannot cover another lease window", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: BigInt(HOUR) });
    const { id } = await deployTestEndpoint(setup, { replicas: 1 });
    const ref = { id, organizationId: setup.organizationId };
    await recordEndpointApplied(db, ref, {
      externalId: `t-x/ep-${id}`,
      clusterCode: setup.clusterCode,
    });
    const start = (await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } }))
      .leaseStartedAt!;
    const ready = {
      state: "READY" as const,
      readyReplicas: 1,
      desiredReplicas: 1,
      reason: null,
      url: null,
    };
    await applyEndpointObservation(db, ref, { backend: ready, observedAt: start });
    const half = new Date(start.getTime() + (HOUR / 2) * 1000);
    await applyEndpointObservation(db, ref, { backend: ready, observedAt: half });

    const renewal = await renewEndpointHold(db, ref, half);
    expect(renewal.outcome).toBe("out-of-quota");
    expect(await heldOn(setup)).toEqual({ held: 0n, consumed: BigInt(HOUR / 2) });
    const endpoint = await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } });
    expect(endpoint).toMatchObject({ desiredReplicas: 0, statusReason: "QuotaExhausted" });
    expect((await db.workload.findUniqueOrThrow({ where: { id } })).holdId).toBeNull();
    expect(await outboxTypes(id)).toEqual(["endpoint.deploy", "endpoint.scale"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "endpoint.scaled_to_zero" },
    });
    expect((audit.data as { reason: string }).reason).toMatch(/short\.$/);
  });

  it("counts an endpoint's units once per replica when placing the next one", async () => {
    const setup = await createEndpointSetup(db, { capacity: 4 });
    await deployTestEndpoint(setup, { replicas: 3 });
    const { id } = await deployTestEndpoint(setup, { replicas: 1 });
    const workload = await db.workload.findUniqueOrThrow({ where: { id } });
    const placement = workload.placement as { candidates: { clusterCode: string; free: number }[] };
    expect(placement.candidates.find((c) => c.clusterCode === setup.clusterCode)?.free).toBe(1);
  });
});

/** What the backend has of each endpoint, as a driver's describeEndpoints reports it. */
function presentOf(present: ReadonlyMap<string, number>) {
  return (refs: readonly { workloadId: string }[]) =>
    Promise.resolve(
      new Map(
        refs.flatMap(({ workloadId }) => {
          const found = present.get(workloadId);
          return found === undefined ? [] : [[workloadId, found] as const];
        }),
      ),
    );
}

const noPods = presentOf(new Map());

/**
 * Converges the quota of the setup's organisation with `pods` on the cluster (workload id → pods
 * there) and answers its pods; the workload ids asked about, sorted, are added to `asked`.
 */
async function quotaPodsWith(
  setup: EndpointSetup,
  pods: Record<string, number>,
  asked: string[][] = [],
) {
  const read = presentOf(new Map(Object.entries(pods)));
  const { quota } = await ensureEndpointTenant(
    db,
    { organizationId: setup.organizationId, clusterId: setup.clusterId },
    () => Promise.resolve(),
    (refs) => {
      asked.push(refs.map((ref) => ref.workloadId).sort());
      return read(refs);
    },
  );
  return quota.pods;
}

describe("the organisation's place on a cluster", () => {
  it("keeps counting a scaled-down endpoint's pods until they have gone, and records what it counted", async () => {
    const setup = await createEndpointSetup(db);
    const down = (await deployTestEndpoint(setup, { replicas: 3 })).id;
    const up = (await deployTestEndpoint(setup, { replicas: 1 })).id;
    await scaleEndpoint(setup.tenant, setup.actor, { id: down, replicas: 1 });
    await scaleEndpoint(setup.tenant, setup.actor, { id: up, replicas: 3 });
    const place = { organizationId: setup.organizationId, clusterId: setup.clusterId };
    const counted = async () => {
      const rows = await db.endpoint.findMany({
        where: { workloadId: { in: [down, up] } },
        select: { workloadId: true, quotaReplicas: true },
      });
      return new Map(rows.map((row) => [row.workloadId, row.quotaReplicas]));
    };

    // The scale-down's three pods are still there (terminating, or not scaled down yet): the
    // quota keeps room for them beside the three admitted in their place.
    const leaving = await ensureEndpointTenant(
      db,
      place,
      () => Promise.resolve(),
      presentOf(
        new Map([
          [down, 3],
          [up, 1],
        ]),
      ),
    );
    expect(leaving.quota.pods).toBe("6");
    expect(await counted()).toEqual(
      new Map([
        [down, 3],
        [up, 3],
      ]),
    );

    // Once they have gone it is what Tessera admitted.
    const gone = await ensureEndpointTenant(
      db,
      place,
      () => Promise.resolve(),
      presentOf(
        new Map([
          [down, 1],
          [up, 3],
        ]),
      ),
    );
    expect(gone.quota.pods).toBe("4");
    expect(await counted()).toEqual(
      new Map([
        [down, 1],
        [up, 3],
      ]),
    );
  });

  it("keeps counting a deleted endpoint's pods beside the scale-up and the deploy that take its room, until they have gone", async () => {
    const setup = await createEndpointSetup(db);
    const deleted = (await deployTestEndpoint(setup, { replicas: 3 })).id;
    const up = (await deployTestEndpoint(setup, { replicas: 1 })).id;
    const countedFor = async (id: string) =>
      (await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } })).quotaReplicas;
    expect(await quotaPodsWith(setup, { [deleted]: 3, [up]: 1 })).toBe("4");

    // One endpoint deleted while another scales from one to three and a third is deployed: the
    // deleted one's three pods still run (its removal not carried out yet), and the quota keeps
    // room for them beside the four admitted in their place.
    await deleteEndpoint(setup.tenant, setup.actor, { id: deleted });
    await scaleEndpoint(setup.tenant, setup.actor, { id: up, replicas: 3 });
    const deployed = (await deployTestEndpoint(setup, { replicas: 1 })).id;
    expect(await quotaPodsWith(setup, { [deleted]: 3, [up]: 1 })).toBe("7");
    expect(await countedFor(deleted)).toBe(3);

    // Removed from the cluster and DELETED, two of its pods still terminating: still counted.
    await recordEndpointDeleted(db, { id: deleted, organizationId: setup.organizationId });
    expect(await quotaPodsWith(setup, { [deleted]: 2, [up]: 3, [deployed]: 1 })).toBe("6");
    expect(await countedFor(deleted)).toBe(2);

    // Once they have gone, what Tessera admitted; the deleted endpoint is asked about no more.
    expect(await quotaPodsWith(setup, { [up]: 3, [deployed]: 1 })).toBe("4");
    expect(await countedFor(deleted)).toBe(0);
    const asked: string[][] = [];
    expect(await quotaPodsWith(setup, { [up]: 3, [deployed]: 1 }, asked)).toBe("4");
    expect(asked).toEqual([[up, deployed].sort()]);
  });

  it("counts a failed endpoint by the pods it still has, never by the replicas it wanted", async () => {
    const setup = await createEndpointSetup(db);
    const failed = (await deployTestEndpoint(setup, { replicas: 2 })).id;
    expect(await quotaPodsWith(setup, { [failed]: 1 })).toBe("2");
    const ref = { id: failed, organizationId: setup.organizationId };
    await failEndpoint(db, ref, { reason: "ProgressDeadlineExceeded" });
    expect(await quotaPodsWith(setup, { [failed]: 1 })).toBe("1");
    expect(await quotaPodsWith(setup, {})).toBe("0");
    const row = await db.endpoint.findUniqueOrThrow({ where: { workloadId: failed } });
    expect(row).toMatchObject({ status: "FAILED", desiredReplicas: 2, quotaReplicas: 0 });
  });

  it("converges one quota at a time, each read after the one applied before it", async () => {
    const setup = await createEndpointSetup(db);
    await deployTestEndpoint(setup, { replicas: 1 });
    const place = { organizationId: setup.organizationId, clusterId: setup.clusterId };
    const applied: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));

    // The first reads one endpoint and is slow to apply; meanwhile a second endpoint is
    // admitted and a second convergence starts. It must wait, read two, and apply last.
    const first = ensureEndpointTenant(
      db,
      place,
      async (tenant) => {
        entered();
        await held;
        applied.push(tenant.quota.pods!);
      },
      noPods,
    );
    await inside;
    await deployTestEndpoint(setup, { replicas: 1 });
    const second = ensureEndpointTenant(
      db,
      place,
      (tenant) => {
        applied.push(tenant.quota.pods!);
        return Promise.resolve();
      },
      noPods,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    expect(applied).toEqual(["1", "2"]);
  });
});

describe("a model whose licence restricts its use", () => {
  const RESTRICTIONS =
    "The licence forbids serving to users outside the EU and use above 700 million monthly users.";

  async function restrictedSetup() {
    const setup = await createEndpointSetup(db);
    await db.model.update({
      where: { id: setup.modelId },
      data: { restrictions: RESTRICTIONS },
    });
    return setup;
  }

  it("is refused without the deployer's acceptance, naming the model, and nothing is written", async () => {
    const setup = await restrictedSetup();
    const before = await writtenFor(setup);
    for (const acceptedRestrictions of [undefined, null]) {
      expect(await refusalOf(deployTestEndpoint(setup, { acceptedRestrictions }))).toMatchObject({
        code: "INVALID",
        message: `${setup.modelName} has licence restrictions: read them and accept them to deploy it.`,
        details: { field: "acceptedRestrictions" },
      });
    }
    expect(await writtenFor(setup)).toEqual(before);
    expect(await heldOn(setup)).toEqual({ held: 0n, consumed: 0n });
  });

  it("is refused when the restrictions accepted are not the ones that stand now, and nothing is written", async () => {
    const setup = await restrictedSetup();
    const before = await writtenFor(setup);
    const read = "The licence forbids serving to users outside the EU.";
    expect(
      await refusalOf(deployTestEndpoint(setup, { acceptedRestrictions: read })),
    ).toMatchObject({
      code: "INVALID",
      message: `The licence restrictions of ${setup.modelName} changed; read them again and accept them to deploy it.`,
      details: { field: "acceptedRestrictions" },
    });
    expect(await writtenFor(setup)).toEqual(before);
  });

  it("is checked against the text that stands when the endpoint is written, not the one read before", async () => {
    const setup = await restrictedSetup();
    const before = await writtenFor(setup);
    const changed = `${RESTRICTIONS} Biometric identification is forbidden.`;
    let deploying: Promise<AppError> | undefined;
    let settled = false;
    // The text changes in a transaction still open while the deploy runs: the deploy's first
    // read sees the old text (the change is not committed), so only a check inside its own
    // transaction, waiting for the model's row, can see the new one.
    await db.$transaction(
      async (tx) => {
        await tx.model.update({ where: { id: setup.modelId }, data: { restrictions: changed } });
        const [self] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`;
        deploying = refusalOf(deployTestEndpoint(setup, { acceptedRestrictions: RESTRICTIONS }));
        const settle = () => {
          settled = true;
        };
        deploying.then(settle, settle);
        // Until the deploy waits for this transaction (or ends without waiting, and fails below).
        while (!settled) {
          const [waiting] = await db.$queryRaw<{ count: number }[]>`
            SELECT count(*)::int AS "count" FROM pg_stat_activity
             WHERE ${self!.pid}::int = ANY (pg_blocking_pids("pid"))`;
          if (waiting!.count > 0) break;
        }
      },
      { timeout: 20_000 },
    );
    expect(await deploying).toMatchObject({
      code: "INVALID",
      message: `The licence restrictions of ${setup.modelName} changed; read them again and accept them to deploy it.`,
      details: { field: "acceptedRestrictions" },
    });
    expect(await writtenFor(setup)).toEqual(before);
    expect(await heldOn(setup)).toEqual({ held: 0n, consumed: 0n });
  });

  it("is deployed with them accepted, and the audit event records who accepted what and when", async () => {
    const setup = await restrictedSetup();
    const started = Date.now();
    const { id, status } = await deployTestEndpoint(setup, {
      acceptedRestrictions: RESTRICTIONS,
    });
    expect(status).toBe("ACCEPTED");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "endpoint.deployed", targetId: id },
    });
    expect(audit.actorId).toBe(setup.userId);
    const data = audit.data as {
      model: string;
      licenceAcknowledgement: { acceptedAt: string } & Record<string, unknown>;
    };
    expect(data.model).toBe(setup.modelName);
    const { acceptedAt, ...acceptance } = data.licenceAcknowledgement;
    expect(acceptance).toEqual({
      restrictions: RESTRICTIONS,
      acceptedById: setup.userId,
      acceptedByEmail: setup.actor.email,
    });
    expect(Date.parse(acceptedAt)).toBeGreaterThanOrEqual(started);
    expect(Date.parse(acceptedAt)).toBeLessThanOrEqual(audit.occurredAt.getTime());
    expect(await outboxTypes(id)).toEqual(["endpoint.deploy"]);
  });

  it("asks nothing of a model without restrictions, and records no acceptance", async () => {
    const setup = await createEndpointSetup(db);
    const { id } = await deployTestEndpoint(setup);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "endpoint.deployed", targetId: id },
    });
    expect(audit.data).not.toHaveProperty("licenceAcknowledgement");
  });
});
