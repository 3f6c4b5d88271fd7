import { setTimeout as sleep } from "node:timers/promises";
import type { BulkJobOptions, Queue } from "bullmq";
import {
  OUTBOX_JOB_OPTIONS,
  OUTBOX_PAYLOADS,
  TX_OPTIONS,
  isOutboxEventType,
  outboxJobId,
  recordDeadLetter,
} from "@tessera/core";
import type { Database } from "@tessera/db";
import type { Logger } from "./logger";
import { queueForEventType, type QueueSet } from "./queues";

/** Events claimed per transaction; a full batch means more are waiting, so the relay goes again at once. */
export const RELAY_BATCH = 100;
/** Pause between polls while the outbox is empty. */
export const RELAY_IDLE_MS = 200;
/** Pause after a failed round (Redis or PostgreSQL away) before trying again. */
const RELAY_ERROR_BACKOFF_MS = 1_000;

interface ClaimedEvent {
  id: bigint;
  type: string;
  payload: unknown;
  createdAt: Date;
}

export interface RelayRound {
  claimed: number;
  enqueued: number;
  /** Events no queue takes or whose payload is malformed: set aside as dead letters. */
  rejected: number;
  /** Seconds from each enqueued event's creation to its dispatch. */
  lagSeconds: number[];
}

export interface RelayOptions {
  batch?: number;
  /** Called with each group of jobs just before it is added (tests count adds with it). */
  onEnqueue?: (queue: Queue, jobIds: string[]) => void;
}

/**
 * One relay round in one transaction: claim undispatched outbox rows (FOR UPDATE SKIP LOCKED, so
 * relays in several worker processes never claim the same row), add one queue job per event with
 * the deterministic id `outbox-<id>`, then mark the rows dispatched. The add happens before the
 * commit: a crash in between leaves the rows undispatched and the next round adds the same job
 * ids again, which the queue ignores. A failed add rolls the round back.
 */
export async function relayOutboxOnce(
  database: Database,
  queues: QueueSet,
  options: RelayOptions = {},
): Promise<RelayRound> {
  const limit = options.batch ?? RELAY_BATCH;
  const round = await database.$transaction(async (tx) => {
    const events = await tx.$queryRaw<ClaimedEvent[]>`
      SELECT "id", "type", "payload", "createdAt" FROM "OutboxEvent"
       WHERE "dispatchedAt" IS NULL
       ORDER BY "id"
       LIMIT ${limit}
         FOR UPDATE SKIP LOCKED`;
    const groups = new Map<Queue, { name: string; data: unknown; opts: BulkJobOptions }[]>();
    const rejected: { event: ClaimedEvent; error: string }[] = [];
    for (const event of events) {
      const queue = queueForEventType(queues, event.type);
      const parsed = isOutboxEventType(event.type)
        ? OUTBOX_PAYLOADS[event.type].safeParse(event.payload)
        : null;
      if (!queue || !parsed?.success) {
        rejected.push({
          event,
          error: queue
            ? `Malformed ${event.type} payload: ${parsed?.error?.message ?? "unreadable"}`
            : `No queue takes outbox events of type "${event.type}".`,
        });
        continue;
      }
      const jobs = groups.get(queue) ?? [];
      jobs.push({
        name: event.type,
        data: parsed.data,
        opts: { ...OUTBOX_JOB_OPTIONS, jobId: outboxJobId(event.id) },
      });
      groups.set(queue, jobs);
    }
    for (const [queue, jobs] of groups) {
      options.onEnqueue?.(
        queue,
        jobs.map((job) => job.opts.jobId ?? ""),
      );
      await queue.addBulk(jobs);
    }
    const now = new Date();
    if (events.length > 0) {
      const ids = events.map((event) => event.id);
      const reasons = new Map(rejected.map(({ event, error }) => [event.id, error]));
      await tx.$executeRaw`
        UPDATE "OutboxEvent" SET "dispatchedAt" = ${now}, "attempts" = "attempts" + 1
         WHERE "id" = ANY(${ids}::bigint[])`;
      for (const [id, error] of reasons) {
        await tx.$executeRaw`UPDATE "OutboxEvent" SET "lastError" = ${error} WHERE "id" = ${id}`;
      }
    }
    const enqueued = events.filter((event) => !rejected.some((r) => r.event.id === event.id));
    return {
      claimed: events.length,
      enqueued: enqueued.length,
      rejected,
      lagSeconds: enqueued.map((event) => (now.getTime() - event.createdAt.getTime()) / 1000),
    };
  }, TX_OPTIONS);
  // Kept for operators outside the claim transaction: a dead letter is not part of the dispatch.
  for (const { event, error } of round.rejected) {
    await recordDeadLetter(database, {
      queue: "outbox",
      jobId: outboxJobId(event.id),
      jobName: event.type,
      payload: event.payload,
      error,
      attempts: 1,
    });
  }
  return { ...round, rejected: round.rejected.length };
}

export interface RelayLoop {
  /** Stops polling and waits for the round in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Polls the outbox until stopped: again at once after a full batch, after RELAY_IDLE_MS when it
 * was idle, after a pause when a round failed (the failure is logged once per window).
 */
export function startRelay(
  database: Database,
  queues: QueueSet,
  log: Logger,
  hooks: {
    onRound?: (round: RelayRound) => void;
    onError?: (error: Error) => void;
    idleMs?: number;
  } = {},
): RelayLoop {
  const stopping = new AbortController();
  const idleMs = hooks.idleMs ?? RELAY_IDLE_MS;
  const pause = (ms: number) =>
    sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      let round: RelayRound;
      try {
        round = await relayOutboxOnce(database, queues);
        hooks.onRound?.(round);
        if (round.rejected > 0) {
          log.error("outbox events set aside as dead letters", { count: round.rejected });
        }
      } catch (error) {
        hooks.onError?.(error instanceof Error ? error : new Error(String(error)));
        await pause(RELAY_ERROR_BACKOFF_MS);
        continue;
      }
      if (round.claimed < RELAY_BATCH) await pause(idleMs);
    }
  }

  const running = loop();
  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
