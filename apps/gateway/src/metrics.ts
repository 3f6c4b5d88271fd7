import { Counter, Histogram, Registry } from "prom-client";

export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<"model" | "status">;
  tokens: Counter<"model" | "kind">;
  requestSeconds: Histogram<"model">;
  upstreamSeconds: Histogram<"model">;
  ttftSeconds: Histogram<"model">;
}

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The gateway's Prometheus metrics, in a registry of its own (tests run several gateways). */
export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({
      name: "tessera_gateway_requests_total",
      help: "Requests answered, by model and HTTP status (model is 'none' before one is known).",
      labelNames: ["model", "status"],
      registers: [registry],
    }),
    tokens: new Counter({
      name: "tessera_gateway_tokens_total",
      help: "Tokens metered, by model and kind (prompt, completion).",
      labelNames: ["model", "kind"],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: "tessera_gateway_request_duration_seconds",
      help: "Time from a request's arrival to its last byte.",
      labelNames: ["model"],
      buckets: BUCKETS,
      registers: [registry],
    }),
    upstreamSeconds: new Histogram({
      name: "tessera_gateway_upstream_duration_seconds",
      help: "Time the endpoint took, from the gateway's request to the end of its answer.",
      labelNames: ["model"],
      buckets: BUCKETS,
      registers: [registry],
    }),
    ttftSeconds: new Histogram({
      name: "tessera_gateway_time_to_first_token_seconds",
      help: "Time from a request's arrival to the first generated token.",
      labelNames: ["model"],
      buckets: BUCKETS,
      registers: [registry],
    }),
  };
}
