import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, tenantScoped } from "@tessera/db";
import { createBillingFixture, createTokenTier } from "../billing/billing-fixture";
import { getCurrentCharges } from "../billing/get-current-charges";
import { closeHold } from "../quota/close-hold";
import { placeHold } from "../quota/place-hold";
import type { TenantAccess } from "../tenancy/tenant-access";
import { getOrganizationHome } from "../home/organization-home";
import { getAllocation } from "./get-allocation";
import { listAllocations } from "./list-allocations";

/**
 * An organisation holding `granted` tokens of a shared model's tier, with a gateway's lease of
 * `block` tokens open on them (as the gateway places it) and calls on the lease metered for
 * `calls` tokens each (in + out), as the gateway writes them: at once, before the lease settles.
 */
async function openLease(granted: bigint, block: number, calls: number[]) {
  const fixture = await createBillingFixture(db);
  const tier = await createTokenTier(db, randomBytes(4).toString("hex"));
  const line = await db.allocationLine.create({
    data: {
      allocationId: fixture.allocationId,
      resourceClassId: tier.id,
      grantedUnitSeconds: granted,
      listPriceMinorPerHour: tier.listPriceMinorPerHour,
    },
  });
  const now = new Date();
  const lease = await placeHold(db, {
    organizationId: fixture.organizationId,
    allocationLineId: line.id,
    unitSeconds: block,
    reference: `lease:gateway-${randomBytes(6).toString("hex")}:1`,
    expiresAt: new Date(now.getTime() + 5 * 60_000),
  });
  await db.usageRecord.createMany({
    data: calls.map((tokens, index) => ({
      organizationId: fixture.organizationId,
      source: "GATEWAY_TOKENS" as const,
      sourceRef: `req_${lease.holdId}_${index}`,
      intervalStart: new Date(now.getTime() - 2_000),
      intervalEnd: now,
      resourceClassId: tier.id,
      allocationLineId: line.id,
      quotaHoldId: lease.holdId,
      quantity: 0,
      unitSeconds: 0n,
      tokensIn: BigInt(Math.floor(tokens / 3)),
      tokensOut: BigInt(tokens - Math.floor(tokens / 3)),
      model: "tessera-test/shared",
      energyMilliWh: 0n,
      energyBasis: "ESTIMATED" as const,
    })),
  });
  const tenant: TenantAccess = {
    organization: { id: fixture.organizationId, name: "Lease Lab" },
    role: "OWNER",
    db: tenantScoped(db, fixture.organizationId),
  };
  return { fixture, tenant, tier, lineId: line.id, leaseId: lease.holdId, now };
}

/** The token line as the Allocations page reads it. */
async function allocationsLine(tenant: TenantAccess, lineId: string) {
  const page = await listAllocations(tenant, {});
  const line = page.items.flatMap((allocation) => allocation.lines).find((l) => l.id === lineId);
  return {
    granted: line!.grantedUnitSeconds,
    held: line!.heldUnitSeconds,
    used: line!.consumedUnitSeconds,
    remaining: line!.remainingUnitSeconds,
    unsettled: line!.unsettledUnitSeconds,
  };
}

/** The tokens of the tier on Billing's charges so far. */
async function billedTokens(tenant: TenantAccess, tierCode: string, now: Date) {
  const charges = await getCurrentCharges(tenant, { sellerCountry: "DE", now });
  return charges.lines
    .filter((line) => line.resourceClassCode === tierCode)
    .reduce((sum, line) => sum + line.tokens, 0);
}

