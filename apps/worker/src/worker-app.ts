import { setTimeout as sleep } from "node:timers/promises";
import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { ServerEnv } from "@tessera/config";
import { createDatabase } from "@tessera/db";
import { closeServer, createHealthServer, listen } from "./health-server";
import {
  createHousekeepingProcessor,
  HEARTBEAT_EVERY_MS,
  HEARTBEAT_JOB,
  HEARTBEAT_SCHEDULER_ID,
  HOUSEKEEPING_QUEUE,
  type HeartbeatResult,
} from "./housekeeping";
import { createRepeatFilter } from "./log-once";
import type { Logger } from "./logger";
import { createMetrics } from "./metrics";
import { closeConnection, createProbeConnection, createQueueConnection } from "./redis";

/** How long active jobs get to finish on shutdown before the worker stops waiting for them. */
const DRAIN_TIMEOUT_MS = 10_000;
/** Upper bound for each remaining close step (queue, Redis, PostgreSQL, HTTP). */
const CLOSE_STEP_TIMEOUT_MS = 3_000;

export interface WorkerApp {
  /** Resolves once PostgreSQL and Redis answer and the queue is consuming. */
  start(): Promise<void>;
  /** Drains and releases every connection this process opened. Safe to call more than once. */
  close(): Promise<void>;
}

interface Consumer {
  connection: Redis;
  worker: Worker<unknown, HeartbeatResult>;
  queue: Queue;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      work,
      sleep(ms, "timeout" as const, { signal: timer.signal }).catch(() => "timeout" as const),
    ]);
  } finally {
    timer.abort();
  }
}

export function createWorkerApp(env: ServerEnv, log: Logger): WorkerApp {
  const stopping = new AbortController();
  const warnOnce = createRepeatFilter(log);
  const metrics = createMetrics();
  const database = createDatabase(env.DATABASE_URL, 4);
  const probeConnection = createProbeConnection(env.REDIS_URL, (error) =>
    warnOnce("Redis connection error", error),
  );
  let consumer: Consumer | undefined;
  let consuming = false;

  const health = createHealthServer({
    port: env.WORKER_HEALTH_PORT,
    registry: metrics.registry,
    consuming: () => consuming,
    probes: {
      postgres: () => database.$queryRaw`SELECT 1`,
      redis: () => probeConnection.ping(),
    },
  });

  /** Retries until the dependency answers; startup waits out a database that is still booting. */
  async function waitFor(what: string, check: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await check();
        return;
      } catch (error) {
        if (stopping.signal.aborted) throw error;
        // The first attempts race the connection being established; only a lasting failure is news.
        if (attempt >= 3)
          warnOnce(`${what} is not reachable yet; retrying`, new Error(errorMessage(error)));
        await sleep(1_000, undefined, { signal: stopping.signal });
      }
    }
  }

  /** Created only once Redis answers, so a shutdown during startup has no half-open queue to close. */
  async function startConsumer(): Promise<void> {
    if (stopping.signal.aborted) return;
    const connection = createQueueConnection(env.REDIS_URL, (error) =>
      warnOnce("Redis connection error", error),
    );
    const processor = createHousekeepingProcessor(log, (at) =>
      metrics.lastHeartbeat.set(at.getTime() / 1000),
    );
    const worker = new Worker<unknown, HeartbeatResult>(HOUSEKEEPING_QUEUE, processor, {
      connection,
      concurrency: env.WORKER_CONCURRENCY,
    });
    worker.on("error", (error) => warnOnce("queue worker error", error));
    worker.on("completed", () =>
      metrics.jobs.inc({ queue: HOUSEKEEPING_QUEUE, outcome: "completed" }),
    );
    worker.on("failed", (job, error) => {
      metrics.jobs.inc({ queue: HOUSEKEEPING_QUEUE, outcome: "failed" });
      log.error("job failed", {
        queue: HOUSEKEEPING_QUEUE,
        job: job?.name ?? null,
        error: error.message,
      });
    });
    const queue = new Queue(HOUSEKEEPING_QUEUE, { connection });
    queue.on("error", (error) => warnOnce("queue error", error));
    consumer = { connection, worker, queue };
    await worker.waitUntilReady();
    // Idempotent: every worker replica upserts the same scheduler id.
    await queue.upsertJobScheduler(
      HEARTBEAT_SCHEDULER_ID,
      { every: HEARTBEAT_EVERY_MS },
      { name: HEARTBEAT_JOB, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async function dependenciesReady(): Promise<void> {
    await Promise.all([
      waitFor("PostgreSQL", () => database.$queryRaw`SELECT 1`),
      waitFor("Redis", () => probeConnection.ping()).then(startConsumer),
    ]);
    consuming = true;
  }

  async function start(): Promise<void> {
    await listen(health, env.WORKER_HEALTH_PORT);
    const aborted = new Promise<never>((_, reject) => {
      stopping.signal.addEventListener("abort", () => reject(new Error("stopped during startup")), {
        once: true,
      });
    });
    await Promise.race([aborted, dependenciesReady()]);
  }

  async function step(
    name: string,
    work: () => Promise<unknown>,
    ms = CLOSE_STEP_TIMEOUT_MS,
  ): Promise<boolean> {
    try {
      if ((await withTimeout(work(), ms)) !== "timeout") return true;
      log.warn(`${name} did not finish in time`);
    } catch (error) {
      log.warn(`${name} failed`, { error: errorMessage(error) });
    }
    return false;
  }

  async function stopConsumer({ connection, worker, queue }: Consumer): Promise<void> {
    // Stop taking new jobs and let active ones finish; cut the connections only after the timeout.
    if (!(await step("draining the queue worker", () => worker.close(), DRAIN_TIMEOUT_MS))) {
      await step("disconnecting the queue worker", () => worker.disconnect());
    }
    if (!(await step("closing the queue", () => queue.close()))) {
      await step("disconnecting the queue", () => queue.disconnect());
    }
    await step("closing the queue connection", () => closeConnection(connection));
  }

  async function close(): Promise<void> {
    stopping.abort();
    consuming = false;
    await step("closing the health server", () => closeServer(health));
    if (consumer) await stopConsumer(consumer);
    await step("closing the Redis probe connection", () => closeConnection(probeConnection));
    await step("disconnecting from PostgreSQL", () => database.$disconnect());
  }

  let closing: Promise<void> | undefined;
  return {
    start,
    close: () => (closing ??= close()),
  };
}
