import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@tessera/db";
import { callableSharedModels, getApiKey } from "@tessera/core";
import {
  createEndpointSetup,
  type EndpointSetup,
} from "../../../packages/core/src/endpoints/endpoint-fixture";
import {
  call,
  createTestKey,
  grantTokens,
  markEndpoint,
  sharedModel,
  startGateway,
  type RunningGateway,
  type SharedModel,
  type TestKey,
} from "./testing/gateway-world";

const DAY = 86_400_000;

let database: Database;
let gateway: RunningGateway;
/** Shared models: `failed`'s only endpoint has failed, so nothing the gateway routes to serves it. */
let served: SharedModel;
let failed: SharedModel;
let other: SharedModel;

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  [served, failed, other] = await Promise.all([
    sharedModel(database),
    sharedModel(database),
    sharedModel(database),
  ]);
  await database.endpoint.update({
    where: { workloadId: failed.endpointId },
    data: { status: "FAILED", readyReplicas: 0 },
  });
  gateway = await startGateway();
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([served, failed, other].map((model) => model?.sim.close()));
  await database?.$disconnect();
});

/** An organisation with no endpoint of its own (its models are all shared ones), and a key. */
async function holder(tiers: SharedModel[]): Promise<{ setup: EndpointSetup; key: TestKey }> {
  const setup = await createEndpointSetup(database);
  for (const tier of tiers) {
    await grantTokens(database, setup, tier.tokenClassId, 1_000_000n);
  }
  return { setup, key: await createTestKey(database, setup) };
}

async function listed(key: TestKey): Promise<string[]> {
  const response = await call(gateway, "/v1/models", key.token);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { id: string }[] };
  return body.data.map((model) => model.id);
}

describe("the shared models an organisation may call", () => {
  it("are the same for the portal (keys' scope and form) and for the gateway's /v1/models", async () => {
    const current = await holder([served, failed]);
    const ended = await holder([served, other]);
    await database.allocation.update({
      where: { id: ended.setup.allocationId },
      data: { validFrom: new Date(Date.now() - 30 * DAY), validTo: new Date(Date.now() - DAY) },
    });
    await gateway.gateway.routes.refresh();

    // Tokens of a tier valid now, but no endpoint the gateway routes to serves `failed`; and an
    // allocation that has ended offers nothing.
    expect(await callableSharedModels(current.setup.tenant)).toEqual([served.model]);
    expect(await listed(current.key)).toEqual([served.model]);
    expect(await callableSharedModels(ended.setup.tenant)).toEqual([]);
    expect(await listed(ended.key)).toEqual([]);

    // The endpoint serves again and the allocation runs again: both offer every model at once.
    await markEndpoint(database, failed.endpointId, "READY", failed.sim.url);
    await database.allocation.update({
      where: { id: ended.setup.allocationId },
      data: { validTo: new Date(Date.now() + DAY) },
    });
    await gateway.gateway.routes.refresh();

    const both = [served.model, failed.model].sort();
    expect(await callableSharedModels(current.setup.tenant)).toEqual(both);
    expect(await listed(current.key)).toEqual(both);
    const again = [served.model, other.model].sort();
    expect(await callableSharedModels(ended.setup.tenant)).toEqual(again);
    expect(await listed(ended.key)).toEqual(again);
  });

  it("are what the portal says a key can reach, and a project whose data may not go there reaches none", async () => {
    const { setup, key } = await holder([served]);
    const gbProject = await database.project.create({
      data: {
        organizationId: setup.organizationId,
        slug: `gb-${key.id}`,
        name: "Data stays in GB",
        residency: "GB",
      },
    });
    const gbKey = await createTestKey(database, setup, { projectId: gbProject.id });
    await gateway.gateway.routes.refresh();
    // The shared endpoint runs in DE: the portal names it in the example, /v1/models lists it.
    const portal = await getApiKey(setup.tenant, setup.actor, key.id);
    expect(portal.reach).toMatchObject({ models: [served.model], example: served.model });
    expect(await listed(key)).toEqual(portal.reach.models);
    const portalGb = await getApiKey(setup.tenant, setup.actor, gbKey.id);
    expect(portalGb.reach).toMatchObject({ models: [], example: null, blocked: "PLACE" });
    expect(await listed(gbKey)).toEqual([]);
    const refused = await call(gateway, "/v1/chat/completions", gbKey.token, {
      model: served.model,
      messages: [{ role: "user", content: "Hello" }],
    });
    expect(refused.status).toBe(503);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("no_endpoint_in_jurisdiction");
    expect(body.error.message).toContain(portalGb.reach.refusal);
  });
});
