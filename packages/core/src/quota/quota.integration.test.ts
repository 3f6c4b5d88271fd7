import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, db, type Database } from "@tessera/db";
import { AppError } from "../errors";
import { placeHold } from "./place-hold";
import { placeHoldUpTo } from "./place-hold-up-to";
import { createQuotaFixture, type QuotaFixture } from "./quota-fixture";
import { releaseHold } from "./release-hold";
import { sealQuotaLedger, verifyQuotaLedgerSeal } from "./seal-quota-ledger";
import { settleHold } from "./settle-hold";

const reference = () => `test-${Math.random().toString(36).slice(2)}-${Date.now()}`;

async function line(id: string) {
  return db.allocationLine.findUniqueOrThrow({ where: { id } });
}

/** The line's sums must equal its ledger's deltas and its active holds. */
async function expectBalanced(fixture: QuotaFixture) {
  const current = await line(fixture.allocationLineId);
  const ledger = await db.quotaLedgerEntry.aggregate({
    where: { allocationLineId: fixture.allocationLineId },
    _sum: { heldDeltaUnitSeconds: true, consumedDeltaUnitSeconds: true },
  });
  const active = await db.quotaHold.aggregate({
    where: { allocationLineId: fixture.allocationLineId, status: "ACTIVE" },
    _sum: { unitSeconds: true },
  });
  const settled = await db.quotaHold.aggregate({
    where: { allocationLineId: fixture.allocationLineId, status: "SETTLED" },
    _sum: { settledUnitSeconds: true },
  });
  expect(current.heldUnitSeconds).toBe(ledger._sum.heldDeltaUnitSeconds ?? 0n);
  expect(current.consumedUnitSeconds).toBe(ledger._sum.consumedDeltaUnitSeconds ?? 0n);
  expect(current.heldUnitSeconds).toBe(active._sum.unitSeconds ?? 0n);
  expect(current.consumedUnitSeconds).toBe(settled._sum.settledUnitSeconds ?? 0n);
  expect(current.heldUnitSeconds + current.consumedUnitSeconds).toBeLessThanOrEqual(
    current.grantedUnitSeconds,
  );
  return current;
}

async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected the call to be refused.");
}

