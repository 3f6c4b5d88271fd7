import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createTokenTier } from "../billing/billing-fixture";
import { getCurrentCharges } from "../billing/get-current-charges";
import { after, observeReady, runningEndpoint } from "../billing/running-endpoint-fixture";
import {
  createEndpointSetup,
  deployTestEndpoint,
  type EndpointSetup,
} from "../endpoints/endpoint-fixture";
import { summariseGatewayUsage } from "./summarise-gateway-usage";

const NOW = new Date("2026-11-20T12:00:00Z");
const HOUR = 3_600_000;

/** An organisation with an endpoint of its own and a key; `call` records one of its calls. */
async function world() {
  const setup = await createEndpointSetup(db);
  const endpoint = await deployTestEndpoint(setup);
  const key = await db.apiKey.create({
    data: {
      id: Math.random()
        .toString(36)
        .slice(2)
        .padEnd(16, "a")
        .slice(0, 16)
        .replace(/[0189]/g, "a"),
      organizationId: setup.organizationId,
      projectId: setup.projectId,
      name: "Lab notebook",
      secretSha256: "0".repeat(64),
      allowedModels: [],
      allowedEndpointIds: [],
      requestsPerMinute: 10,
      tokensPerMinute: 1000,
      expiresAt: new Date(NOW.getTime() + 30 * 24 * HOUR),
    },
  });
  let serial = 0;
  /**
   * One call through the gateway: to the organisation's own endpoint, or (`sharedModel`) to the
   * platform's shared endpoint of that model, recorded as the gateway records it — no workload,
   * the token lease it was spent from.
   */
  const call = (
    at: Date,
    tokensIn: number,
    tokensOut: number,
    latencyMs: number,
    sharedModel?: string,
    streamed = true,
  ) =>
    db.usageRecord.create({
      data: {
        organizationId: setup.organizationId,
        source: "GATEWAY_TOKENS",
        sourceRef: `req_${setup.organizationId}_${serial++}`,
        intervalStart: at,
        intervalEnd: new Date(at.getTime() + latencyMs),
        resourceClassId: setup.resourceClassId,
        workloadId: sharedModel ? null : endpoint.id,
        quotaHoldId: sharedModel ? `lease_${setup.organizationId}` : null,
        projectId: setup.projectId,
        allocationLineId: setup.allocationLineId,
        quantity: 0,
        unitSeconds: 0n,
        tokensIn: BigInt(tokensIn),
        tokensOut: BigInt(tokensOut),
        model: sharedModel ?? setup.modelName,
        apiKeyId: key.id,
        energyMilliWh: 0n,
        energyBasis: "ESTIMATED",
        latencyMs,
        timeToFirstTokenMs: streamed ? Math.round(latencyMs / 4) : null,
      },
    });
  return { setup, endpoint, key, call };
}

/** An endpoint's replicas metered over an interval by the sampler, in its own organisation. */
function sample(
  setup: EndpointSetup,
  endpointId: string,
  start: Date,
  hours: number,
  energyMilliWh: bigint,
) {
  return db.usageRecord.create({
    data: {
      organizationId: setup.organizationId,
      source: "K8S_SAMPLER",
      sourceRef: endpointId,
      intervalStart: start,
      intervalEnd: new Date(start.getTime() + hours * HOUR),
      resourceClassId: setup.resourceClassId,
      workloadId: endpointId,
      projectId: setup.projectId,
      allocationLineId: setup.allocationLineId,
      quantity: 1,
      unitSeconds: BigInt(hours * 3_600),
      energyMilliWh,
      energyBasis: "ESTIMATED",
    },
  });
}

/** The platform's organisation running a shared endpoint of its model. */
async function platform() {
  const setup = await createEndpointSetup(db);
  const endpoint = await deployTestEndpoint(setup, { name: "Shared chat" });
  await db.endpoint.update({ where: { workloadId: endpoint.id }, data: { shared: true } });
  return { setup, endpoint };
}

/** Every number anywhere in a value (to show a figure is nowhere in a result). */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.values(value).flatMap(numbersIn);
  }
  return [];
}

