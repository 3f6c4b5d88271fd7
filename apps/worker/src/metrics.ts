import type { Queue } from "bullmq";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "@tessera/db";

export interface WorkerMetrics {
  registry: Registry;
  jobs: Counter<"queue" | "outcome">;
  handlerSeconds: Histogram<"queue" | "outcome">;
  failures: Counter<"queue" | "final">;
  deadLetters: Counter<"queue">;
  relayLagSeconds: Histogram;
  lastHeartbeat: Gauge;
  outboxListening: Gauge;
}

const QUEUE_STATES = ["waiting", "active", "delayed", "prioritized", "failed"] as const;

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
  const handlerSeconds = new Histogram({
    name: "tessera_worker_handler_duration_seconds",
    help: "Time a handler took, by queue and outcome.",
    labelNames: ["queue", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const failures = new Counter({
    name: "tessera_worker_job_failures_total",
    help: "Job failures, by queue; final=true when the job will not be retried.",
    labelNames: ["queue", "final"] as const,
    registers: [registry],
  });
  const deadLetters = new Counter({
    name: "tessera_worker_dead_letters_total",
    help: "Jobs set aside as dead letters for operators, by queue.",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  const relayLagSeconds = new Histogram({
    name: "tessera_outbox_relay_lag_seconds",
    help: "Time from an outbox event's commit to its dispatch to a queue.",
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const lastHeartbeat = new Gauge({
    name: "tessera_worker_last_heartbeat_timestamp_seconds",
    help: "Unix time of the last housekeeping heartbeat this worker processed.",
    registers: [registry],
  });
  const outboxListening = new Gauge({
    name: "tessera_outbox_listener_up",
    help: "1 while this worker listens for outbox commits; 0 while it only polls (RELAY_IDLE_MS).",
    registers: [registry],
  });
  return {
    registry,
    jobs,
    handlerSeconds,
    failures,
    deadLetters,
    relayLagSeconds,
    lastHeartbeat,
    outboxListening,
  };
}

/**
 * Gauges read when Prometheus scrapes: each queue's depth by state, the outbox backlog and the
 * age of its oldest undispatched event. A source that does not answer keeps its last value.
 */
export function registerScrapeGauges(
  metrics: WorkerMetrics,
  sources: { queues: () => Queue[]; database: Database },
): void {
  new Gauge({
    name: "tessera_queue_jobs",
    help: "Jobs in each queue by state, read from Redis at scrape time.",
    labelNames: ["queue", "state"] as const,
    registers: [metrics.registry],
    async collect() {
      for (const queue of sources.queues()) {
        try {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) {
            this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }
        } catch {
          // Redis away: keep the last values rather than fail the whole scrape.
        }
      }
    },
  });
  const backlog = { count: 0, oldestAgeSeconds: 0 };
  // Both outbox gauges are collected in the same scrape: they share one query.
  let reading: Promise<void> | undefined;
  const sharedRead = () => (reading ??= readBacklog().finally(() => (reading = undefined)));
  const readBacklog = async () => {
    try {
      const [row] = await sources.database.$queryRaw<{ count: bigint; oldest: Date | null }[]>`
        SELECT count(*) AS "count", min("createdAt") AS "oldest"
          FROM "OutboxEvent" WHERE "dispatchedAt" IS NULL`;
      backlog.count = Number(row?.count ?? 0);
      backlog.oldestAgeSeconds = row?.oldest ? (Date.now() - row.oldest.getTime()) / 1000 : 0;
    } catch {
      // PostgreSQL away: keep the last values.
    }
  };
  new Gauge({
    name: "tessera_outbox_backlog",
    help: "Outbox events not yet dispatched to a queue.",
    registers: [metrics.registry],
    async collect() {
      await sharedRead();
      this.set(backlog.count);
    },
  });
  new Gauge({
    name: "tessera_outbox_oldest_undispatched_age_seconds",
    help: "Age of the oldest outbox event not yet dispatched (0 when none): the relay's lag now.",
    registers: [metrics.registry],
    async collect() {
      await sharedRead();
      this.set(backlog.oldestAgeSeconds);
    },
  });
}