describe("the Allocations page while a gateway's token lease is open", () => {
  it("counts the tokens already metered as used, as Billing does, and only the lease's unspent rest as held", async () => {
    const lease = await openLease(1_000_000n, 10_000, [1_200, 800, 500]);

    const line = await allocationsLine(lease.tenant, lease.lineId);
    expect(line).toEqual({
      granted: 1_000_000,
      held: 10_000 - 2_500,
      used: 2_500,
      // The lease's unspent rest is the organisation's still: left, as well as held.
      remaining: 1_000_000 - 2_500,
      unsettled: 2_500,
    });
    expect(line.used + line.remaining).toBe(line.granted);
    expect(await billedTokens(lease.tenant, lease.tier.code, lease.now)).toBe(line.used);
    // One allocation read the same way.
    const one = await getAllocation(lease.tenant, lease.fixture.allocationId);
    expect(one.lines.find((l) => l.id === lease.lineId)).toMatchObject({
      heldUnitSeconds: 7_500,
      consumedUnitSeconds: 2_500,
    });

    // The ledger itself is untouched: the whole block is still held there until settlement.
    const ledger = await db.allocationLine.findUniqueOrThrow({ where: { id: lease.lineId } });
    expect([ledger.heldUnitSeconds, ledger.consumedUnitSeconds]).toEqual([10_000n, 0n]);

    // The gateway settles what it spent: used stays what it was, the unspent rest goes back.
    await closeHold(db, {
      organizationId: lease.fixture.organizationId,
      holdId: lease.leaseId,
      consumed: 2_500,
    });
    expect(await allocationsLine(lease.tenant, lease.lineId)).toEqual({
      granted: 1_000_000,
      held: 0,
      used: 2_500,
      remaining: 1_000_000 - 2_500,
      unsettled: 0,
    });
  });

  it("counts calls that ran past the block as used as far as the line has tokens left", async () => {
    // 1,200 tokens granted, a block of 1,000, and calls in flight spent 1,500: the 500 past the
    // block are drawn from the 200 left when the lease settles, and billed all the same.
    const lease = await openLease(1_200n, 1_000, [900, 600]);

    const line = await allocationsLine(lease.tenant, lease.lineId);
    expect(line).toEqual({ granted: 1_200, held: 0, used: 1_200, remaining: 0, unsettled: 1_200 });
    expect(await billedTokens(lease.tenant, lease.tier.code, lease.now)).toBe(1_500);
  });

  it("reads on the dashboard as the tokens the organisation can still call for, the gateway's lease left in", async () => {
    // The quick start: 2 million tokens granted, the gateway leases a block of 100,000 and one
    // call uses 74 of it. The lease is the gateway's reservation of these tokens for the
    // organisation's next calls, so 1,999,926 are left — not 1.9 million.
    const lease = await openLease(2_000_000n, 100_000, [74]);

    const home = await getOrganizationHome({
      ...lease.tenant,
      organization: { ...lease.tenant.organization, status: "VERIFIED" },
    });
    const line = home.allocations
      .flatMap((allocation) => allocation.lines)
      .find((l) => l.id === lease.lineId);
    expect(line).toMatchObject({
      grantedUnitSeconds: 2_000_000,
      heldUnitSeconds: 99_926,
      consumedUnitSeconds: 74,
      remainingUnitSeconds: 1_999_926,
    });
    expect((await allocationsLine(lease.tenant, lease.lineId)).remaining).toBe(1_999_926);
    expect(home.nextSteps).toContain("CREATE_API_KEY");

    // The ledger still holds the whole block: held + consumed ≤ granted is the database's.
    const ledger = await db.allocationLine.findUniqueOrThrow({ where: { id: lease.lineId } });
    expect([ledger.heldUnitSeconds, ledger.consumedUnitSeconds]).toEqual([100_000n, 0n]);
  });

  it("keeps a compute line's holds out of what is left: a job's hold is committed to it", async () => {
    const lease = await openLease(2_000_000n, 100_000, [74]);
    await placeHold(db, {
      organizationId: lease.fixture.organizationId,
      allocationLineId: lease.fixture.allocationLineId,
      unitSeconds: 3_600,
      reference: `workload:held-${randomBytes(4).toString("hex")}`,
    });
    const line = await allocationsLine(lease.tenant, lease.fixture.allocationLineId);
    expect(line.held).toBe(3_600);
    expect(line.remaining).toBe(line.granted - 3_600);
  });
});
