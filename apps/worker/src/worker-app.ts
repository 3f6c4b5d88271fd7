import { setTimeout as sleep } from "node:timers/promises";
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { ServerEnv } from "@tessera/config";
import { createStripeGateway } from "@tessera/core";
import { createDatabase, listen as listenFor, type Listener } from "@tessera/db";
import { createDriver, createEndpointDriver } from "@tessera/drivers";
import { createDeadLetterSink } from "./dead-letters";
import { createDriverRegistry, type DriverFactory } from "./drivers";
import { createEndpointDriverRegistry, type EndpointDriverFactory } from "./endpoint-drivers";
import {
  DEFAULT_HANDLER_SETTINGS,
  type HandlerContext,
  type HandlerSettings,
} from "./handlers/context";
import { closeServer, createHealthServer, listen } from "./health-server";
import { createRepeatFilter } from "./log-once";
import type { Logger } from "./logger";
import { createMetrics, registerScrapeGauges, type WorkerMetrics } from "./metrics";
import { createProcessors, type Processor, type QueueKey } from "./processors";
import { createQueues, OUTBOX_QUEUE_KEYS, queueList, type QueueSet } from "./queues";
import { closeConnection, createProbeConnection, createQueueConnection } from "./redis";
import { Doorbell, OUTBOX_CHANNEL, OUTBOX_RELAY_LEADER, startRelay, type RelayLoop } from "./relay";
import { keepSchedules, upsertSchedules, workerSchedules, type ScheduleKeeper } from "./schedulers";
import { redisSweepLock } from "./sweep-lock";

/** How long active jobs get to finish on shutdown before the worker stops waiting for them. */
const DRAIN_TIMEOUT_MS = 10_000;
/** Upper bound for each remaining close step (queue, Redis, PostgreSQL, HTTP). */
const CLOSE_STEP_TIMEOUT_MS = 3_000;

export interface WorkerApp {
  /** Resolves once PostgreSQL and Redis answer, the queues consume and the relay runs. */
  start(): Promise<void>;
  /** Drains and releases every connection this process opened. Safe to call more than once. */
  close(): Promise<void>;
  readonly metrics: WorkerMetrics;
}

export interface WorkerAppOptions {
  /** Builds a cluster's driver (createDriver from @tessera/drivers unless given; tests pass a double). */
  driverFactory?: DriverFactory;
  /** Builds a cluster's endpoint driver (createEndpointDriver from @tessera/drivers unless given). */
  endpointDriverFactory?: EndpointDriverFactory;
  settings?: Partial<HandlerSettings>;
  /** Relay pause while the outbox is empty. */
  relayIdleMs?: number;
}

