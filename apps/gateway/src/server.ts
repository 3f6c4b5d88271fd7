import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Redis } from "ioredis";
import pg from "pg";
import { ApiError, errorBody, readJsonBody, sendJson } from "@tessera/openai";
import type { GatewayConfig } from "./env";
import { KeyStore, type GatewayKey } from "./keys";
import { Leases, TokensSpent, type Lease } from "./leases";
import { Limiter } from "./limits";
import { Meter } from "./meter";
import { createMetrics, type GatewayMetrics } from "./metrics";
import { forward, type ProxyContext } from "./proxy";
import { rawClient } from "./raw-client";
import { OPERATIONS, parseModelRequest } from "./requests";
import { RouteTable, type Choice, type SharedTier } from "./routes";
import { Upstreams } from "./upstreams";
import { MAX_SCALE_UP_TIMEOUT_SECONDS, Waker } from "./waker";

/** The channel the portal publishes a key's id on when it changes (revoked, rotated …). */
export const KEY_CHANNEL = "tessera:gateway:keys";

export interface Gateway {
  server: Server;
  keys: KeyStore;
  routes: RouteTable;
  metrics: GatewayMetrics;
  meter: Meter;
  leases: Leases;
  /** Reads keys and routes once, then keeps them fresh; starts metering. */
  start(): Promise<void>;
  /** Stops taking requests, finishes those in flight up to the grace period, flushes metering. */
  stop(): Promise<void>;
}

/** The 402's advice when neither the model nor a fallback the key could turn on would answer. */
const NEEDS_ALLOCATION =
  "To go on, your organisation needs an allocation of shared-model tokens: apply to a programme for one in the Tessera portal, under Applications.";

export type Log = (level: "info" | "warn" | "error", message: string) => void;

function scaleUpTimeout(request: IncomingMessage, fallbackMs: number): number {
  const header = request.headers["x-scale-up-timeout"];
  if (header === undefined) return fallbackMs;
  const seconds = Number(header);
  if (
    typeof header !== "string" ||
    header.trim() === "" ||
    !Number.isFinite(seconds) ||
    seconds < 0 ||
    seconds > MAX_SCALE_UP_TIMEOUT_SECONDS
  ) {
    throw new ApiError(
      400,
      "invalid_header",
      `X-Scale-Up-Timeout is the number of seconds to wait for a sleeping endpoint, from 0 to ${MAX_SCALE_UP_TIMEOUT_SECONDS}.`,
    );
  }
  return seconds * 1000;
}

