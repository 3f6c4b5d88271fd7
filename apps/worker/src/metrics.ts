import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";

export interface WorkerMetrics {
  registry: Registry;
  jobs: Counter<"queue" | "outcome">;
  lastHeartbeat: Gauge;
}

export function createMetrics(): WorkerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "tessera-worker" });
  collectDefaultMetrics({ register: registry });
  const jobs = new Counter({
    name: "tessera_worker_jobs_total",
    help: "Jobs finished by the worker, by queue and outcome.",
    labelNames: ["queue", "outcome"] as const,
    registers: [registry],
  });
  const lastHeartbeat = new Gauge({
    name: "tessera_worker_last_heartbeat_timestamp_seconds",
    help: "Unix time of the last housekeeping heartbeat this worker processed.",
    registers: [registry],
  });
  return { registry, jobs, lastHeartbeat };
}
