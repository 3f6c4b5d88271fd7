import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "@tessera/db";
import { settleAbandonedLeases } from "@tessera/core";
import { startGatewayProcess } from "./testing/gateway-process";
import {
  createTestKey,
  grantTokens,
  servingEndpoint,
  sharedModel,
  startGateway,
  usageOf,
  type ServingEndpoint,
  type TestKey,
} from "./testing/gateway-world";

let database: Database;
let endpoint: ServingEndpoint;
let key: TestKey;

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  endpoint = await servingEndpoint(database, { sim: { MODEL_SIM_ITL_MS: "1" } });
  key = await createTestKey(database, endpoint.setup);
});

afterAll(async () => {
  await endpoint?.sim.close();
  await database?.$disconnect();
});

type Whole = { id: string; completion: number | null };

/** One client: requests in turn until told to stop; adds the answers it got whole to `whole`. */
async function client(
  url: string,
  model: string,
  token: string,
  stop: () => boolean,
  stream: boolean,
  whole: Whole[],
) {
  while (!stop()) {
    try {
      const response = await fetch(`${url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          model,
          stream,
          max_tokens: 8,
          messages: [{ role: "user", content: "Count to eight." }],
        }),
      });
      const text = await response.text();
      const id = response.headers.get("x-request-id");
      if (response.status !== 200 || id === null) continue;
      if (stream) {
        if (text.endsWith("data: [DONE]\n\n")) whole.push({ id, completion: null });
      } else {
        const body = JSON.parse(text) as { usage: { completion_tokens: number } };
        whole.push({ id, completion: body.usage.completion_tokens });
      }
    } catch {
      // The gateway died under this request: the client got no whole answer.
    }
  }
}

/**
 * `count` clients (every other one streaming) calling the gateway until `atLeast` answers came
 * back whole, however slow the machine is; then the gateway is SIGKILLed mid-load. Returns the
 * answers the clients got whole, those finished as it died included.
 */
async function crashUnderLoad(
  doomed: { url: string; crash: () => Promise<void> },
  call: { model: string; token: string },
  count: number,
  atLeast: number,
): Promise<Whole[]> {
  const whole: Whole[] = [];
  let stopped = false;
  const clients = Array.from({ length: count }, (_, index) =>
    client(doomed.url, call.model, call.token, () => stopped, index % 2 === 0, whole),
  );
  const deadline = Date.now() + 60_000;
  while (whole.length < atLeast && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await doomed.crash();
  stopped = true;
  await Promise.all(clients);
  return whole;
}

/**
 * The settings of a gateway process about to be killed and of its heir: its own Redis prefix, a
 * quick flush, and spooled records another process may claim soon after the kill.
 */
function crashEnv(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    QUEUE_PREFIX: `${name}-${randomBytes(4).toString("hex")}`,
    GATEWAY_METER_FLUSH_MS: "50",
    GATEWAY_METER_CLAIM_IDLE_MS: "300",
    ...extra,
  };
}

describe("a gateway SIGKILLed under load", () => {
  it("loses no usage record of an answer a client got whole, and counts none twice", async () => {
    const env = crashEnv("gwcrash");
    const doomed = await startGatewayProcess(env);
    const whole = await crashUnderLoad(doomed, { model: endpoint.model, token: key.token }, 12, 24);
    expect(whole.length).toBeGreaterThanOrEqual(24);

    // Another gateway takes over what the dead one spooled but never wrote.
    const heir = await startGateway({ ...env, GATEWAY_REFRESH_MS: "200" });
    try {
      const ids = whole.map((answer) => answer.id);
      const records = await usageOf(database, ids, 15_000);
      const recorded = new Map(records.map((record) => [record.sourceRef, record]));
      const lost = ids.filter((id) => !recorded.has(id));
      expect(lost).toEqual([]);
      expect(records.length).toBe(new Set(records.map((record) => record.sourceRef)).size);
      for (const answer of whole) {
        if (answer.completion !== null) {
          expect(recorded.get(answer.id)?.tokensOut).toBe(BigInt(answer.completion));
        }
      }
    } finally {
      await heir.close();
    }
  });
});

describe("a gateway SIGKILLed with token leases open", () => {
  it("leaves them to the worker, which settles each from the usage metered against it", async () => {
    const shared = await sharedModel(database);
    const tenant = await servingEndpoint(database);
    try {
      const line = await grantTokens(database, tenant.setup, shared.tokenClassId, 10_000_000n);
      const tenantKey = await createTestKey(database, tenant.setup);
      const env = crashEnv("gwlease", { GATEWAY_LEASE_TOKENS: "2000" });
      const doomed = await startGatewayProcess(env);
      const whole = await crashUnderLoad(
        doomed,
        { model: shared.model, token: tenantKey.token },
        6,
        8,
      );
      expect(whole.length).toBeGreaterThanOrEqual(8);

      const heir = await startGateway({ ...env, GATEWAY_REFRESH_MS: "200" });
      try {
        await usageOf(
          database,
          whole.map((answer) => answer.id),
          15_000,
        );
      } finally {
        await heir.close();
      }
      const open = await database.quotaHold.findMany({
        where: { allocationLineId: line, status: "ACTIVE" },
      });
      // The dead gateway's current lease was never settled (earlier ones, used up, were).
      expect(open.length).toBeGreaterThanOrEqual(1);
      const latest = Math.max(...open.map((lease) => lease.expiresAt!.getTime()));
      // Only this tenant's leases: other test files' live leases are not this sweep's to settle.
      await settleAbandonedLeases(database, new Date(latest + 120_000), {
        organizationId: tenant.setup.organizationId,
      });

      const leases = await database.quotaHold.findMany({ where: { allocationLineId: line } });
      expect(leases.every((lease) => lease.status === "SETTLED")).toBe(true);
      for (const lease of leases.filter((hold) => hold.reference.startsWith("lease:"))) {
        const records = await database.usageRecord.findMany({ where: { quotaHoldId: lease.id } });
        const used = records.reduce(
          (sum, record) => sum + (record.tokensIn ?? 0n) + (record.tokensOut ?? 0n),
          0n,
        );
        expect(lease.settledUnitSeconds).toBe(used < lease.unitSeconds ? used : lease.unitSeconds);
        // What the lease's requests overran was drawn as well (the line has plenty left).
        const overrun = leases.find((hold) => hold.reference === `lease-overrun:${lease.id}`);
        expect(overrun?.settledUnitSeconds ?? 0n).toBe(
          used > lease.unitSeconds ? used - lease.unitSeconds : 0n,
        );
      }
      const settled = await database.allocationLine.findUniqueOrThrow({ where: { id: line } });
      expect(settled.heldUnitSeconds).toBe(0n);
      expect(settled.consumedUnitSeconds).toBe(
        leases.reduce((sum, lease) => sum + (lease.settledUnitSeconds ?? 0n), 0n),
      );
    } finally {
      await shared.sim.close();
      await tenant.sim.close();
    }
  });
});