/** The gateway, not yet listening. */
export function createGateway(config: GatewayConfig, log: Log): Gateway {
  const db = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 8,
    application_name: "tessera-gateway",
  });
  db.on("error", (error) => log("warn", `PostgreSQL: ${error.message}`));
  const redis = new Redis(config.redisUrl, {
    enableAutoPipelining: true,
    connectionName: "tessera-gateway",
    maxRetriesPerRequest: 2,
  });
  const reader = new Redis(config.redisUrl, {
    connectionName: "tessera-gateway-meter",
    maxRetriesPerRequest: null,
  });
  const subscriber = new Redis(config.redisUrl, { connectionName: "tessera-gateway-keys" });
  for (const connection of [redis, reader, subscriber]) {
    connection.on("error", (error: Error) => log("warn", `Redis: ${error.message}`));
  }
  const metrics = createMetrics();
  /** This process: its metering consumer and its token leases are named after it. */
  const instance = `gateway-${randomUUID()}`;
  const keys = new KeyStore(db);
  const routes = new RouteTable(db);
  const limiter = new Limiter(redis, config.prefix);
  const meter = new Meter(
    redis,
    reader,
    db,
    config.prefix,
    instance,
    config.meterBatch,
    config.meterFlushMs,
    config.meterClaimIdleMs,
    (error) => log("warn", `metering: ${error instanceof Error ? error.message : String(error)}`),
  );
  const waker = new Waker(db, redis, config.prefix, config.expectedWakeSeconds);
  // The quota ledger's own connections: a lease is placed or settled once per block of tokens.
  const ledgerPool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 4,
    application_name: "tessera-gateway-leases",
  });
  ledgerPool.on("error", (error) => log("warn", `PostgreSQL (leases): ${error.message}`));
  const leases = new Leases(
    rawClient(ledgerPool),
    instance,
    { blockTokens: config.leaseTokens, leaseMs: config.leaseMs },
    log,
  );
  const upstreams = new Upstreams(config.upstreamTimeoutMs);
  const proxy: ProxyContext = { upstreams, meter, limiter, metrics };
  let ready = false;
  let refresher: NodeJS.Timeout | undefined;

  const refresh = async (): Promise<void> => {
    await Promise.all([keys.poll(), routes.refresh()]);
    keys.sweep(Date.now());
    leases.expire(Date.now());
    ready = true;
  };

  /** A lease on one of the organisation's lines of the tier (those ending first first). */
  const drawTokens = async (key: GatewayKey, tier: SharedTier): Promise<Lease> => {
    let spent: TokensSpent | undefined;
    for (const line of routes.tokenLinesFor(key.organizationId, tier)) {
      try {
        return await leases.take(line, Date.now());
      } catch (error) {
        if (!(error instanceof TokensSpent)) throw error;
        spent = error;
      }
    }
    throw spent!;
  };

  /**
   * Whether `model` could answer this key's call, as far as the route table and the leases know
   * (no database round trip): the organisation serves it itself, or holds tokens of its tier not
   * found spent — or, failing that, its own fallback could (a key that falls back follows the
   * whole chain).
   */
  const couldAnswer = (key: GatewayKey, model: string, tried: Set<string>): boolean => {
    let choice: Choice;
    try {
      choice = routes.choose(key, model);
    } catch {
      return false; // Not a model this key may reach.
    }
    const tier = choice.tokens;
    if (tier === null) return true;
    const now = Date.now();
    if (routes.linesOf(key.organizationId, tier).some((line) => !leases.knownSpent(line, now))) {
      return true;
    }
    const next = tier.fallbackModel;
    if (next === null || tried.has(next)) return false;
    return couldAnswer(key, next, new Set([...tried, next]));
  };

  /**
   * Tokens for a call to a shared model: a lease on the organisation's tokens of its tier, or —
   * when they are spent and the key allows it — the model's fallback (a smaller model, the CPU
   * tier), and its fallback in turn. 402 when nothing is left to answer with.
   */
  const drawOrFallBack = async (
    key: GatewayKey,
    requested: string,
    first: Choice,
  ): Promise<{ choice: Choice; model: string; lease: Lease | null }> => {
    let choice = first;
    let model = requested;
    const tried = new Set([requested]);
    for (;;) {
      const tier = choice.tokens!;
      try {
        return { choice, model, lease: await drawTokens(key, tier) };
      } catch (error) {
        if (!(error instanceof TokensSpent)) throw error;
        const next = tier.fallbackModel;
        let fallback: Choice | null = null;
        if (key.allowFallback && next !== null && !tried.has(next)) {
          try {
            fallback = routes.choose(key, next);
          } catch {
            fallback = null; // Not a model this key may reach.
          }
        }
        if (fallback === null) {
          // Offer the fallback only when turning it on would get an answer.
          const advice =
            next !== null && !key.allowFallback && couldAnswer(key, next, new Set([...tried, next]))
              ? `Apply for more tokens, or let this API key fall back to \`${next}\`.`
              : NEEDS_ALLOCATION;
          throw new ApiError(
            402,
            "insufficient_quota",
            `${error.message} ${advice}`,
            model === requested ? "model" : null,
          );
        }
        tried.add(next!);
        model = next!;
        choice = fallback;
        // The organisation's own endpoint of the fallback model: its compute is already paid for.
        if (choice.tokens === null) return { choice, model, lease: null };
      }
    }
  };
  const fail = (response: ServerResponse, error: unknown): void => {
    if (response.headersSent || response.destroyed) {
      response.destroy();
      return;
    }
    if (error instanceof ApiError) {
      // A refused body may still be arriving: close the connection rather than read it all.
      if (error.status === 413) response.setHeader("connection", "close");
      sendJson(response, error.status, errorBody(error), { ...error.headers });
      return;
    }
    // Never a prompt or a key in the log: only what failed.
    log(
      "error",
      `request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    const unavailable = new ApiError(
      503,
      "gateway_unavailable",
      "The gateway could not complete this request; try again shortly.",
    );
    sendJson(response, 503, errorBody(unavailable), { "retry-after": "5" });
  };

  const models = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const key = await keys.authenticate(request.headers.authorization, Date.now());
    const created = Math.floor(Date.now() / 1000);
    const data = routes
      .models(key)
      .map((id) => ({ id, object: "model", created, owned_by: "tessera" }));
    sendJson(response, 200, JSON.stringify({ object: "list", data }));
  };

  const call = async (
    path: string,
    request: IncomingMessage,
    response: ServerResponse,
    labels: { model: string },
    timing: { startedAt: number; arrivedAt: number; id: string },
  ): Promise<void> => {
    const operation = OPERATIONS.get(path)!;
    const key = await keys.authenticate(request.headers.authorization, timing.startedAt);
    const patience = scaleUpTimeout(request, config.scaleUpTimeoutMs);
    const { value, bytes } = await readJsonBody(request, config.maxBodyBytes);
    const parsed = parseModelRequest(operation, value);
    let choice = routes.choose(key, parsed.model);
    // Only a model this key may reach names a series: made-up names never add label values.
    labels.model = parsed.model;
    const admission = await limiter.admit(key, Date.now());
    let model = parsed.model;
    let lease: Lease | null = null;
    if (choice.tokens !== null)
      ({ choice, model, lease } = await drawOrFallBack(key, model, choice));
    const spent = { tokens: 0 };
    try {
      const route =
        choice.kind === "serve" ? choice.route : await waker.wait(model, choice.routes, patience);
      await forward(
        proxy,
        {
          ...timing,
          key,
          route,
          model,
          lease,
          spent,
          request: parsed,
          bytes,
          path,
          admission,
        },
        response,
      );
    } finally {
      if (lease !== null) leases.finish(lease, spent.tokens);
    }
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const arrivedAt = performance.now();
    const startedAt = Date.now();
    const url = request.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    response.on("error", () => undefined);
    request.on("error", () => undefined);

    if (path === "/healthz" || path === "/metrics") {
      if (request.method !== "GET" && request.method !== "HEAD") {
        fail(response, new ApiError(405, "method_not_allowed", `Use GET for ${path}.`));
        return;
      }
      if (path === "/healthz") {
        sendJson(
          response,
          ready ? 200 : 503,
          JSON.stringify({ status: ready ? "ok" : "starting" }),
        );
        return;
      }
      metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { "content-type": metrics.registry.contentType });
          response.end(text);
        },
        (error: unknown) => fail(response, error),
      );
      return;
    }

    const id = `req_${randomUUID().replaceAll("-", "")}`;
    response.setHeader("x-request-id", id);
    const labels = { model: "none" };
    response.once("close", () => {
      metrics.requests.inc({ model: labels.model, status: String(response.statusCode) });
      metrics.requestSeconds.observe(labels, (performance.now() - arrivedAt) / 1000);
    });

    if (path === "/v1/models") {
      if (request.method !== "GET") {
        fail(response, new ApiError(405, "method_not_allowed", "Use GET for /v1/models."));
        return;
      }
      models(request, response).catch((error: unknown) => fail(response, error));
      return;
    }
    if (!OPERATIONS.has(path)) {
      fail(
        response,
        new ApiError(
          404,
          "unknown_url",
          `Unknown request URL: ${request.method ?? "GET"} ${path.slice(0, 200)}. The gateway serves /v1/models, /v1/chat/completions, /v1/completions and /v1/embeddings.`,
        ),
      );
      return;
    }
    if (request.method !== "POST") {
      fail(response, new ApiError(405, "method_not_allowed", `Use POST for ${path}.`));
      return;
    }
    call(path, request, response, labels, { startedAt, arrivedAt, id }).catch((error: unknown) =>
      fail(response, error),
    );
  };

  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0 }, handle);

  return {
    server,
    keys,
    routes,
    metrics,
    meter,
    leases,
    async start() {
      await subscriber.subscribe(KEY_CHANNEL);
      subscriber.on("message", (_channel: string, id: string) => keys.invalidate(id));
      await refresh();
      refresher = setInterval(() => {
        refresh().catch((error: unknown) => log("warn", `refresh: ${(error as Error).message}`));
      }, config.refreshMs);
      refresher.unref();
      limiter.start();
      meter.start();
    },
    async stop() {
      clearInterval(refresher);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs).unref();
      });
      await limiter.stop();
      await leases.stop();
      await ledgerPool.end();
      await meter.stop();
      await upstreams.close();
      subscriber.disconnect();
      reader.disconnect();
      await redis.quit().catch(() => redis.disconnect());
      await db.end();
    },
  };
}
