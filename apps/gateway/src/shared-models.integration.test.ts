import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@tessera/db";
import { callableSharedModels, getApiKey, keyReachOf, loadKeyRoutes } from "@tessera/core";
import {
  createEndpointSetup,
  type EndpointSetup,
} from "../../../packages/core/src/endpoints/endpoint-fixture";
import {
  call,
  createTestKey,
  grantTokens,
  markEndpoint,
  servingEndpoint,
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

/**
 * The models the portal's reach of a key is judged from (core's keyReach over the routes the
 * portal loads): what its row and example say it can call.
 */
async function portalModels(setup: EndpointSetup, keyId: string): Promise<string[]> {
  const key = await getApiKey(setup.tenant, setup.actor, keyId);
  const project = await database.project.findUniqueOrThrow({
    where: { id: key.project.id },
    select: { residency: true, classification: true },
  });
  const reach = keyReachOf(await loadKeyRoutes(setup.tenant), project, {
    allowedModels: key.allowedModels,
    allowedEndpointIds: key.endpoints.map((endpoint) => endpoint.id),
  });
  return [...reach.models].sort();
}

async function refusalOf(key: TestKey, model: string) {
  const response = await call(gateway, "/v1/chat/completions", key.token, {
    model,
    messages: [{ role: "user", content: "Hello" }],
  });
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
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
    expect(portal.reach).toMatchObject({ example: served.model, blocked: null });
    expect(await portalModels(setup, key.id)).toEqual([served.model]);
    expect(await listed(key)).toEqual(await portalModels(setup, key.id));
    const portalGb = await getApiKey(setup.tenant, setup.actor, gbKey.id);
    expect(portalGb.reach).toMatchObject({
      example: null,
      blocked: "PLACE",
      place: { kind: "IN", place: "GB" },
    });
    expect(await portalModels(setup, gbKey.id)).toEqual([]);
    expect(await listed(gbKey)).toEqual([]);
    const refused = await refusalOf(gbKey, served.model);
    expect(refused).toMatchObject({ status: 503, code: "no_endpoint_in_jurisdiction" });
    expect(refused.message).toContain("is in DE; the project's data must stay in GB");
  });
});

describe("a key limited to endpoints", () => {
  it("is told its own limits are why it reaches nothing, by the portal and the gateway alike", async () => {
    const own = await servingEndpoint(database);
    try {
      const { setup } = own;
      const gbProject = await database.project.create({
        data: {
          organizationId: setup.organizationId,
          slug: `gb-${own.endpointId.slice(-6)}`,
          name: "Data stays in GB",
          residency: "GB",
        },
      });
      const limited = await createTestKey(database, setup, {
        allowedEndpointIds: [own.endpointId],
      });
      const abroad = await createTestKey(database, setup, {
        allowedEndpointIds: [own.endpointId],
        projectId: gbProject.id,
      });
      await gateway.gateway.routes.refresh();
      expect(await listed(limited)).toEqual([own.model]);
      expect(await listed(limited)).toEqual(await portalModels(setup, limited.id));

      // Its endpoint runs in DE, the project's data stays in GB: a new key, not a deploy, helps.
      const portalAbroad = await getApiKey(setup.tenant, setup.actor, abroad.id);
      expect(portalAbroad.reach).toMatchObject({ blocked: "PLACE", remedy: "NEW_KEY" });
      expect(await listed(abroad)).toEqual(await portalModels(setup, abroad.id));
      const placed = await refusalOf(abroad, own.model);
      expect(placed).toMatchObject({ status: 503, code: "no_endpoint_in_jurisdiction" });
      expect(placed.message).toContain("Create a new key");
      expect(placed.message).not.toContain("Deploy");

      // Its endpoint is deleted, and the organisation serves nothing else: whatever model it
      // asks for, the key's limits are why (403), as the portal says, never "no such model".
      await database.endpoint.update({
        where: { workloadId: own.endpointId },
        data: { status: "DELETED" },
      });
      await gateway.gateway.routes.refresh();
      const portal = await getApiKey(setup.tenant, setup.actor, limited.id);
      expect(portal.reach).toMatchObject({ blocked: "SCOPE", remedy: "NEW_KEY" });
      expect(await listed(limited)).toEqual(await portalModels(setup, limited.id));
      for (const model of [own.model, "tessera-gw/made-up"]) {
        const refused = await refusalOf(limited, model);
        expect(refused).toMatchObject({ status: 403, code: "endpoint_not_allowed" });
        expect(refused.message).toContain("Create a new key");
      }
    } finally {
      await own.sim.close();
    }
  });
});
