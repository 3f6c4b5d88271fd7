import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@tessera/db";
import { settleAbandonedLeases } from "@tessera/core";
import {
  call,
  createTestKey,
  grantTokens,
  servingEndpoint,
  sharedModel,
  startGateway,
  usageOf,
  type RunningGateway,
  type ServingEndpoint,
  type SharedModel,
} from "./testing/gateway-world";

let database: Database;
/** The platform's shared models: a big one that falls back to a small (CPU tier) one. */
let small: SharedModel;
let big: SharedModel;
const started: RunningGateway[] = [];
const tenants: ServingEndpoint[] = [];

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  small = await sharedModel(database);
  big = await sharedModel(database, { fallbackModelId: small.setup.modelId });
});

afterAll(async () => {
  await Promise.all(started.map((gateway) => gateway.close()));
  await Promise.all([small, big, ...tenants].map((served) => served?.sim.close()));
  await database?.$disconnect();
});

async function gatewayWith(env: Record<string, string> = {}): Promise<RunningGateway> {
  const gateway = await startGateway(env);
  started.push(gateway);
  return gateway;
}

/** A tenant organisation (with an endpoint of its own) holding `tokens` of the big model's tier. */
async function tenant(tokens: { big?: bigint; small?: bigint; bigSpent?: boolean }) {
  const own = await servingEndpoint(database);
  tenants.push(own);
  const bigLine =
    tokens.big === undefined
      ? null
      : await grantTokens(
          database,
          own.setup,
          big.tokenClassId,
          tokens.big,
          tokens.bigSpent ? tokens.big : 0n,
        );
  const smallLine =
    tokens.small === undefined
      ? null
      : await grantTokens(database, own.setup, small.tokenClassId, tokens.small);
  return { setup: own.setup, bigLine, smallLine };
}

const chat = (model: string) => ({
  model,
  messages: [{ role: "user", content: "Name three rivers of Europe." }],
  max_tokens: 8,
});

async function lineOf(id: string) {
  return database.allocationLine.findUniqueOrThrow({ where: { id } });
}

async function leasesOf(lineId: string) {
  return database.quotaHold.findMany({
    where: { allocationLineId: lineId, reference: { startsWith: "lease:" } },
    orderBy: { createdAt: "asc" },
  });
}

const tokensOf = (records: { tokensIn: bigint | null; tokensOut: bigint | null }[]) =>
  records.reduce((sum, record) => sum + (record.tokensIn ?? 0n) + (record.tokensOut ?? 0n), 0n);