describe("gateway usage by day, key and model", () => {
  it("adds up the calls and estimates the energy per 1,000 tokens from the endpoint's replicas", async () => {
    const { setup, endpoint, key, call } = await world();
    await call(new Date(NOW.getTime() - 2 * HOUR), 100, 400, 80);
    await call(new Date(NOW.getTime() - HOUR), 200, 300, 120);
    await call(new Date(NOW.getTime() - 26 * HOUR), 50, 450, 100);
    // Outside the window: not counted.
    await call(new Date(NOW.getTime() - 40 * 24 * HOUR), 999, 999, 10);
    // The endpoint's replicas over the day: 3 Wh.
    await sample(setup, endpoint.id, new Date(NOW.getTime() - 3 * HOUR), 3, 3_000n);

    const usage = await summariseGatewayUsage(setup.tenant, { days: 7, now: NOW }, db);
    expect(usage.days).toHaveLength(7);
    expect(usage.days.at(-1)).toBe("2026-11-20");
    expect(usage.byDay).toEqual([
      { day: "2026-11-19", requests: 1, tokensIn: 50, tokensOut: 450 },
      { day: "2026-11-20", requests: 2, tokensIn: 300, tokensOut: 700 },
    ]);
    expect(usage.byKey).toEqual([
      expect.objectContaining({
        apiKeyId: key.id,
        name: "Lab notebook",
        requests: 3,
        tokensIn: 350,
        tokensOut: 1150,
      }),
    ]);
    const [model] = usage.byModel;
    expect(model).toMatchObject({
      model: setup.modelName,
      shared: false,
      requests: 3,
      medianLatencyMs: 100,
      // 3,000 mWh over 1,500 tokens: 2,000 mWh (2 Wh) per 1,000 tokens.
      energyPerThousandTokensMilliWh: 2_000,
      energyMeasured: false,
    });

    const narrowed = await summariseGatewayUsage(
      setup.tenant,
      { days: 7, now: NOW, model: "other" },
      db,
    );
    expect(narrowed.byDay).toEqual([]);
  });

  it("shows an organisation nothing of another's calls", async () => {
    const ours = await world();
    const theirs = await world();
    await theirs.call(new Date(NOW.getTime() - HOUR), 10, 10, 10);
    const usage = await summariseGatewayUsage(ours.setup.tenant, { days: 7, now: NOW }, db);
    expect(usage.byDay).toEqual([]);
    expect(usage.byKey).toEqual([]);
    const filtered = await summariseGatewayUsage(
      ours.setup.tenant,
      { days: 7, now: NOW, apiKeyId: theirs.key.id },
      db,
    );
    expect(filtered.byKey).toEqual([]);
  });
});

