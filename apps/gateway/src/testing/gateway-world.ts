/**
 * The gateway under test: the real gateway server on an ephemeral port, against the integration
 * database and Redis, in front of simulated model servers. Endpoints are deployed through the
 * real deployEndpoint and then marked ready as the worker would on its first observation. Tests
 * only: never import from app code.
 */
import { createHash, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Database } from "@tessera/db";
import {
  createEndpointSetup,
  deployTestEndpoint,
  type EndpointSetup,
} from "../../../../packages/core/src/endpoints/endpoint-fixture";
import { startSim, type RunningSim } from "../../../model-sim/src/testing/sim-server";
import { loadConfig, type GatewayConfig } from "../env";
import { createGateway, type Gateway } from "../server";

export interface RunningGateway {
  gateway: Gateway;
  config: GatewayConfig;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: `gwtest-${randomBytes(4).toString("hex")}`,
    GATEWAY_REFRESH_MS: "200",
    GATEWAY_METER_FLUSH_MS: "20",
    GATEWAY_SCALE_UP_TIMEOUT_MS: "2000",
    GATEWAY_SHUTDOWN_GRACE_MS: "1000",
    ...env,
  });
  const errors: string[] = [];
  const gateway = createGateway(config, (level, message) => {
    if (level !== "info") errors.push(message);
  });
  await gateway.start();
  await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
  const { port } = gateway.server.address() as AddressInfo;
  return { gateway, config, port, url: `http://127.0.0.1:${port}`, close: () => gateway.stop() };
}

export interface ServingEndpoint {
  setup: EndpointSetup;
  endpointId: string;
  model: string;
  sim: RunningSim;
}

/**
 * An organisation with one endpoint serving a model of its own, ready, on a cluster in
 * `jurisdiction`, answered by a simulated model server of its own.
 */
export async function servingEndpoint(
  database: Database,
  options: {
    jurisdiction?: string;
    sim?: Record<string, string>;
    status?: "READY" | "SCALED_TO_ZERO";
  } = {},
): Promise<ServingEndpoint> {
  const setup = await createEndpointSetup(database);
  const model = `tessera-gw/${randomBytes(5).toString("hex")}`;
  await database.model.update({ where: { id: setup.modelId }, data: { name: model } });
  await database.cluster.update({
    where: { id: setup.clusterId },
    data: { jurisdiction: options.jurisdiction ?? "DE" },
  });
  const deployed = await deployTestEndpoint(setup);
  const sim = await startSim({ MODEL_SIM_MODELS: model, ...options.sim });
  await markEndpoint(database, deployed.id, options.status ?? "READY", sim.url);
  return { setup, endpointId: deployed.id, model, sim };
}

/** What the worker records once the backend says so (tests stand in for the observation). */
export async function markEndpoint(
  database: Database,
  endpointId: string,
  status: "READY" | "SCALED_TO_ZERO" | "DEPLOYING",
  url: string,
): Promise<void> {
  const ready = status === "READY" ? 1 : 0;
  await database.endpoint.update({
    where: { workloadId: endpointId },
    data: {
      status,
      url,
      readyReplicas: ready,
      observedReplicas: ready,
      ...(status === "SCALED_TO_ZERO" ? { desiredReplicas: 0 } : {}),
    },
  });
}

export interface TestKey {
  id: string;
  secret: string;
  token: string;
}