describe("tokens of a shared model, spent through leases", () => {
  it("draws on the organisation's tokens through one lease for many requests, and settles exactly what they used", async () => {
    const { setup, bigLine } = await tenant({ big: 1_000_000n });
    const key = await createTestKey(database, setup);
    const gateway = await gatewayWith({ GATEWAY_LEASE_TOKENS: "10000" });

    const ids: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const response = await call(gateway, "/v1/chat/completions", key.token, chat(big.model));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-tessera-model")).toBe(big.model);
      expect(response.headers.get("x-tessera-fallback-from")).toBeNull();
      ids.push(response.headers.get("x-request-id")!);
      await response.json();
    }
    // One lease for all six: no database round trip per request.
    expect(gateway.gateway.leases.placed).toBe(1);
    const [lease] = await leasesOf(bigLine!);
    expect(lease).toMatchObject({ status: "ACTIVE", unitSeconds: 10_000n });
    expect(lease!.expiresAt).not.toBeNull();
    expect(await lineOf(bigLine!)).toMatchObject({
      heldUnitSeconds: 10_000n,
      consumedUnitSeconds: 0n,
    });

    const records = await usageOf(database, ids);
    expect(records).toHaveLength(6);
    for (const record of records) {
      expect(record).toMatchObject({
        organizationId: setup.organizationId,
        resourceClassId: big.tokenClassId,
        allocationLineId: bigLine,
        quotaHoldId: lease!.id,
        model: big.model,
        // The platform's endpoint is not the tenant's workload.
        workloadId: null,
      });
    }

    // The lease ends with the gateway: what was spent is consumed, the rest goes back.
    await gateway.close();
    started.splice(started.indexOf(gateway), 1);
    const spent = tokensOf(records);
    expect(spent).toBeGreaterThan(0n);
    const [settled] = await leasesOf(bigLine!);
    expect(settled).toMatchObject({ status: "SETTLED", settledUnitSeconds: spent });
    expect(await lineOf(bigLine!)).toMatchObject({
      heldUnitSeconds: 0n,
      consumedUnitSeconds: spent,
    });
  });

  it("draws what requests in flight spent past their block from the line too", async () => {
    const { setup, bigLine } = await tenant({ big: 1_000_000n });
    const key = await createTestKey(database, setup);
    // Blocks of 100 tokens: a burst of calls of about 25 tokens each overruns the first.
    const gateway = await gatewayWith({ GATEWAY_LEASE_TOKENS: "100" });
    const responses = await Promise.all(
      Array.from({ length: 24 }, () =>
        call(gateway, "/v1/chat/completions", key.token, chat(big.model)),
      ),
    );
    const ids = responses.map((response) => response.headers.get("x-request-id")!);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    await Promise.all(responses.map((response) => response.json()));
    const records = await usageOf(database, ids);
    expect(records).toHaveLength(24);
    await gateway.close();
    started.splice(started.indexOf(gateway), 1);
    const leases = await leasesOf(bigLine!);
    const settledInBlocks = leases.reduce(
      (sum, lease) => sum + (lease.settledUnitSeconds ?? 0n),
      0n,
    );
    const spent = tokensOf(records);
    // The burst did overrun its blocks, and the line was charged every token all the same.
    expect(settledInBlocks).toBeLessThan(spent);
    expect(await lineOf(bigLine!)).toMatchObject({
      heldUnitSeconds: 0n,
      consumedUnitSeconds: spent,
    });
  });

  it("answers 402, saying so, when the tokens are spent; a lease never holds more than is left", async () => {
    // It also holds tokens of the fallback's tier, so the 402 may offer the fallback.
    const { setup, bigLine } = await tenant({ big: 40n, small: 1_000n });
    const key = await createTestKey(database, setup);
    const gateway = await gatewayWith({ GATEWAY_LEASE_TOKENS: "10000" });

    const statuses: number[] = [];
    let refusal: { error: { type: string; code: string; message: string } } | null = null;
    for (let index = 0; index < 8 && refusal === null; index += 1) {
      const response = await call(gateway, "/v1/chat/completions", key.token, chat(big.model));
      statuses.push(response.status);
      if (response.status === 402) refusal = (await response.json()) as typeof refusal;
      else await response.text();
    }
    expect(statuses[0]).toBe(200);
    expect(statuses.at(-1)).toBe(402);
    expect(refusal!.error).toMatchObject({
      type: "insufficient_quota",
      code: "insufficient_quota",
    });
    expect(refusal!.error.message).toMatch(/tokens .* are spent/);
    expect(refusal!.error.message).toContain(`let this API key fall back to \`${small.model}\``);
    // The first lease held the 40 tokens that were left, not a whole block.
    const [first] = await leasesOf(bigLine!);
    expect(first!.unitSeconds).toBe(40n);
    const line = await lineOf(bigLine!);
    expect(line.heldUnitSeconds + line.consumedUnitSeconds).toBeLessThanOrEqual(40n);
  });

  it("falls back to the smaller model when the key allows it, and says which model answered", async () => {
    const { setup, smallLine } = await tenant({ big: 500n, bigSpent: true, small: 100_000n });
    const key = await createTestKey(database, setup, { allowFallback: true });
    const gateway = await gatewayWith();

    const response = await call(gateway, "/v1/chat/completions", key.token, chat(big.model));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-tessera-model")).toBe(small.model);
    expect(response.headers.get("x-tessera-fallback-from")).toBe(big.model);
    const body = (await response.json()) as { model: string };
    expect(body.model).toBe(small.model);
    const [record] = await usageOf(database, [response.headers.get("x-request-id")!]);
    expect(record).toMatchObject({
      model: small.model,
      resourceClassId: small.tokenClassId,
      allocationLineId: smallLine,
    });

    // Streaming falls back the same way.
    const streamed = await call(gateway, "/v1/chat/completions", key.token, {
      ...chat(big.model),
      stream: true,
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("x-tessera-model")).toBe(small.model);
    expect(await streamed.text()).toContain(`"model":"${small.model}"`);
  });

  it("answers 402 to an organisation that holds no tokens of the tier, and lists the model only to those that do", async () => {
    const without = await tenant({});
    const withTokens = await tenant({ big: 1_000n });
    const keyWithout = await createTestKey(database, without.setup);
    const keyWith = await createTestKey(database, withTokens.setup);
    const gateway = await gatewayWith();

    const response = await call(gateway, "/v1/chat/completions", keyWithout.token, chat(big.model));
    expect(response.status).toBe(402);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("holds no tokens of");
    expect(body.error.message).toContain("needs an allocation of shared-model tokens");
    expect(body.error.message).toContain("apply to a programme");

    const listed = async (token: string) =>
      (
        (await (await call(gateway, "/v1/models", token)).json()) as { data: { id: string }[] }
      ).data.map((model) => model.id);
    expect(await listed(keyWithout.token)).not.toContain(big.model);
    expect(await listed(keyWith.token)).toContain(big.model);
  });

  it("offers the fallback in its 402 only when the fallback would answer", async () => {
    // No tokens of either tier: turning fallback on would not help.
    const without = await tenant({});
    const strict = await createTestKey(database, without.setup);
    const lenient = await createTestKey(database, without.setup, { allowFallback: true });
    // Its own tokens spent, the fallback's tier held: turning fallback on gets an answer.
    const withSmall = await tenant({ big: 500n, bigSpent: true, small: 100_000n });
    const before = await createTestKey(database, withSmall.setup);
    const after = await createTestKey(database, withSmall.setup, { allowFallback: true });
    const gateway = await gatewayWith();
    const refusal = async (token: string) => {
      const response = await call(gateway, "/v1/chat/completions", token, chat(big.model));
      expect(response.status).toBe(402);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };

    for (const token of [strict.token, lenient.token]) {
      const message = await refusal(token);
      expect(message).not.toContain("fall back");
      expect(message).toContain(
        "your organisation needs an allocation of shared-model tokens: apply to a programme",
      );
    }

    expect(await refusal(before.token)).toContain(
      `Apply for more tokens, or let this API key fall back to \`${small.model}\`.`,
    );
    const response = await call(gateway, "/v1/chat/completions", after.token, chat(big.model));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-tessera-model")).toBe(small.model);
    await response.text();
  });

  it("never over-commits a line under concurrency from two gateways", async () => {
    const { setup, bigLine } = await tenant({ big: 600n });
    const key = await createTestKey(database, setup);
    const one = await gatewayWith({ GATEWAY_LEASE_TOKENS: "100" });
    const two = await gatewayWith({ GATEWAY_LEASE_TOKENS: "100" });

    const statuses = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const response = await call(
          index % 2 === 0 ? one : two,
          "/v1/chat/completions",
          key.token,
          chat(big.model),
        );
        await response.text();
        return response.status;
      }),
    );
    expect(statuses.every((status) => status === 200 || status === 402)).toBe(true);
    expect(statuses).toContain(200);
    await one.close();
    await two.close();
    started.splice(started.indexOf(one), 1);
    started.splice(started.indexOf(two), 1);

    const line = await lineOf(bigLine!);
    expect(line.heldUnitSeconds).toBe(0n);
    expect(line.consumedUnitSeconds).toBeGreaterThan(0n);
    expect(line.consumedUnitSeconds).toBeLessThanOrEqual(600n);
    const leases = await leasesOf(bigLine!);
    expect(leases.every((lease) => lease.status === "SETTLED")).toBe(true);
    // Every token consumed came through a lease, or through drawing what a lease's requests
    // overran (as far as the line had tokens left).
    const holds = await database.quotaHold.findMany({
      where: { allocationLineId: bigLine!, reference: { startsWith: "lease" } },
    });
    expect(holds.every((hold) => hold.status === "SETTLED")).toBe(true);
    expect(holds.reduce((sum, hold) => sum + (hold.settledUnitSeconds ?? 0n), 0n)).toBe(
      line.consumedUnitSeconds,
    );
  });
});

