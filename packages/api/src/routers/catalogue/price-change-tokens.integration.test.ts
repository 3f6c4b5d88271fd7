import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { placeHold, PRICE_CHANGE_CALLS_DAYS } from "@tessera/core";
import { closeRateLimiter } from "../../rate-limit";
import {
  callerFor,
  createTestUser,
  failureOf,
  uniqueSuffix,
  type TestPrincipal,
} from "../../test-helpers";
import { createTestApplicant } from "../programmes/fixtures";
import { createLaunchReadyTenant } from "../workloads/fixtures";

afterAll(closeRateLimiter);

const DAY = 86_400_000;

const operator = () => createTestUser({ platformRoles: ["OPERATOR"] });

/** A shared model's tier: a TOKENS class at `price` minor units per million tokens. */
function tokenTier(price: number) {
  const suffix = uniqueSuffix();
  return db.resourceClass.create({
    data: {
      code: `tokens-${suffix}`,
      name: `Shared chat model ${suffix}`,
      kind: "TOKENS",
      unit: "token",
      listPriceMinorPerHour: price,
      currency: "EUR",
      powerDrawWatts: 0,
    },
  });
}

/** An organisation's allocation line of a tier, on an allocation it was granted. */
async function tokenLine(tierId: string) {
  const tenant = await createLaunchReadyTenant();
  const line = await db.allocationLine.create({
    data: {
      allocationId: tenant.allocationId,
      resourceClassId: tierId,
      grantedUnitSeconds: 100_000_000n,
      listPriceMinorPerHour: 40,
    },
  });
  return { tenant, line };
}

/** A gateway lease on a line, as the gateway places it, expiring `inMs` from now (past when < 0). */
function lease(organizationId: string, allocationLineId: string, inMs: number) {
  return placeHold(db, {
    organizationId,
    allocationLineId,
    unitSeconds: 10_000,
    reference: `lease:gateway-${randomBytes(6).toString("hex")}:1`,
    expiresAt: new Date(Date.now() + inMs),
  });
}

/** One call to a shared model of a tier, recorded as the gateway records it (no workload). */
function call(input: {
  organizationId: string;
  tierId: string;
  at: Date;
  apiKeyId: string;
  tokensIn: bigint;
  tokensOut: bigint;
  allocationLineId?: string;
}) {
  return db.usageRecord.create({
    data: {
      organizationId: input.organizationId,
      source: "GATEWAY_TOKENS",
      sourceRef: `req_${randomBytes(8).toString("hex")}`,
      intervalStart: input.at,
      intervalEnd: new Date(input.at.getTime() + 900),
      resourceClassId: input.tierId,
      allocationLineId: input.allocationLineId ?? null,
      quantity: 0,
      unitSeconds: 0n,
      tokensIn: input.tokensIn,
      tokensOut: input.tokensOut,
      model: "tessera-test/shared-chat",
      apiKeyId: input.apiKeyId,
      energyMilliWh: 0n,
      energyBasis: "ESTIMATED",
    },
  });
}

/**
 * A tier at €0.40 per million tokens called lately by two organisations: Aurora with two keys
 * (3,012,500 tokens on its allocation line, 12,500 drawing on none) and an open lease, Borealis
 * with one key (1,500,000 tokens on none). Not in the window or not on the tier: Aurora's call of
 * 31 days ago, Borealis's call of another tier, a third organisation's lease that has expired. A
 * fourth holds an open lease and has not called yet. Every recent call is at one instant, so all
 * fall in one billing month.
 */
async function calledTier() {
  const tier = await tokenTier(40);
  const otherTier = await tokenTier(40);
  const aurora = await tokenLine(tier.id);
  const borealis = await createTestApplicant();
  const expired = await tokenLine(tier.id);
  const leasing = await tokenLine(tier.id);
  const recent = new Date(Date.now() - 60_000);
  const keys = Array.from({ length: 5 }, () => `key${randomBytes(6).toString("hex")}`);
  const auroraId = aurora.tenant.org.id;
  const borealisId = borealis.org.id;
  await lease(auroraId, aurora.line.id, 5 * 60_000);
  await lease(expired.tenant.org.id, expired.line.id, -60_000);
  await lease(leasing.tenant.org.id, leasing.line.id, 5 * 60_000);
  const line = aurora.line.id;
  const old = new Date(Date.now() - (PRICE_CHANGE_CALLS_DAYS + 1) * DAY);
  // [organisation, key, allocation line, tokens in, tokens out, tier, when]
  const calls: [string, string, string | undefined, bigint, bigint, string, Date][] = [
    [auroraId, keys[0]!, line, 2_000_000n, 1_000_000n, tier.id, recent],
    [auroraId, keys[0]!, line, 10_000n, 2_500n, tier.id, recent],
    [auroraId, keys[1]!, undefined, 10_000n, 2_500n, tier.id, recent],
    [borealisId, keys[2]!, undefined, 1_000_000n, 500_000n, tier.id, recent],
    // Outside the window, and on another tier: neither counts, nor do their keys.
    [auroraId, keys[3]!, undefined, 9_000_000n, 0n, tier.id, old],
    [borealisId, keys[4]!, undefined, 7_000_000n, 0n, otherTier.id, recent],
  ];
  for (const [
    organizationId,
    apiKeyId,
    allocationLineId,
    tokensIn,
    tokensOut,
    tierId,
    at,
  ] of calls) {
    await call({ organizationId, apiKeyId, allocationLineId, tokensIn, tokensOut, tierId, at });
  }
  return { tier, aurora, borealis, leasing };
}

