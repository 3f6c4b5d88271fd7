import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { deleteEndpoint } from "./delete-endpoint";
import { createEndpointSetup, deployTestEndpoint, type EndpointSetup } from "./endpoint-fixture";
import { applyEndpointObservation } from "./lifecycle/apply-endpoint-observation";
import { recordEndpointApplied } from "./lifecycle/record-endpoint-applied";
import { recordEndpointDeleted } from "./lifecycle/record-endpoint-deleted";
import { renewEndpointHold } from "./lifecycle/renew-endpoint-hold";
import { scaleEndpointToZero } from "./scale-endpoint";

const REPLICAS = 2;
const UNITS = 2;

interface Metered {
  records: { intervalStart: Date; intervalEnd: Date; unitSeconds: bigint }[];
  consumed: bigint | null;
  line: { held: bigint; consumed: bigint };
}

/** An endpoint of 2 replicas × 2 units, applied to its cluster, and the time its lease began. */
async function runningEndpoint(setup: EndpointSetup) {
  const { id } = await deployTestEndpoint(setup, { replicas: REPLICAS, unitsPerReplica: UNITS });
  const ref = { id, organizationId: setup.organizationId };
  await recordEndpointApplied(db, ref, {
    externalId: `t-x/ep-${id}`,
    clusterCode: setup.clusterCode,
  });
  const endpoint = await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } });
  // A whole second a little after the lease began: the instant the replicas are first seen ready.
  const readyAt = new Date((Math.ceil(endpoint.leaseStartedAt!.getTime() / 1000) + 5) * 1000);
  return { id, ref, readyAt };
}

/** One pass of the worker's endpoint sweep for this endpoint: observe, then renew when due. */
async function sweep(ref: { id: string; organizationId: string }, at: Date, ready: number) {
  const backend = {
    state: ready > 0 ? ("READY" as const) : ("DEPLOYING" as const),
    readyReplicas: ready,
    desiredReplicas: REPLICAS,
    reason: null,
    url: null,
  };
  await applyEndpointObservation(db, ref, { backend, observedAt: at });
  await renewEndpointHold(db, ref, at);
}

/**
 * Sweeps at uneven intervals that are not whole seconds (as a sweep's timer drifts), each run
 * twice as two workers would, from `from` until before `until`.
 */
async function sweepUntil(
  ref: { id: string; organizationId: string },
  from: Date,
  until: Date,
  ready: number,
) {
  const steps = [59_950, 60_070, 61_330, 58_480];
  let at = from.getTime();
  for (let i = 0; at + steps[i % steps.length]! < until.getTime(); i += 1) {
    at += steps[i % steps.length]!;
    await sweep(ref, new Date(at), ready);
    await sweep(ref, new Date(at), ready);
  }
}

async function meteredFor(setup: EndpointSetup, id: string): Promise<Metered> {
  const records = await db.usageRecord.findMany({
    where: { workloadId: id, source: "K8S_SAMPLER" },
    orderBy: { intervalStart: "asc" },
    select: { intervalStart: true, intervalEnd: true, unitSeconds: true },
  });
  const workload = await db.workload.findUniqueOrThrow({ where: { id } });
  const line = await db.allocationLine.findUniqueOrThrow({ where: { id: setup.allocationLineId } });
  return {
    records,
    consumed: workload.consumedUnitSeconds,
    line: { held: line.heldUnitSeconds, consumed: line.consumedUnitSeconds },
  };
}

function totalOf(metered: Metered): bigint {
  return metered.records.reduce((sum, record) => sum + record.unitSeconds, 0n);
}

describe("endpoint metering", () => {
  it("meters every second from ready to scale-to-zero across a lease renewal, once", async () => {
    const setup = await createEndpointSetup(db);
    const { id, ref, readyAt } = await runningEndpoint(setup);
    await sweep(ref, new Date(readyAt.getTime() - 3_100), 0);
    await sweep(ref, readyAt, REPLICAS);
    // Past half the lease window, so the first window is settled and a second one held.
    const zeroAt = new Date(readyAt.getTime() + 2_500_000);
    await sweepUntil(ref, readyAt, zeroAt, REPLICAS);
    await scaleEndpointToZero(setup.tenant, setup.actor, { id }, zeroAt);

    const expected = BigInt(REPLICAS * UNITS * 2_500);
    const metered = await meteredFor(setup, id);
    expect(metered.records).toHaveLength(2);
    // The second window starts where the first ended: no gap between them, no overlap.
    expect(metered.records[1]!.intervalStart).toEqual(metered.records[0]!.intervalEnd);
    expect(metered.records[1]!.intervalEnd).toEqual(zeroAt);
    expect(totalOf(metered)).toBe(expected);
    expect(metered.consumed).toBe(expected);
    expect(metered.line).toEqual({ held: 0n, consumed: expected });

    // The sweeps run on while the cluster scales it down (twice each): nothing more is counted.
    const stopped = new Date(zeroAt.getTime() + 200_000);
    await sweepUntil(ref, zeroAt, stopped, REPLICAS);
    await sweepUntil(ref, stopped, new Date(stopped.getTime() + 400_000), 0);
    expect(await meteredFor(setup, id)).toEqual(metered);
  });

  it("meters every second from ready to deletion, once", async () => {
    const setup = await createEndpointSetup(db);
    const { id, ref, readyAt } = await runningEndpoint(setup);
    await sweep(ref, readyAt, REPLICAS);
    const deleteAt = new Date(readyAt.getTime() + 1_000_000);
    await sweepUntil(ref, readyAt, deleteAt, REPLICAS);
    await deleteEndpoint(setup.tenant, setup.actor, { id }, deleteAt);

    const expected = BigInt(REPLICAS * UNITS * 1_000);
    const metered = await meteredFor(setup, id);
    expect(metered.records).toHaveLength(1);
    expect(totalOf(metered)).toBe(expected);
    expect(metered.consumed).toBe(expected);
    expect(metered.line).toEqual({ held: 0n, consumed: expected });

    await sweepUntil(ref, deleteAt, new Date(deleteAt.getTime() + 300_000), REPLICAS);
    await recordEndpointDeleted(db, ref);
    await recordEndpointDeleted(db, ref);
    expect(await meteredFor(setup, id)).toEqual(metered);
  });
});