describe("placeHold", () => {
  it("holds quota, writes the ledger, and refuses with the shortfall when it would not fit", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 10_000n });
    const hold = await placeHold(db, {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
      unitSeconds: 7_200,
      reference: reference(),
      actorId: fixture.userId,
    });
    expect(hold).toMatchObject({ unitSeconds: 7_200, remainingUnitSeconds: 2_800, created: true });
    const error = await refusal(
      placeHold(db, {
        organizationId: fixture.organizationId,
        allocationLineId: fixture.allocationLineId,
        unitSeconds: 3_000,
        reference: reference(),
      }),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.details).toMatchObject({ shortfallUnitSeconds: 200, remainingUnitSeconds: 2_800 });
    expect(error.message).toBe(
      "Not enough quota left on this allocation: this needs 0.833 GPU-hours and 0.778 GPU-hours remain, 0.055 GPU-hours short.",
    );
    const entries = await db.quotaLedgerEntry.findMany({
      where: { allocationLineId: fixture.allocationLineId },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: "HOLD",
      heldDeltaUnitSeconds: 7_200n,
      actorId: fixture.userId,
      holdId: hold.holdId,
    });
    await expectBalanced(fixture);
  });

  it("finds the first hold when the same reference is placed again", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 10_000n });
    const input = {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
      unitSeconds: 1_000,
      reference: reference(),
    };
    const first = await placeHold(db, input);
    const second = await placeHold(db, input);
    expect(second).toMatchObject({ holdId: first.holdId, created: false });
    expect((await line(fixture.allocationLineId)).heldUnitSeconds).toBe(1_000n);
    const clash = await refusal(placeHold(db, { ...input, unitSeconds: 2_000 }));
    expect(clash.code).toBe("CONFLICT");
  });

  it("refuses holds on an expired allocation, one not started yet, and another organisation's line", async () => {
    const expired = await createQuotaFixture(db, {
      grantedUnitSeconds: 10_000n,
      validFrom: new Date(Date.now() - 30 * 86_400_000),
      validTo: new Date(Date.now() - 1_000),
    });
    const error = await refusal(
      placeHold(db, {
        organizationId: expired.organizationId,
        allocationLineId: expired.allocationLineId,
        unitSeconds: 1,
        reference: reference(),
      }),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/^This allocation expired on .+; it accepts no new holds\.$/);
    expect(error.details).toEqual({ reason: "EXPIRED" });

    const future = await createQuotaFixture(db, {
      grantedUnitSeconds: 10_000n,
      validFrom: new Date(Date.now() + 86_400_000),
      validTo: new Date(Date.now() + 30 * 86_400_000),
    });
    const early = await refusal(
      placeHold(db, {
        organizationId: future.organizationId,
        allocationLineId: future.allocationLineId,
        unitSeconds: 1,
        reference: reference(),
      }),
    );
    expect(early.details).toEqual({ reason: "NOT_STARTED" });

    const stranger = await refusal(
      placeHold(db, {
        organizationId: future.organizationId,
        allocationLineId: expired.allocationLineId,
        unitSeconds: 1,
        reference: reference(),
      }),
    );
    expect(stranger.code).toBe("NOT_FOUND");
    expect(
      await db.quotaHold.count({
        where: { allocationLineId: { in: [expired.allocationLineId, future.allocationLineId] } },
      }),
    ).toBe(0);
  });

  describe("under 200 concurrent attempts on one line", () => {
    let wide: Database;
    afterAll(() => wide?.$disconnect());

    it("admits exactly as many as fit, and the sums balance against ledger and holds", async () => {
      wide = createDatabase(undefined, 24);
      // 200 attempts of 60 unit-seconds against 4,530 granted: 75 fit (4,500), 30 left over.
      const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 4_530n });
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) =>
          placeHold(wide, {
            organizationId: fixture.organizationId,
            allocationLineId: fixture.allocationLineId,
            unitSeconds: 60,
            reference: `burst-${fixture.allocationLineId}-${i}`,
          }),
        ),
      );
      const admitted = results.filter((r) => r.status === "fulfilled");
      const refused = results.flatMap((r) =>
        r.status === "rejected" ? [r.reason as AppError] : [],
      );
      expect(admitted).toHaveLength(75);
      expect(refused).toHaveLength(125);
      for (const error of refused) {
        expect(error).toBeInstanceOf(AppError);
        expect(error.details).toMatchObject({ reason: "QUOTA", shortfallUnitSeconds: 30 });
      }
      const balanced = await expectBalanced(fixture);
      expect(balanced.heldUnitSeconds).toBe(4_500n);
      expect(
        await db.quotaHold.count({ where: { allocationLineId: fixture.allocationLineId } }),
      ).toBe(75);
    });
  });
});

describe("placeHoldUpTo", () => {
  it("holds what the line has left when that is less than asked, and refuses once nothing is", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 1_000n });
    const on = {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
    };
    const whole = await placeHoldUpTo(db, { ...on, unitSeconds: 700, reference: reference() });
    expect(whole).toMatchObject({ unitSeconds: 700, remainingUnitSeconds: 300 });
    const rest = await placeHoldUpTo(db, { ...on, unitSeconds: 700, reference: reference() });
    expect(rest).toMatchObject({ unitSeconds: 300, remainingUnitSeconds: 0 });
    const none = await refusal(
      placeHoldUpTo(db, { ...on, unitSeconds: 1, reference: reference() }),
    );
    expect(none).toMatchObject({ code: "PRECONDITION_FAILED", details: { reason: "QUOTA" } });
    expect(await expectBalanced(fixture)).toMatchObject({ heldUnitSeconds: 1_000n });
  });
});

