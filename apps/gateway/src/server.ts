import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Redis } from "ioredis";
import pg from "pg";
import { ApiError, errorBody, readJsonBody, sendJson } from "@tessera/openai";
import type { GatewayConfig } from "./env";
import { KeyStore } from "./keys";
import { Limiter } from "./limits";
import { Meter } from "./meter";
import { createMetrics, type GatewayMetrics } from "./metrics";
import { forward, type ProxyContext } from "./proxy";
import { OPERATIONS, parseModelRequest } from "./requests";
import { RouteTable } from "./routes";
import { Upstreams } from "./upstreams";
import { MAX_SCALE_UP_TIMEOUT_SECONDS, Waker } from "./waker";

/** The channel the portal publishes a key's id on when it changes (revoked, rotated …). */
export const KEY_CHANNEL = "tessera:gateway:keys";

export interface Gateway {
  server: Server;
  metrics: GatewayMetrics;
  meter: Meter;
  /** Reads keys and routes once, then keeps them fresh; starts metering. */
  start(): Promise<void>;
  /** Stops taking requests, finishes those in flight up to the grace period, flushes metering. */
  stop(): Promise<void>;
}

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
  const keys = new KeyStore(db);
  const routes = new RouteTable(db);
  const limiter = new Limiter(redis, config.prefix);
  const meter = new Meter(
    redis,
    reader,
    db,
    config.prefix,
    `gateway-${randomUUID()}`,
    config.meterBatch,
    config.meterFlushMs,
    config.meterClaimIdleMs,
    (error) => log("warn", `metering: ${error instanceof Error ? error.message : String(error)}`),
  );
  const waker = new Waker(db, redis, config.prefix, config.expectedWakeSeconds);
  const upstreams = new Upstreams(config.upstreamTimeoutMs);
  const proxy: ProxyContext = { upstreams, meter, limiter, metrics };
  let ready = false;
  let refresher: NodeJS.Timeout | undefined;

  const refresh = async (): Promise<void> => {
    await Promise.all([keys.poll(), routes.refresh()]);
    ready = true;
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
    labels.model = parsed.model;
    const choice = routes.choose(key, parsed.model);
    const admission = await limiter.admit(key, Date.now());
    const route =
      choice.kind === "serve"
        ? choice.route
        : await waker.wait(parsed.model, choice.routes, patience);
    await forward(
      proxy,
      { ...timing, key, route, request: parsed, bytes, path, admission },
      response,
    );
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
    metrics,
    meter,
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
      await meter.stop();
      await upstreams.close();
      subscriber.disconnect();
      reader.disconnect();
      await redis.quit().catch(() => redis.disconnect());
      await db.end();
    },
  };
}
