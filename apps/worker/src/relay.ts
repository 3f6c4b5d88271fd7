import { setTimeout as sleep } from "node:timers/promises";
import type { BulkJobOptions, Queue } from "bullmq";
import {
  OUTBOX_JOB_OPTIONS,
  OUTBOX_PAYLOADS,
  isOutboxEventType,
  outboxJobId,
  recordDeadLetter,
} from "@tessera/core";
import { Prisma, rawTransaction, type Database } from "@tessera/db";
import type { Logger } from "./logger";
import { queueForEventType, type QueueSet } from "./queues";

/** Events claimed per transaction; a full batch means more are waiting, so the relay goes again at once. */
export const RELAY_BATCH = 100;
/** Pause between polls while the outbox is empty. */
export const RELAY_IDLE_MS = 200;
/** After a ring, how long the relay lets the commits right behind it land before it claims. */
export const RELAY_GATHER_MS = 5;
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
 * One relay round in one transaction: claim undispatched outbox rows and mark them dispatched
 * (FOR UPDATE SKIP LOCKED, so relays in several worker processes never claim the same row), add
 * one queue job per event with the deterministic id `outbox-<id>`, then commit. The add happens
 * before the commit: a crash in between leaves the rows undispatched and the next round adds the
 * same job ids again, which the queue ignores. A failed add rolls the round back.
 */
export async function relayOutboxOnce(
  database: Database,
  queues: QueueSet,
  options: RelayOptions = {},
): Promise<RelayRound> {
  const limit = options.batch ?? RELAY_BATCH;
  const round = await rawTransaction(database, async (statement) => {
    // Claimed and marked dispatched in one statement; the mark commits only after the adds.
    const now = new Date();
    const events = await statement<ClaimedEvent>(Prisma.sql`
      UPDATE "OutboxEvent" SET "dispatchedAt" = ${now}::timestamptz AT TIME ZONE 'UTC',
                               "attempts" = "attempts" + 1
       WHERE "id" IN (SELECT "id" FROM "OutboxEvent"
                       WHERE "dispatchedAt" IS NULL
                       ORDER BY "id"
                       LIMIT ${limit}
                         FOR UPDATE SKIP LOCKED)
      RETURNING "id", "type", "payload", "createdAt"`);
    events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
    for (const { event, error } of rejected) {
      await statement(
        Prisma.sql`UPDATE "OutboxEvent" SET "lastError" = ${error} WHERE "id" = ${event.id}`,
      );
    }
    const enqueued = events.filter((event) => !rejected.some((r) => r.event.id === event.id));
    return {
      claimed: events.length,
      enqueued: enqueued.length,
      rejected,
      lagSeconds: enqueued.map((event) => (now.getTime() - event.createdAt.getTime()) / 1000),
    };
  });
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

/**
 * Wakes the relay when outbox events are written (PostgreSQL notifies the channel OUTBOX_CHANNEL
 * at each commit that wrote some). A ring while the relay is busy is remembered, so the events
 * of a commit that raced a round are claimed by the next round at once.
 */
export class Doorbell {
  private rung = false;
  private wake: (() => void) | undefined;

  ring(): void {
    this.rung = true;
    this.wake?.();
  }

  /**
   * Resolves at the next ring (or at once if one came since the last wait), after `ms`, or on
   * abort; true when a ring ended the wait.
   */
  async wait(ms: number, signal: AbortSignal): Promise<boolean> {
    if (!this.rung && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener("abort", done);
        this.wake = done;
      });
    }
    const rung = this.rung;
    this.rung = false;
    return rung;
  }
}

/** The channel outbox writes notify (migration 20261123014500_outbox_notify). */
export const OUTBOX_CHANNEL = "tessera_outbox";
/** The advisory lock whose holder's relay answers the bell (the others poll). */
export const OUTBOX_RELAY_LEADER = 7_355_609;

export interface RelayLoop {
  /** Stops polling and waits for the round in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Relays the outbox until stopped: again at once after a full batch or when the doorbell rings,
 * after RELAY_IDLE_MS otherwise (the poll that finds events whose ring was missed), after a
 * pause when a round failed (the failure is logged once per window).
 */
export function startRelay(
  database: Database,
  queues: QueueSet,
  log: Logger,
  hooks: {
    onRound?: (round: RelayRound) => void;
    onError?: (error: Error) => void;
    idleMs?: number;
    /** Rung when outbox events are written; without one the relay only polls. */
    doorbell?: Doorbell;
  } = {},
): RelayLoop {
  const stopping = new AbortController();
  const idleMs = hooks.idleMs ?? RELAY_IDLE_MS;
  const doorbell = hooks.doorbell ?? new Doorbell();
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
      if (round.claimed >= RELAY_BATCH) continue;
      // After a ring, the commits right behind the one that rang join the same round.
      if (await doorbell.wait(idleMs, stopping.signal)) await pause(RELAY_GATHER_MS);
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
