import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { placeHold } from "./place-hold";
import { createQuotaFixture } from "./quota-fixture";
import { LEASE_SETTLE_GRACE_MS, settleAbandonedLeases } from "./settle-abandoned-leases";

/**
 * A gateway that died with a lease of `block` tokens open on a line of `granted`, after requests
 * on it were metered for `metered` tokens each (in + out): the lease expired long enough ago for
 * the worker to settle it.
 */
async function deadGatewayLease(granted: bigint, block: number, metered: number[]) {
  const fixture = await createQuotaFixture(db, { grantedUnitSeconds: granted });
  const line = await db.allocationLine.findUniqueOrThrow({
    where: { id: fixture.allocationLineId },
  });
  const expiredAt = new Date(Date.now() - LEASE_SETTLE_GRACE_MS - 60_000);
  const lease = await placeHold(db, {
    organizationId: fixture.organizationId,
    allocationLineId: fixture.allocationLineId,
    unitSeconds: block,
    reference: `lease:gateway-${randomBytes(6).toString("hex")}:1`,
    expiresAt: expiredAt,
  });
  await db.usageRecord.createMany({
    data: metered.map((tokens, index) => ({
      organizationId: fixture.organizationId,
      source: "GATEWAY_TOKENS" as const,
      sourceRef: `req_${lease.holdId}_${index}`,
      intervalStart: new Date(expiredAt.getTime() - 1_000),
      intervalEnd: expiredAt,
      resourceClassId: line.resourceClassId,
      allocationLineId: fixture.allocationLineId,
      quotaHoldId: lease.holdId,
      quantity: 0,
      unitSeconds: 0n,
      tokensIn: BigInt(Math.floor(tokens / 2)),
      tokensOut: BigInt(tokens - Math.floor(tokens / 2)),
      model: "tessera-test/shared",
      energyMilliWh: 0n,
      energyBasis: "ESTIMATED" as const,
    })),
  });
  return { ...fixture, leaseId: lease.holdId };
}

/** The line's sums and its holds, as an operator would read them. */
async function lineState(allocationLineId: string) {
  const line = await db.allocationLine.findUniqueOrThrow({ where: { id: allocationLineId } });
  const holds = await db.quotaHold.findMany({
    where: { allocationLineId },
    select: { reference: true, status: true, unitSeconds: true, settledUnitSeconds: true },
    orderBy: { createdAt: "asc" },
  });
  return {
    granted: line.grantedUnitSeconds,
    held: line.heldUnitSeconds,
    consumed: line.consumedUnitSeconds,
    holds,
  };
}

describe("the worker's sweep of a dead gateway's token leases", () => {
  it("draws what was metered past a lease's block from the line too, once", async () => {
    const lease = await deadGatewayLease(10_000n, 100, [40, 100, 60, 60]);

    // Two sweeps at once, as two workers would run them.
    const sweeps = await Promise.all([
      settleAbandonedLeases(db, new Date(), { organizationId: lease.organizationId }),
      settleAbandonedLeases(db, new Date(), { organizationId: lease.organizationId }),
    ]);
    expect(sweeps.some((sweep) => sweep.settled >= 1)).toBe(true);
    const settled = await lineState(lease.allocationLineId);
    expect(settled).toMatchObject({ held: 0n, consumed: 260n });
    expect(settled.holds).toEqual([
      expect.objectContaining({ status: "SETTLED", unitSeconds: 100n, settledUnitSeconds: 100n }),
      expect.objectContaining({
        reference: `lease-overrun:${lease.leaseId}`,
        status: "SETTLED",
        settledUnitSeconds: 160n,
      }),
    ]);

    await settleAbandonedLeases(db, new Date(), { organizationId: lease.organizationId });
    expect(await lineState(lease.allocationLineId)).toEqual(settled);
  });

  it("draws the overrun as far as the line has tokens left; the rest stays metered", async () => {
    const lease = await deadGatewayLease(200n, 100, [150, 200]);

    await settleAbandonedLeases(db, new Date(), { organizationId: lease.organizationId });
    const settled = await lineState(lease.allocationLineId);
    expect(settled).toMatchObject({ held: 0n, consumed: 200n, granted: 200n });
    expect(settled.holds.map((hold) => hold.settledUnitSeconds)).toEqual([100n, 100n]);
    // Every token is still metered (and so billed), drawn from the line or not.
    const metered = await db.usageRecord.aggregate({
      where: { quotaHoldId: lease.leaseId },
      _sum: { tokensIn: true, tokensOut: true },
    });
    expect((metered._sum.tokensIn ?? 0n) + (metered._sum.tokensOut ?? 0n)).toBe(350n);

    await settleAbandonedLeases(db, new Date(), { organizationId: lease.organizationId });
    expect(await lineState(lease.allocationLineId)).toEqual(settled);
  });
});
