import { randomBytes } from "node:crypto";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxJobId } from "@tessera/core";
import { listen, type Database } from "@tessera/db";
import { createLogger } from "./logger";
import type { QueueSet } from "./queues";
import { Doorbell, OUTBOX_CHANNEL, relayOutboxOnce, startRelay } from "./relay";
import { createTestContext } from "./testing/handler-context";
import { createIsolatedDatabase, type IsolatedDatabase } from "./testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "./testing/queue-prefix";

let isolated: IsolatedDatabase;
let database: Database;
let harness: ReturnType<typeof createTestContext>;
const prefix = testQueuePrefix("relay");

beforeAll(async () => {
  isolated = await createIsolatedDatabase("relay");
  database = isolated.database;
  harness = createTestContext(database, prefix);
});

afterAll(async () => {
  await harness?.close();
  await isolated?.close();
  await obliterateQueues(prefix);
});

async function addEvents(count: number, type = "workload.launch") {
  const rows = Array.from({ length: count }, () => {
    const workloadId = `wl${randomBytes(8).toString("hex")}`;
    return { type, aggregateId: workloadId, payload: { workloadId } };
  });
  return database.outboxEvent.createManyAndReturn({ data: rows, select: { id: true } });
}

async function drain(queues: QueueSet, added: string[]) {
  for (;;) {
    const round = await relayOutboxOnce(database, queues, {
      batch: 20,
      onEnqueue: (_queue: Queue, jobIds) => added.push(...jobIds),
    });
    if (round.claimed === 0) return;
  }
}

describe("outbox relay", () => {
  it("enqueues each event exactly once when two relays race, and marks every event dispatched", async () => {
    const events = await addEvents(250);
    const first: string[] = [];
    const second: string[] = [];
    await Promise.all([drain(harness.queues, first), drain(harness.queues, second)]);

    const all = [...first, ...second];
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(all).toHaveLength(250);
    expect(new Set(all).size).toBe(250);
    expect(new Set(all)).toEqual(new Set(events.map((event) => outboxJobId(event.id))));
    const rows = await database.outboxEvent.findMany({
      where: { id: { in: events.map((event) => event.id) } },
    });
    expect(rows.every((row) => row.dispatchedAt !== null && row.attempts === 1)).toBe(true);
    const counts = await harness.queues.launch.getJobCounts("waiting");
    expect(counts.waiting).toBe(250);
    const job = await harness.queues.launch.getJob(outboxJobId(events[0]!.id));
    expect(job).toMatchObject({ name: "workload.launch", opts: { attempts: 8 } });
    expect(job!.opts.backoff).toEqual({ type: "exponential", delay: 1_000 });
    await harness.queues.launch.drain();
  });

  it("re-adding an event the queue already has makes no second job", async () => {
    const [event] = await addEvents(1);
    await relayOutboxOnce(database, harness.queues);
    // A relay that crashed after the add but before its commit: the row is undispatched again.
    await database.outboxEvent.update({ where: { id: event!.id }, data: { dispatchedAt: null } });
    await relayOutboxOnce(database, harness.queues);
    expect((await harness.queues.launch.getJobCounts("waiting")).waiting).toBe(1);
    await harness.queues.launch.drain();
  });

  it("leaves events undispatched when the queue cannot take them", async () => {
    const [event] = await addEvents(1, "workload.cancel");
    const broken: QueueSet = {
      ...harness.queues,
      cancel: {
        name: "cancel",
        addBulk: () => Promise.reject(new Error("Redis is not answering")),
      } as unknown as Queue,
    };
    await expect(relayOutboxOnce(database, broken)).rejects.toThrow("Redis is not answering");
    expect(
      (await database.outboxEvent.findUniqueOrThrow({ where: { id: event!.id } })).dispatchedAt,
    ).toBeNull();
    await relayOutboxOnce(database, harness.queues);
    expect(await harness.queues.cancel.getJob(outboxJobId(event!.id))).toBeDefined();
    await harness.queues.cancel.drain();
  });

  it("sets aside an event of an unknown type or with a malformed payload as a dead letter", async () => {
    const [unknown] = await addEvents(1, "workload.explode");
    const bad = await database.outboxEvent.create({
      data: { type: "tenant.provision", aggregateId: "x", payload: { organizationId: 42 } },
    });
    const round = await relayOutboxOnce(database, harness.queues);
    expect(round).toMatchObject({ claimed: 2, enqueued: 0, rejected: 2 });
    const letters = await database.deadLetter.findMany({
      where: { jobId: { in: [outboxJobId(unknown!.id), outboxJobId(bad.id)] } },
    });
    expect(letters.map((letter) => [letter.queue, letter.jobName]).sort()).toEqual([
      ["outbox", "tenant.provision"],
      ["outbox", "workload.explode"],
    ]);
    const rows = await database.outboxEvent.findMany({
      where: { id: { in: [unknown!.id, bad.id] } },
    });
    expect(rows.every((row) => row.dispatchedAt !== null && row.lastError)).toBe(true);
  });

  it("runs as a loop until stopped", async () => {
    const rounds: number[] = [];
    const loop = startRelay(database, harness.queues, createLogger("error"), {
      idleMs: 20,
      onRound: (round) => rounds.push(round.enqueued),
    });
    const events = await addEvents(3, "workload.cancel");
    for (let i = 0; i < 500; i += 1) {
      const pending = await database.outboxEvent.count({
        where: { id: { in: events.map((e) => e.id) }, dispatchedAt: null },
      });
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await loop.stop();
    expect(rounds.reduce((sum, n) => sum + n, 0)).toBe(3);
    const counts = await harness.queues.cancel.getJobCounts("waiting");
    expect(counts.waiting).toBe(3);
  });

  it("dispatches an event when its commit rings the doorbell, long before its next poll", async () => {
    const doorbell = new Doorbell();
    let listening = false;
    const listener = listen(isolated.url, OUTBOX_CHANNEL, {
      onNotify: () => doorbell.ring(),
      onListening: () => (listening = true),
    });
    const rounds: number[] = [];
    const loop = startRelay(database, harness.queues, createLogger("error"), {
      idleMs: 600_000,
      doorbell,
      onRound: (round) => rounds.push(round.claimed),
    });
    try {
      // Listening, and the first round (at start) has found the outbox empty.
      for (let i = 0; i < 200 && !(listening && rounds.length > 0); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(rounds).toEqual([0]);
      const events = await addEvents(2, "workload.cancel");
      let pending = events.length;
      for (let i = 0; i < 200 && pending > 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        pending = await database.outboxEvent.count({
          where: { id: { in: events.map((e) => e.id) }, dispatchedAt: null },
        });
      }
      // Only a ring can have started a round: the poll is ten minutes away.
      expect(pending).toBe(0);
    } finally {
      await loop.stop();
      await listener.close();
    }
  });
});