interface Consumer {
  connection: Redis;
  queues: QueueSet;
  workers: Worker[];
  relay?: RelayLoop;
  listener?: Listener;
  keeper?: ScheduleKeeper;
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

/** Sweeps run one or two at a time per process; outbox jobs as many as WORKER_CONCURRENCY. */
function concurrencyOf(key: QueueKey, env: ServerEnv): number {
  if ((OUTBOX_QUEUE_KEYS as readonly string[]).includes(key)) return env.WORKER_CONCURRENCY;
  return key === "reconcile" ? 2 : 1;
}

export function createWorkerApp(
  env: ServerEnv,
  log: Logger,
  options: WorkerAppOptions = {},
): WorkerApp {
  const stopping = new AbortController();
  const warnOnce = createRepeatFilter(log);
  const metrics = createMetrics();
  const database = createDatabase(env.DATABASE_URL, Math.max(8, env.WORKER_CONCURRENCY * 2 + 4));
  const drivers = createDriverRegistry(
    database,
    options.driverFactory ?? ((cluster) => createDriver(cluster, { env, db: database })),
  );
  const endpoints = createEndpointDriverRegistry(
    database,
    options.endpointDriverFactory ??
      ((cluster) => createEndpointDriver(cluster, { env, db: database })),
  );
  const settings: HandlerSettings = {
    ...DEFAULT_HANDLER_SETTINGS,
    lostGraceSeconds: env.LOST_GRACE_SECONDS,
    sellerCountry: env.BILLING_SELLER_COUNTRY,
    invoiceGraceDays: env.INVOICE_GRACE_DAYS,
    invoiceBatchSize: env.INVOICE_BATCH_SIZE,
    invoiceConcurrency: env.INVOICE_CONCURRENCY,
    ...options.settings,
  };
  const deadLetters = createDeadLetterSink(database, log, (queue) =>
    metrics.deadLetters.inc({ queue }),
  );
  const probeConnection = createProbeConnection(env.REDIS_URL, (error) =>
    warnOnce("Redis connection error", error),
  );
  let consumer: Consumer | undefined;
  let consuming = false;

  registerScrapeGauges(metrics, {
    queues: () => (consumer ? queueList(consumer.queues) : []),
    database,
  });

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

  function timed(queue: string, processor: Processor) {
    return async (job: Job) => {
      const end = metrics.handlerSeconds.startTimer({ queue });
      try {
        const result = await processor(job);
        end({ outcome: "completed" });
        return result;
      } catch (error) {
        end({ outcome: "failed" });
        throw error;
      }
    };
  }

  function createConsumerWorker(
    key: QueueKey,
    processor: Processor,
    connection: Redis,
    queues: QueueSet,
  ): Worker {
    const name = queues[key].name;
    const worker = new Worker(name, timed(name, processor), {
      connection,
      prefix: env.QUEUE_PREFIX,
      concurrency: concurrencyOf(key, env),
    });
    worker.on("error", (error) => warnOnce(`queue worker error (${name})`, error));
    worker.on("completed", () => metrics.jobs.inc({ queue: name, outcome: "completed" }));
    worker.on("failed", (job, error) => {
      metrics.jobs.inc({ queue: name, outcome: "failed" });
      const outbox = (OUTBOX_QUEUE_KEYS as readonly string[]).includes(key);
      const final = outbox ? deadLetters.onFailed(name, job, error) : true;
      metrics.failures.inc({ queue: name, final: String(final) });
      log.warn("job failed", {
        queue: name,
        job: job?.name ?? null,
        jobId: job?.id ?? null,
        attempt: job?.attemptsMade ?? null,
        final,
        error: error.message,
      });
    });
    return worker;
  }

  /** Created only once Redis answers, so a shutdown during startup has no half-open queue to close. */
  async function startConsumer(): Promise<void> {
    if (stopping.signal.aborted) return;
    const connection = createQueueConnection(env.REDIS_URL, (error) =>
      warnOnce("Redis connection error", error),
    );
    const queues = createQueues(connection, env.QUEUE_PREFIX);
    for (const queue of queueList(queues)) {
      queue.on("error", (error) => warnOnce(`queue error (${queue.name})`, error));
    }
    const context: HandlerContext = {
      database,
      drivers,
      endpoints,
      queues,
      log,
      settings,
      stripe: env.STRIPE_SECRET_KEY
        ? createStripeGateway({ secretKey: env.STRIPE_SECRET_KEY, apiUrl: env.STRIPE_API_URL })
        : null,
      sweepLock: redisSweepLock(connection, env.QUEUE_PREFIX),
    };
    const processors = createProcessors(context, (at) =>
      metrics.lastHeartbeat.set(at.getTime() / 1000),
    );
    const workers = (Object.keys(processors) as QueueKey[]).map((key) =>
      createConsumerWorker(key, processors[key], connection, queues),
    );
    consumer = { connection, queues, workers };
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    const schedules = workerSchedules(env);
    await upsertSchedules(queues, schedules);
    if (stopping.signal.aborted) return;
    consumer.keeper = keepSchedules(queues, schedules, (error) =>
      warnOnce("could not refresh the schedules", error),
    );
    const doorbell = new Doorbell();
    const listener = listenFor(env.DATABASE_URL, OUTBOX_CHANNEL, {
      // One relay answers the bell: the others would claim the same events' neighbours, or
      // nothing, at the same moment. They keep polling, and take over when the leader is gone.
      leadership: OUTBOX_RELAY_LEADER,
      onNotify: () => {
        if (listener.leading()) doorbell.ring();
      },
      // Events written while nobody listened rang no bell: look once when listening (again).
      onListening: () => {
        metrics.outboxListening.set(1);
        doorbell.ring();
      },
      onError: (error) => {
        metrics.outboxListening.set(0);
        warnOnce("lost the outbox notification connection", error);
      },
    });
    consumer.listener = listener;
    consumer.relay = startRelay(database, queues, log, {
      idleMs: options.relayIdleMs,
      doorbell,
      onRound: (round) => {
        for (const lag of round.lagSeconds) metrics.relayLagSeconds.observe(lag);
      },
      onError: (error) => warnOnce("outbox relay round failed", error),
    });
  }

  async function dependenciesReady(): Promise<void> {
    await Promise.all([
      waitFor("PostgreSQL", () => database.$queryRaw`SELECT 1`),
      waitFor("Redis", () => probeConnection.ping()),
    ]);
    await startConsumer();
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

  async function stopConsumer({ connection, queues, workers, relay, listener, keeper }: Consumer) {
    keeper?.stop();
    // The relay first: a round in progress commits or rolls back; no new jobs are enqueued.
    if (relay) await step("stopping the outbox relay", () => relay.stop(), DRAIN_TIMEOUT_MS);
    if (listener) await step("closing the outbox listener", () => listener.close());
    // Stop taking new jobs and let active ones finish; cut the connections only after the timeout.
    await Promise.all(
      workers.map(async (worker) => {
        if (!(await step(`draining ${worker.name}`, () => worker.close(), DRAIN_TIMEOUT_MS))) {
          await step(`disconnecting ${worker.name}`, () => worker.disconnect());
        }
      }),
    );
    await step("recording dead letters", () => deadLetters.flush());
    await Promise.all(
      queueList(queues).map(async (queue) => {
        if (!(await step(`closing ${queue.name}`, () => queue.close()))) {
          await step(`disconnecting ${queue.name}`, () => queue.disconnect());
        }
      }),
    );
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
    metrics,
  };
}
