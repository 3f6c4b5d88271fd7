import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createEndpointSetup, deployTestEndpoint } from "../endpoints/endpoint-fixture";
import { summariseGatewayUsage } from "./summarise-gateway-usage";

const NOW = new Date("2026-11-20T12:00:00Z");
const HOUR = 3_600_000;

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
  const call = (at: Date, tokensIn: number, tokensOut: number, latencyMs: number) =>
    db.usageRecord.create({
      data: {
        organizationId: setup.organizationId,
        source: "GATEWAY_TOKENS",
        sourceRef: `req_${setup.organizationId}_${serial++}`,
        intervalStart: at,
        intervalEnd: new Date(at.getTime() + latencyMs),
        resourceClassId: setup.resourceClassId,
        workloadId: endpoint.id,
        projectId: setup.projectId,
        allocationLineId: setup.allocationLineId,
        quantity: 0,
        unitSeconds: 0n,
        tokensIn: BigInt(tokensIn),
        tokensOut: BigInt(tokensOut),
        model: setup.modelName,
        apiKeyId: key.id,
        energyMilliWh: 0n,
        energyBasis: "ESTIMATED",
        latencyMs,
        timeToFirstTokenMs: Math.round(latencyMs / 4),
      },
    });
  return { setup, endpoint, key, call };
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
    await db.usageRecord.create({
      data: {
        organizationId: setup.organizationId,
        source: "K8S_SAMPLER",
        sourceRef: endpoint.id,
        intervalStart: new Date(NOW.getTime() - 3 * HOUR),
        intervalEnd: NOW,
        resourceClassId: setup.resourceClassId,
        workloadId: endpoint.id,
        projectId: setup.projectId,
        allocationLineId: setup.allocationLineId,
        quantity: 1,
        unitSeconds: 10_800n,
        energyMilliWh: 3_000n,
        energyBasis: "ESTIMATED",
      },
    });

    const usage = await summariseGatewayUsage(setup.tenant, { days: 7, now: NOW });
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
      requests: 3,
      medianLatencyMs: 100,
      // 3,000 mWh over 1,500 tokens: 2,000 mWh (2 Wh) per 1,000 tokens.
      energyPerThousandTokensMilliWh: 2_000,
      energyMeasured: false,
    });

    const narrowed = await summariseGatewayUsage(setup.tenant, {
      days: 7,
      now: NOW,
      model: "other",
    });
    expect(narrowed.byDay).toEqual([]);
  });

  it("shows an organisation nothing of another's calls", async () => {
    const ours = await world();
    const theirs = await world();
    await theirs.call(new Date(NOW.getTime() - HOUR), 10, 10, 10);
    const usage = await summariseGatewayUsage(ours.setup.tenant, { days: 7, now: NOW });
    expect(usage.byDay).toEqual([]);
    expect(usage.byKey).toEqual([]);
    const filtered = await summariseGatewayUsage(ours.setup.tenant, {
      days: 7,
      now: NOW,
      apiKeyId: theirs.key.id,
    });
    expect(filtered.byKey).toEqual([]);
  });
});