describe("settleHold and releaseHold", () => {
  it("settles part of a hold into consumption and releases the rest, once", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 10_000n });
    const hold = await placeHold(db, {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
      unitSeconds: 6_000,
      reference: reference(),
    });
    const tooMuch = await refusal(
      settleHold(db, {
        organizationId: fixture.organizationId,
        holdId: hold.holdId,
        actualUnitSeconds: 6_001,
      }),
    );
    expect(tooMuch.code).toBe("INVALID");
    const settled = await settleHold(db, {
      organizationId: fixture.organizationId,
      holdId: hold.holdId,
      actualUnitSeconds: 4_000,
    });
    expect(settled).toEqual({
      holdId: hold.holdId,
      status: "SETTLED",
      settledUnitSeconds: 4_000,
      releasedUnitSeconds: 2_000,
      changed: true,
    });
    const again = await settleHold(db, {
      organizationId: fixture.organizationId,
      holdId: hold.holdId,
      actualUnitSeconds: 1_000,
    });
    expect(again).toEqual({ ...settled, changed: false });
    const releaseAfter = await releaseHold(db, {
      organizationId: fixture.organizationId,
      holdId: hold.holdId,
    });
    expect(releaseAfter.changed).toBe(false);
    const after = await expectBalanced(fixture);
    expect(after).toMatchObject({ heldUnitSeconds: 0n, consumedUnitSeconds: 4_000n });
    expect(await db.quotaLedgerEntry.count({ where: { holdId: hold.holdId } })).toBe(2);
  });

  it("releases a whole hold once, also when two releases race", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 10_000n });
    const hold = await placeHold(db, {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
      unitSeconds: 3_000,
      reference: reference(),
    });
    const results = await Promise.all([
      releaseHold(db, { organizationId: fixture.organizationId, holdId: hold.holdId }),
      releaseHold(db, { organizationId: fixture.organizationId, holdId: hold.holdId }),
      settleHold(db, {
        organizationId: fixture.organizationId,
        holdId: hold.holdId,
        actualUnitSeconds: 10,
      }),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    await expectBalanced(fixture);
    expect(await db.quotaLedgerEntry.count({ where: { holdId: hold.holdId } })).toBe(2);
    const missing = await refusal(
      releaseHold(db, { organizationId: fixture.organizationId, holdId: "no-such-hold" }),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("settles a hold after its allocation has expired (work that ran in time is still counted)", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 10_000n });
    const hold = await placeHold(db, {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
      unitSeconds: 100,
      reference: reference(),
    });
    await db.allocation.update({
      where: { id: fixture.allocationId },
      data: { validTo: new Date(Date.now() - 1) },
    });
    expect(
      (
        await settleHold(db, {
          organizationId: fixture.organizationId,
          holdId: hold.holdId,
          actualUnitSeconds: 100,
        })
      ).changed,
    ).toBe(true);
  });
});

describe("the database's own guards", () => {
  it("refuses held + consumed above granted, negative sums, and changes to the ledger", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 100n });
    await expect(
      db.$executeRaw`UPDATE "AllocationLine" SET "heldUnitSeconds" = 101 WHERE "id" = ${fixture.allocationLineId}`,
    ).rejects.toThrow(/AllocationLine_within_granted/);
    await expect(
      db.$executeRaw`UPDATE "AllocationLine" SET "consumedUnitSeconds" = -1 WHERE "id" = ${fixture.allocationLineId}`,
    ).rejects.toThrow(/AllocationLine_consumed_nonnegative/);
    const hold = await placeHold(db, {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
      unitSeconds: 10,
      reference: reference(),
    });
    await expect(
      db.$executeRaw`UPDATE "QuotaLedgerEntry" SET "heldDeltaUnitSeconds" = 1 WHERE "holdId" = ${hold.holdId}`,
    ).rejects.toThrow(/append-only/);
    await expect(
      db.$executeRaw`DELETE FROM "QuotaLedgerEntry" WHERE "holdId" = ${hold.holdId}`,
    ).rejects.toThrow(/append-only/);
  });
});

describe("sealQuotaLedger", () => {
  it("seals unsealed entries into the audit chain with a digest that verifies", async () => {
    const fixture = await createQuotaFixture(db, { grantedUnitSeconds: 10_000n });
    const hold = await placeHold(db, {
      organizationId: fixture.organizationId,
      allocationLineId: fixture.allocationLineId,
      unitSeconds: 500,
      reference: reference(),
    });
    await releaseHold(db, { organizationId: fixture.organizationId, holdId: hold.holdId });
    // Other tests' entries may be sealed by this run too; keep sealing until ours are.
    let sealedOurs = false;
    for (let round = 0; round < 50 && !sealedOurs; round += 1) {
      const result = await sealQuotaLedger(db);
      if (result.auditEventId)
        expect(await verifyQuotaLedgerSeal(db, BigInt(result.auditEventId))).toBe(true);
      sealedOurs =
        (await db.quotaLedgerEntry.count({
          where: { holdId: hold.holdId, sealedByAuditEventId: null },
        })) === 0;
    }
    expect(sealedOurs).toBe(true);
    const entries = await db.quotaLedgerEntry.findMany({ where: { holdId: hold.holdId } });
    const event = await db.auditEvent.findUniqueOrThrow({
      where: { id: entries[0]!.sealedByAuditEventId! },
    });
    expect(event).toMatchObject({ action: "quota.ledger_sealed", targetType: "QuotaLedger" });
    // A sealed entry cannot be re-stamped.
    await expect(
      db.$executeRaw`UPDATE "QuotaLedgerEntry" SET "sealedByAuditEventId" = NULL WHERE "holdId" = ${hold.holdId}`,
    ).rejects.toThrow(/append-only/);
  });
});
