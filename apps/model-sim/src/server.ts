import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ModelSimConfig } from "./env";
import { ApiError, modelNotFound, readJsonBody, sendJson } from "@tessera/openai";
import { sendError, SERVER_NAME } from "./http";
import { createMetrics, type SimMetrics } from "./metrics";
import { chatCompletions } from "./routes/chat-completions";
import { completions } from "./routes/completions";
import type { RouteContext } from "./routes/context";
import { embeddings } from "./routes/embeddings";

export interface ModelSim {
  server: Server;
  metrics: SimMetrics;
  /** Stops answering /health with 200, so a load balancer drains this replica first. */
  startDraining: () => void;
}

type PostHandler = (
  context: RouteContext,
  response: ServerResponse,
  body: unknown,
  arrivedAt: number,
) => void;

const POST_ROUTES = new Map<string, PostHandler>([
  ["/v1/chat/completions", chatCompletions],
  ["/v1/completions", completions],
  ["/v1/embeddings", embeddings],
]);
const GET_ROUTES = new Set(["/health", "/metrics", "/v1/models"]);
const MODEL_PATH = "/v1/models/";

/** The metrics label for a path: the known routes by name, anything else lumped together. */
function routeLabel(path: string): string {
  if (POST_ROUTES.has(path) || GET_ROUTES.has(path)) return path;
  return path.startsWith(MODEL_PATH) ? "/v1/models/{model}" : "other";
}

function modelCard(model: string, created: number, maxModelLen: number): object {
  return {
    id: model,
    object: "model",
    created,
    owned_by: SERVER_NAME,
    root: model,
    parent: null,
    max_model_len: maxModelLen,
    permission: [],
  };
}

function noop(): void {}

/** The simulated OpenAI-compatible model server, not yet listening. */
export function createModelSim(config: ModelSimConfig): ModelSim {
  const metrics = createMetrics(config.models);
  const context: RouteContext = { config, metrics };
  const created = Math.floor(Date.now() / 1000);
  // Everything that never changes is serialised once.
  const modelsBody = JSON.stringify({
    object: "list",
    data: config.models.map((model) => modelCard(model, created, config.maxModelLen)),
  });
  const modelBodies = new Map(
    config.models.map((model) => [
      model,
      JSON.stringify(modelCard(model, created, config.maxModelLen)),
    ]),
  );
  const healthy = JSON.stringify({ status: "ok", server: SERVER_NAME, simulated: true });
  const draining = JSON.stringify({ status: "draining", server: SERVER_NAME, simulated: true });
  let isDraining = false;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const arrivedAt = performance.now();
    const url = request.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    const route = routeLabel(path);
    // A client that vanishes mid-reply makes these emit; it must never crash the server.
    request.on("error", noop);
    response.on("error", noop);
    response.setHeader("server", SERVER_NAME);
    response.once("close", () => {
      const status = response.writableFinished ? String(response.statusCode) : "499";
      metrics.requests.inc({ route, status });
    });

    const post = POST_ROUTES.get(path);
    if (post !== undefined) {
      if (request.method !== "POST") {
        sendError(response, methodNotAllowed(request.method), "POST");
        return;
      }
      readJsonBody(request, config.maxBodyBytes).then(
        ({ value }) => {
          try {
            post(context, response, value, arrivedAt);
          } catch (error) {
            fail(response, error);
          }
        },
        (error: unknown) => fail(response, error),
      );
      return;
    }

    if (request.method !== "GET" && request.method !== "HEAD") {
      if (GET_ROUTES.has(path) || path.startsWith(MODEL_PATH)) {
        sendError(response, methodNotAllowed(request.method), "GET, HEAD");
      } else {
        sendError(response, notFound(path));
      }
      return;
    }
    if (path === "/v1/models") {
      sendJson(response, 200, modelsBody);
    } else if (path === "/health") {
      sendJson(response, isDraining ? 503 : 200, isDraining ? draining : healthy);
    } else if (path === "/metrics") {
      metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { "content-type": metrics.registry.contentType });
          response.end(text);
        },
        (error: unknown) => fail(response, error),
      );
    } else if (path.startsWith(MODEL_PATH)) {
      const model = decodeModel(path.slice(MODEL_PATH.length));
      const card = modelBodies.get(model);
      if (card === undefined) sendError(response, modelNotFound(model));
      else sendJson(response, 200, card);
    } else {
      sendError(response, notFound(path));
    }
  };

  const server = createServer(
    // Slow or stuck clients must not hold sockets forever; streams write well within these.
    { headersTimeout: 30_000, requestTimeout: 120_000, keepAliveTimeout: 5_000 },
    handle,
  );
  return {
    server,
    metrics,
    startDraining: () => {
      isDraining = true;
    },
  };
}

function decodeModel(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function methodNotAllowed(method: string | undefined): ApiError {
  return new ApiError(405, "method_not_allowed", `Method ${method ?? "?"} is not allowed here.`);
}

function notFound(path: string): ApiError {
  return new ApiError(404, "not_found", `No route ${path} on this simulated model server.`);
}

/** A client's error gets its envelope; anything else is a bug in the simulator: logged, and a 500 a test will notice. */
function fail(response: ServerResponse, error: unknown): void {
  if (error instanceof ApiError) {
    sendError(response, error);
    return;
  }
  console.error("model-sim: unexpected error", error);
  if (!response.headersSent && !response.destroyed) {
    sendJson(
      response,
      500,
      JSON.stringify({
        error: {
          message: "The simulated model server failed unexpectedly.",
          type: "internal_server_error",
          param: null,
          code: "internal_error",
        },
      }),
    );
  } else {
    response.destroy();
  }
}