describe("energy per 1,000 tokens of a shared model", () => {
  it("is the shared endpoint's energy over every caller's tokens, the same for each caller, who sees none of the other's", async () => {
    const { setup: platformSetup, endpoint: shared } = await platform();
    const model = platformSetup.modelName;
    const ours = await world();
    const theirs = await world();
    // Our calls: 3,333 tokens; theirs: 9,999 (and one before the days shown, not counted).
    await ours.call(new Date(NOW.getTime() - 2 * HOUR), 1_111, 2_222, 90, model);
    await theirs.call(new Date(NOW.getTime() - 13 * HOUR), 4_444, 5_555, 70, model);
    await theirs.call(new Date(NOW.getTime() - 30 * 24 * HOUR), 7_777, 7_777, 70, model);
    // The shared endpoint's replicas, in the platform's organisation: 20 Wh over the days shown
    // in the two windows that served those calls (and a sample from before them, not counted).
    await sample(platformSetup, shared.id, new Date(NOW.getTime() - 24 * HOUR), 12, 12_000n);
    await sample(platformSetup, shared.id, new Date(NOW.getTime() - 12 * HOUR), 12, 8_000n);
    await sample(platformSetup, shared.id, new Date(NOW.getTime() - 30 * 24 * HOUR), 1, 50_000n);
    // A window in which nobody called: idle time, the platform's own, not shared out to callers.
    await sample(platformSetup, shared.id, new Date(NOW.getTime() - 36 * HOUR), 12, 30_000n);

    const ourUsage = await summariseGatewayUsage(ours.setup.tenant, { days: 7, now: NOW }, db);
    const theirUsage = await summariseGatewayUsage(theirs.setup.tenant, { days: 7, now: NOW }, db);

    // 20,000 mWh × 1000 / 13,332 tokens = 1,500.15 mWh: 1,500 mWh (1.5 Wh) per 1,000 tokens.
    const expected = {
      model,
      shared: true,
      energyPerThousandTokensMilliWh: 1_500,
      energyMeasured: false,
    };
    expect(ourUsage.byModel).toEqual([
      expect.objectContaining({ ...expected, requests: 1, tokensIn: 1_111, tokensOut: 2_222 }),
    ]);
    expect(theirUsage.byModel).toEqual([
      expect.objectContaining({ ...expected, requests: 1, tokensIn: 4_444, tokensOut: 5_555 }),
    ]);

    // Neither result carries the other's tokens, the endpoint's total, or the other's identity.
    for (const figure of [4_444, 5_555, 9_999, 13_332, 20_000]) {
      expect(numbersIn(ourUsage)).not.toContain(figure);
    }
    for (const figure of [1_111, 2_222, 3_333, 13_332, 20_000]) {
      expect(numbersIn(theirUsage)).not.toContain(figure);
    }
    const theirOrganisation = await db.organization.findUniqueOrThrow({
      where: { id: theirs.setup.organizationId },
    });
    const ourJson = JSON.stringify(ourUsage);
    for (const text of [theirOrganisation.id, theirOrganisation.name, theirs.key.id]) {
      expect(ourJson).not.toContain(text);
    }
    expect(ourJson).not.toContain(platformSetup.organizationId);
  });

  it("is not metered while the shared endpoint has reported no energy in the days shown", async () => {
    const { setup: platformSetup, endpoint: shared } = await platform();
    const ours = await world();
    await ours.call(new Date(NOW.getTime() - HOUR), 500, 500, 50, platformSetup.modelName);
    // Only a sample from before the days shown.
    await sample(platformSetup, shared.id, new Date(NOW.getTime() - 20 * 24 * HOUR), 1, 350n);
    const usage = await summariseGatewayUsage(ours.setup.tenant, { days: 7, now: NOW }, db);
    expect(usage.byModel).toEqual([
      expect.objectContaining({
        model: platformSetup.modelName,
        shared: true,
        energyPerThousandTokensMilliWh: null,
      }),
    ]);
  });

  it("keeps calls of one model to the organisation's own endpoint and to the shared one apart", async () => {
    // An endpoint of our own of the model, deployed before the platform shared it (once it is
    // shared, it is called, not deployed): 4,000 tokens on 8 Wh of our own.
    const platformSetup = await createEndpointSetup(db);
    const shared = await deployTestEndpoint(platformSetup, { name: "Shared chat" });
    const model = platformSetup.modelName;
    const ours = await world();
    const own = await deployTestEndpoint({ ...ours.setup, modelId: platformSetup.modelId });
    await db.endpoint.update({ where: { workloadId: shared.id }, data: { shared: true } });
    await db.usageRecord.create({
      data: {
        organizationId: ours.setup.organizationId,
        source: "GATEWAY_TOKENS",
        sourceRef: `req_own_${own.id}`,
        intervalStart: new Date(NOW.getTime() - HOUR),
        intervalEnd: new Date(NOW.getTime() - HOUR + 100),
        resourceClassId: ours.setup.resourceClassId,
        workloadId: own.id,
        projectId: ours.setup.projectId,
        allocationLineId: ours.setup.allocationLineId,
        quantity: 0,
        unitSeconds: 0n,
        tokensIn: 1_000n,
        tokensOut: 3_000n,
        model,
        apiKeyId: ours.key.id,
        energyMilliWh: 0n,
        energyBasis: "ESTIMATED",
        latencyMs: 100,
      },
    });
    await sample(ours.setup, own.id, new Date(NOW.getTime() - 2 * HOUR), 2, 8_000n);
    // The shared endpoint: 1,000 tokens of ours on 500 mWh.
    await ours.call(new Date(NOW.getTime() - HOUR), 200, 800, 50, model);
    await sample(platformSetup, shared.id, new Date(NOW.getTime() - 2 * HOUR), 2, 500n);

    const usage = await summariseGatewayUsage(ours.setup.tenant, { days: 7, now: NOW }, db);
    expect(usage.byModel).toEqual([
      expect.objectContaining({ model, shared: false, energyPerThousandTokensMilliWh: 2_000 }),
      expect.objectContaining({ model, shared: true, energyPerThousandTokensMilliWh: 500 }),
    ]);
  });
});

describe("time to first token", () => {
  it("is the median over streamed calls only, and absent when none was streamed", async () => {
    const { setup, call } = await world();
    // Two streamed calls (first token at a quarter of the latency) and two answered whole.
    await call(new Date(NOW.getTime() - HOUR), 10, 10, 400);
    await call(new Date(NOW.getTime() - HOUR), 10, 10, 800);
    await call(new Date(NOW.getTime() - HOUR), 10, 10, 1_000, undefined, false);
    await call(new Date(NOW.getTime() - HOUR), 10, 10, 1_200, undefined, false);
    const usage = await summariseGatewayUsage(setup.tenant, { days: 7, now: NOW }, db);
    expect(usage.byModel[0]).toMatchObject({
      requests: 4,
      streamedRequests: 2,
      // Latencies 400, 800, 1,000, 1,200: the lower median 800. First tokens 100 and 200: 100.
      medianLatencyMs: 800,
      medianTimeToFirstTokenMs: 100,
    });

    const none = await world();
    await none.call(new Date(NOW.getTime() - HOUR), 10, 10, 500, undefined, false);
    const [model] = (await summariseGatewayUsage(none.setup.tenant, { days: 7, now: NOW }, db))
      .byModel;
    expect(model).toMatchObject({
      streamedRequests: 0,
      medianLatencyMs: 500,
      medianTimeToFirstTokenMs: null,
    });
  });
});