/** A key as the portal stores it: `tsk_<id>_<secret>`, only the secret's SHA-256 kept. */
export async function createTestKey(
  database: Database,
  setup: Pick<EndpointSetup, "organizationId" | "projectId">,
  overrides: Partial<{
    expiresAt: Date;
    revokedAt: Date | null;
    allowedModels: string[];
    allowedEndpointIds: string[];
    requestsPerMinute: number;
    tokensPerMinute: number;
    projectId: string;
    allowFallback: boolean;
  }> = {},
): Promise<TestKey> {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const id = [...randomBytes(16)].map((byte) => alphabet[byte % 32]).join("");
  const secret = randomBytes(32).toString("base64url");
  await database.apiKey.create({
    data: {
      id,
      organizationId: setup.organizationId,
      projectId: overrides.projectId ?? setup.projectId,
      name: "Test key",
      secretSha256: sha256(secret),
      allowedModels: overrides.allowedModels ?? [],
      allowedEndpointIds: overrides.allowedEndpointIds ?? [],
      requestsPerMinute: overrides.requestsPerMinute ?? 10_000,
      tokensPerMinute: overrides.tokensPerMinute ?? 10_000_000,
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + 86_400_000),
      revokedAt: overrides.revokedAt ?? null,
      allowFallback: overrides.allowFallback ?? false,
    },
  });
  return { id, secret, token: `tsk_${id}_${secret}` };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function call(
  gateway: RunningGateway,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

/** Waits until the gateway has written every usage record it spooled for these request ids. */
export async function usageOf(
  database: Database,
  requestIds: string[],
  timeoutMs = 5_000,
): Promise<Awaited<ReturnType<Database["usageRecord"]["findMany"]>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await database.usageRecord.findMany({
      where: { source: "GATEWAY_TOKENS", sourceRef: { in: requestIds } },
    });
    if (rows.length >= requestIds.length || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface SharedModel extends ServingEndpoint {
  /** The model's tier: a TOKENS class. */
  tokenClassId: string;
  tokenClassName: string;
}

/**
 * A platform model: an endpoint of its own organisation (the platform's), marked shared, whose
 * model draws on a new TOKENS class (its tier), priced per million tokens.
 */
export async function sharedModel(
  database: Database,
  options: { fallbackModelId?: string; jurisdiction?: string } = {},
): Promise<SharedModel> {
  const served = await servingEndpoint(database, { jurisdiction: options.jurisdiction });
  return { ...served, ...(await shareEndpoint(database, served, options)) };
}

/** Marks an endpoint shared and gives its model a new tier (a TOKENS class, with its price). */
export async function shareEndpoint(
  database: Database,
  served: { setup: Pick<EndpointSetup, "modelId">; endpointId: string },
  options: { fallbackModelId?: string } = {},
): Promise<{ tokenClassId: string; tokenClassName: string }> {
  const suffix = randomBytes(5).toString("hex");
  const tier = await database.resourceClass.create({
    data: {
      code: `tokens-${suffix}`,
      name: `Shared tier ${suffix} tokens`,
      kind: "TOKENS",
      unit: "token",
      listPriceMinorPerHour: 40,
      currency: "EUR",
      powerDrawWatts: 0,
    },
  });
  await database.priceVersion.create({
    data: {
      resourceClassId: tier.id,
      effectiveFrom: new Date("2020-01-01T00:00:00Z"),
      currency: "EUR",
      minorPerUnitHour: 0,
      minorPerMillionTokens: 40,
    },
  });
  await database.model.update({
    where: { id: served.setup.modelId },
    data: { tokenResourceClassId: tier.id, fallbackModelId: options.fallbackModelId ?? null },
  });
  await database.endpoint.update({
    where: { workloadId: served.endpointId },
    data: { shared: true },
  });
  return { tokenClassId: tier.id, tokenClassName: tier.name };
}

/**
 * Grants the organisation `tokens` of a tier on its allocation (valid now), as an award would,
 * `consumed` of them already spent.
 */
export async function grantTokens(
  database: Database,
  setup: Pick<EndpointSetup, "allocationId">,
  tokenClassId: string,
  tokens: bigint,
  consumed = 0n,
): Promise<string> {
  const line = await database.allocationLine.create({
    data: {
      allocationId: setup.allocationId,
      resourceClassId: tokenClassId,
      grantedUnitSeconds: tokens,
      consumedUnitSeconds: consumed,
      listPriceMinorPerHour: 40,
    },
  });
  return line.id;
}
