import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";
import { checkHealth, healthStatusCode, type DependencyProbes } from "./health";

export interface HealthServerOptions {
  port: number;
  probes: DependencyProbes;
  registry: Registry;
  /** Whether the queue consumer has started. */
  consuming: () => boolean;
}

/**
 * Readiness and metrics for the orchestrator: GET /healthz answers 200 only when PostgreSQL and
 * Redis both answer and the queue consumer runs; GET /metrics is Prometheus text.
 */
export function createHealthServer({ probes, registry, consuming }: HealthServerOptions): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://worker.local").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/healthz") {
      void checkHealth(probes, consuming()).then((report) => {
        response
          .writeHead(healthStatusCode(report), {
            "content-type": "application/json",
            "cache-control": "no-store",
          })
          .end(JSON.stringify(report));
      });
      return;
    }
    if (path === "/metrics") {
      registry.metrics().then(
        (text) => {
          response.writeHead(200, { "content-type": registry.contentType }).end(text);
        },
        () => {
          response.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n");
        },
      );
      return;
    }
    response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
}

export async function listen(server: Server, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Stops accepting connections and closes idle keep-alive sockets so shutdown is not held up. */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await closed;
}