describe("how the calls are paid", () => {
  it("splits own endpoints from shared models, and prices the shared tokens as Billing does, to the cent", async () => {
    const suffix = randomBytes(4).toString("hex");
    const tier = await createTokenTier(db, suffix);
    const ours = await world();
    const shared = async (at: Date, tokens: bigint) =>
      db.usageRecord.create({
        data: {
          organizationId: ours.setup.organizationId,
          source: "GATEWAY_TOKENS",
          sourceRef: `req_${randomBytes(8).toString("hex")}`,
          intervalStart: at,
          intervalEnd: new Date(at.getTime() + 50),
          resourceClassId: tier.id,
          allocationLineId: ours.setup.allocationLineId,
          quantity: 0,
          unitSeconds: 0n,
          tokensIn: tokens / 4n,
          tokensOut: tokens - tokens / 4n,
          model: "tessera-shared/chat",
          apiKeyId: ours.key.id,
          energyMilliWh: 0n,
          energyBasis: "ESTIMATED",
          latencyMs: 50,
        },
      });
    // Own endpoint: 2 calls, 1,000 tokens, paid through its running time.
    await ours.call(new Date(NOW.getTime() - HOUR), 100, 400, 80);
    await ours.call(new Date(NOW.getTime() - 2 * HOUR), 200, 300, 80);
    // Shared model: 2,500,001 tokens at €0.40 per million = 100.00004 cents → €1.00.
    await shared(new Date(NOW.getTime() - 3 * HOUR), 1_250_000n);
    await shared(new Date(NOW.getTime() - 30 * HOUR), 1_250_001n);

    const usage = await summariseGatewayUsage(ours.setup.tenant, { days: 30, now: NOW }, db);
    expect(usage.payment.ownEndpoints).toEqual({ requests: 2, tokensIn: 300, tokensOut: 700 });
    expect(usage.payment.sharedModels).toMatchObject({
      requests: 2,
      tokensIn: 312_500 + 312_500,
      tokensOut: 937_500 + 937_501,
      charges: [
        {
          resourceClassId: tier.id,
          resourceClassName: tier.name,
          usagePeriod: "2026-11",
          partOfMonth: false,
          tokens: 2_500_001,
          minorPerMillionTokens: 40,
          currency: "EUR",
          listMinor: 100,
        },
      ],
    });
    // Billing's live draft of the month has the same tokens and the same list amount.
    const billing = await getCurrentCharges(ours.setup.tenant, { sellerCountry: "DE", now: NOW });
    const line = billing.lines.find((l) => l.resourceClassCode === tier.code);
    expect(line).toMatchObject({ tokens: 2_500_001, listMinor: 100 });

    // Fewer days than the month: the charge says it is part of the month.
    const week = await summariseGatewayUsage(ours.setup.tenant, { days: 7, now: NOW }, db);
    expect(week.payment.sharedModels.charges[0]).toMatchObject({ partOfMonth: true });
  });
});

describe("energy of the organisation's own endpoint", () => {
  it("counts the endpoint's open window as Billing's draft does, so both read the same energy", async () => {
    const { setup, id, ref, readyAt } = await runningEndpoint();
    const now = after(readyAt, 600);
    await observeReady(ref, after(now, -60));
    await db.usageRecord.create({
      data: {
        organizationId: setup.organizationId,
        source: "GATEWAY_TOKENS",
        sourceRef: `req_${randomBytes(8).toString("hex")}`,
        intervalStart: after(readyAt, 60),
        intervalEnd: after(readyAt, 61),
        resourceClassId: setup.resourceClassId,
        workloadId: id,
        projectId: setup.projectId,
        allocationLineId: setup.allocationLineId,
        quantity: 0,
        unitSeconds: 0n,
        tokensIn: 250n,
        tokensOut: 750n,
        model: setup.modelName,
        energyMilliWh: 0n,
        energyBasis: "ESTIMATED",
        latencyMs: 1_000,
      },
    });
    const billing = await getCurrentCharges(setup.tenant, { sellerCountry: "DE", now });
    // Ten minutes of 4 GPUs, not yet settled: 466,667 mWh on Billing.
    expect(billing.lines.map((line) => line.energyMilliWh)).toEqual([466_667]);
    const usage = await summariseGatewayUsage(setup.tenant, { days: 7, now }, db);
    // The same energy over the 1,000 tokens served: 466,667 mWh per 1,000 tokens, an estimate.
    expect(usage.byModel[0]).toMatchObject({
      shared: false,
      energyPerThousandTokensMilliWh: 466_667,
      energyMeasured: false,
      energySettled: false,
    });
  });
});
