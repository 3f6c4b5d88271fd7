import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@tessera/db";
import { scaleIdleEndpointsToZero, wakeEndpointForRequest } from "@tessera/core";
import {
  call,
  createTestKey,
  markEndpoint,
  servingEndpoint,
  startGateway,
  usageOf,
  type RunningGateway,
} from "./testing/gateway-world";

let database: Database;
let gateway: RunningGateway;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  gateway = await startGateway({ GATEWAY_EXPECTED_WAKE_SECONDS: "45" });
});

afterAll(async () => {
  await gateway?.close();
  for (const close of closers) await close();
  await database?.$disconnect();
});

const chat = (model: string) => ({
  model,
  messages: [{ role: "user", content: "Wake up." }],
  max_tokens: 4,
});

async function sleepingEndpoint() {
  const endpoint = await servingEndpoint(database, { status: "SCALED_TO_ZERO" });
  closers.push(() => endpoint.sim.close());
  const key = await createTestKey(database, endpoint.setup);
  await new Promise((resolve) => setTimeout(resolve, 400));
  return { endpoint, key };
}

const wakeEvents = (endpointId: string) =>
  database.outboxEvent.count({ where: { type: "endpoint.wake", aggregateId: endpointId } });

describe("a request for an endpoint at zero", () => {
  it("asks it to wake once for a whole burst and answers 503 with Retry-After when it is not ready in time", async () => {
    const { endpoint, key } = await sleepingEndpoint();
    const burst = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(gateway, "/v1/chat/completions", key.token, chat(endpoint.model), {
          "x-scale-up-timeout": "0.5",
        }),
      ),
    );
    for (const response of burst) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("45");
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("endpoint_waking");
      expect(body.error.message).toMatch(/expected to be ready by \d{4}-\d\d-\d\dT/);
    }
    expect(await wakeEvents(endpoint.endpointId)).toBe(1);
  });

  it("waits for it and is answered once it serves", async () => {
    const { endpoint, key } = await sleepingEndpoint();
    const pending = call(gateway, "/v1/chat/completions", key.token, chat(endpoint.model), {
      "x-scale-up-timeout": "10",
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await markEndpoint(database, endpoint.endpointId, "READY", endpoint.sim.url);
    const response = await pending;
    expect(response.status).toBe(200);
    const [record] = await usageOf(database, [response.headers.get("x-request-id")!]);
    expect(record?.tokensOut).toBe(4n);
    expect(await wakeEvents(endpoint.endpointId)).toBe(1);
  });
});

describe("the worker's side of waking and sleeping", () => {
  it("wakes an endpoint the gateway asked for, once, and puts an idle one back to zero", async () => {
    const endpoint = await servingEndpoint(database, { status: "READY" });
    closers.push(() => endpoint.sim.close());
    await database.endpoint.update({
      where: { workloadId: endpoint.endpointId },
      data: { idleSecondsBeforeZero: 60, lastRequestAt: new Date(Date.now() - 120_000) },
    });
    // Deployed just now: the idle time counts from its creation too, so not yet idle.
    expect(await scaleIdleEndpointsToZero(database, new Date())).not.toContain(endpoint.endpointId);
    const later = new Date(Date.now() + 61_000);
    expect(await scaleIdleEndpointsToZero(database, later)).toContain(endpoint.endpointId);
    const asleep = await database.endpoint.findUniqueOrThrow({
      where: { workloadId: endpoint.endpointId },
    });
    expect(asleep.desiredReplicas).toBe(0);

    const woken = await wakeEndpointForRequest(database, endpoint.endpointId);
    expect(woken).toMatchObject({ changed: true, desiredReplicas: 1 });
    const again = await wakeEndpointForRequest(database, endpoint.endpointId);
    expect(again).toMatchObject({ changed: false });
    const awake = await database.endpoint.findUniqueOrThrow({
      where: { workloadId: endpoint.endpointId },
    });
    expect(awake.lastWokenAt).not.toBeNull();
    // Just woken: not idle, whatever its last request was.
    expect(await scaleIdleEndpointsToZero(database, new Date(Date.now() + 30_000))).not.toContain(
      endpoint.endpointId,
    );
    const scales = await database.outboxEvent.count({
      where: { type: "endpoint.scale", aggregateId: endpoint.endpointId },
    });
    expect(scales).toBe(2);
  });
});