describe("a lease its gateway never settled", () => {
  it("is settled by the worker from the usage metered against it, once", async () => {
    const { setup, bigLine } = await tenant({ big: 50_000n });
    const key = await createTestKey(database, setup);
    const gateway = await gatewayWith({ GATEWAY_LEASE_TOKENS: "5000" });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await call(gateway, "/v1/chat/completions", key.token, chat(big.model));
      ids.push(response.headers.get("x-request-id")!);
      await response.text();
    }
    const records = await usageOf(database, ids);
    const [lease] = await leasesOf(bigLine!);
    expect(lease!.status).toBe("ACTIVE");

    // As if the gateway had died: before the lease expired and the grace passed, nothing moves …
    const early = await settleAbandonedLeases(database, new Date(), {
      organizationId: setup.organizationId,
    });
    expect((await leasesOf(bigLine!))[0]!.status).toBe("ACTIVE");
    expect(early.settled).toBe(0);
    // … after, the worker settles it from the records, and a second sweep changes nothing.
    const later = new Date(lease!.expiresAt!.getTime() + 120_000);
    const swept = await settleAbandonedLeases(database, later, {
      organizationId: setup.organizationId,
    });
    expect(swept.settled).toBeGreaterThanOrEqual(1);
    // The sweep's result is the worker job's result: it must be plain JSON.
    expect(JSON.parse(JSON.stringify(swept))).toEqual(swept);
    const spent = tokensOf(records);
    expect((await leasesOf(bigLine!))[0]).toMatchObject({
      status: "SETTLED",
      settledUnitSeconds: spent,
    });
    expect(await lineOf(bigLine!)).toMatchObject({
      heldUnitSeconds: 0n,
      consumedUnitSeconds: spent,
    });
    const again = await settleAbandonedLeases(database, later, {
      organizationId: setup.organizationId,
    });
    expect(await lineOf(bigLine!)).toMatchObject({
      heldUnitSeconds: 0n,
      consumedUnitSeconds: spent,
    });
    expect(again).toEqual({ settled: 0, consumedTokens: 0 });
  });
});