const preview = (who: TestPrincipal, resourceClassId: string, listPriceMinorPerHour: number) =>
  callerFor(who).catalogue.resourceClasses.previewPriceChange({
    resourceClassId,
    listPriceMinorPerHour,
  });

describe("previewing a price change of a tokens class", () => {
  it("counts who called it in the last 30 days and who holds a token lease now, and prices their tokens at both prices as billing does", async () => {
    const { tier, aurora, borealis, leasing } = await calledTier();
    const seen = await preview(await operator(), tier.id, 55);
    expect(seen).toMatchObject({
      fromPriceMinor: 40,
      toPriceMinor: 55,
      pricedUnit: "million tokens",
      runningJobs: 0,
      liveEndpoints: 0,
      hour: null,
      workloads: [],
    });
    expect(seen.calls!.since).toEqual(
      new Date(seen.computedAt.getTime() - PRICE_CHANGE_CALLS_DAYS * DAY),
    );
    // Billing rounds once per line — an organisation's tokens of an allocation line and month —
    // half to even: Aurora's line of 3,012,500 tokens is 120.5 → 120 cents at €0.40 and
    // 165.6875 → 166 at €0.55; its 12,500 tokens on no line 0.5 → 0 and 0.6875 → 1 (121 and 166
    // had its tokens been rounded together). Borealis's 1,500,000: 60, and 82.5 → 82.
    expect({ ...seen.calls, since: undefined }).toEqual({
      days: 30,
      since: undefined,
      organisations: 3,
      leasing: 2,
      apiKeys: 3,
      tokens: 4_525_000,
      fromMinor: 180,
      toMinor: 249,
      callers: [
        {
          organisationId: aurora.tenant.org.id,
          organisationName: aurora.tenant.org.name,
          apiKeys: 2,
          tokens: 3_025_000,
          fromMinor: 120,
          toMinor: 167,
          holdsLease: true,
        },
        {
          organisationId: borealis.org.id,
          organisationName: borealis.org.name,
          apiKeys: 1,
          tokens: 1_500_000,
          fromMinor: 60,
          toMinor: 82,
          holdsLease: false,
        },
        {
          organisationId: leasing.tenant.org.id,
          organisationName: leasing.tenant.org.name,
          apiKeys: 0,
          tokens: 0,
          fromMinor: 0,
          toMinor: 0,
          holdsLease: true,
        },
      ],
    });
  });

  it("says no one called a tier nobody uses, and has no calls for a compute class", async () => {
    const op = await operator();
    const idle = await tokenTier(40);
    expect((await preview(op, idle.id, 45)).calls).toMatchObject({
      organisations: 0,
      leasing: 0,
      apiKeys: 0,
      tokens: 0,
      fromMinor: 0,
      toMinor: 0,
      callers: [],
    });
    const tenant = await createLaunchReadyTenant();
    expect((await preview(op, tenant.resourceClass.id, 300)).calls).toBeNull();
  });

  it("asks for the deliberate step to make a tier free in the words of calls, not of jobs", async () => {
    const op = await operator();
    const tier = await tokenTier(40);
    const { priceVersionId } = await preview(op, tier.id, 0);
    const refused = await failureOf(
      callerFor(op).catalogue.resourceClasses.update({
        resourceClassId: tier.id,
        listPriceMinorPerHour: 0,
        priceConfirmation: { priceVersionId, toPriceMinor: 0 },
      }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe(
      `Making ${tier.name} free means calls to its models through the gateway from now are billed nothing: tick the box that says so to confirm. Nothing was changed.`,
    );
    expect(
      (await db.resourceClass.findUniqueOrThrow({ where: { id: tier.id } })).listPriceMinorPerHour,
    ).toBe(40);
  });

  it("lists the 8 organisations with the most tokens and counts the rest", async () => {
    const tier = await tokenTier(40);
    const callers = await Promise.all(Array.from({ length: 9 }, () => createTestApplicant()));
    const at = new Date(Date.now() - 60_000);
    for (const [index, { org }] of callers.entries()) {
      await call({
        organizationId: org.id,
        tierId: tier.id,
        at,
        apiKeyId: `key${randomBytes(6).toString("hex")}`,
        tokensIn: BigInt((index + 1) * 1_000_000),
        tokensOut: 0n,
      });
    }
    const calls = (await preview(await operator(), tier.id, 80)).calls!;
    expect(calls).toMatchObject({ organisations: 9, apiKeys: 9, tokens: 45_000_000 });
    expect(calls).toMatchObject({ fromMinor: 1_800, toMinor: 3_600 });
    expect(calls.callers.map((c) => c.organisationId)).toEqual(
      callers
        .slice(1)
        .reverse()
        .map(({ org }) => org.id),
    );
  });

  it("is refused to anyone without the operator's role — an organisation calling the tier included", async () => {
    const { tier, aurora } = await calledTier();
    for (const who of [aurora.tenant.owner, await createTestUser()]) {
      expect((await failureOf(preview(who, tier.id, 55))).code).toBe("FORBIDDEN");
    }
    const anonymous = await failureOf(
      callerFor(null).catalogue.resourceClasses.previewPriceChange({
        resourceClassId: tier.id,
        listPriceMinorPerHour: 55,
      }),
    );
    expect(anonymous.code).toBe("UNAUTHORIZED");
  });
});
