/**
 * The baseline: plain BullMQ with nothing of Tessera in it — `add` no-op jobs from the same number
 * of concurrent clients and process them with the same total worker concurrency, on the same
 * Redis. What is left of our rate after dividing by this is the cost of the database, the outbox,
 * the relay, the handler and the driver.
 */
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";

export interface BaselineOptions {
  redisUrl: string;
  prefix: string;
  jobs: number;
  clients: number;
  workers: number;
  concurrency: number;
}

export async function runBaseline(options: BaselineOptions): Promise<{ seconds: number }> {
  const connections: Redis[] = [];
  const connect = () => {
    const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    connections.push(connection);
    return connection;
  };
  const name = "baseline";
  const queue = new Queue(name, { connection: connect(), prefix: options.prefix });
  let completed = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const workers = Array.from(
    { length: options.workers },
    () =>
      new Worker(name, () => Promise.resolve(), {
        connection: connect(),
        prefix: options.prefix,
        concurrency: options.concurrency,
      }),
  );
  for (const worker of workers) {
    worker.on("completed", () => {
      completed += 1;
      if (completed === options.jobs) resolveDone();
    });
  }
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (next < options.jobs) {
        const id = next;
        next += 1;
        await queue.add("noop", { id }, { jobId: `noop-${id}`, removeOnComplete: true });
      }
    }),
  );
  await done;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.close()));
  await queue.obliterate({ force: true });
  await queue.close();
  await Promise.all(connections.map((connection) => connection.quit()));
  return { seconds };
}
