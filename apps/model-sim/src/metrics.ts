import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics. The per-model ones carry vLLM's own names (`vllm:…`, label `model_name`)
 * so whatever scrapes a real vLLM (autoscaling, the gateway's load balancing) reads the
 * simulator unchanged; the HTTP counter is the simulator's own.
 */
export interface ModelMetrics {
  running: Gauge.Internal<"model_name">;
  promptTokens: Counter.Internal;
  generationTokens: Counter.Internal;
  timeToFirstToken: Histogram.Internal<"model_name">;
}

export interface SimMetrics {
  registry: Registry;
  requests: Counter<"route" | "status">;
  /** Label children made once per served model, so the hot path does no label lookups. */
  byModel: ReadonlyMap<string, ModelMetrics>;
}

/** vLLM's time-to-first-token buckets, in seconds. */
const TTFT_BUCKETS = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

export function createMetrics(models: readonly string[]): SimMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "model_sim_http_requests_total",
    help: "HTTP requests to the simulated model server, by route and status (499: the client went away mid-reply).",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });
  const running = new Gauge({
    name: "vllm:num_requests_running",
    help: "Requests being generated or embedded right now (simulated).",
    labelNames: ["model_name"] as const,
    registers: [registry],
  });
  const promptTokens = new Counter({
    name: "vllm:prompt_tokens_total",
    help: "Prompt tokens read (simulated model, real tokenizer).",
    labelNames: ["model_name"] as const,
    registers: [registry],
  });
  const generationTokens = new Counter({
    name: "vllm:generation_tokens_total",
    help: "Tokens generated (simulated).",
    labelNames: ["model_name"] as const,
    registers: [registry],
  });
  const timeToFirstToken = new Histogram({
    name: "vllm:time_to_first_token_seconds",
    help: "Time from a request's arrival to its first generated token (simulated).",
    labelNames: ["model_name"] as const,
    buckets: TTFT_BUCKETS,
    registers: [registry],
  });
  const byModel = new Map<string, ModelMetrics>();
  for (const model of models) {
    const labels = { model_name: model };
    running.set(labels, 0);
    byModel.set(model, {
      running: running.labels(labels),
      promptTokens: promptTokens.labels(labels),
      generationTokens: generationTokens.labels(labels),
      timeToFirstToken: timeToFirstToken.labels(labels),
    });
  }
  return { registry, requests, byModel };
}
