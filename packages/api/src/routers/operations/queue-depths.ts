import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { serverEnv } from "@tessera/config";
import { WORKER_QUEUES, type QueueDepth } from "@tessera/core";

let connection: Redis | undefined;

function redis(): Redis {
  connection ??= new Redis(serverEnv().REDIS_URL, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  connection.on("error", () => {});
  return connection;
}

/**
 * Depth of each worker queue, read from Redis. Redis holds queues only, so when it cannot be
 * reached the overview says so (null) rather than failing the whole page.
 */
export async function readQueueDepths(): Promise<QueueDepth[] | null> {
  const prefix = serverEnv().QUEUE_PREFIX;
  try {
    return await Promise.all(
      Object.values(WORKER_QUEUES).map(async (name) => {
        const queue = new Queue(name, { connection: redis(), prefix });
        const counts = await queue.getJobCounts(
          "waiting",
          "prioritized",
          "active",
          "delayed",
          "failed",
        );
        return {
          name,
          waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
        };
      }),
    );
  } catch {
    return null;
  }
}

/** Closes the Redis connection so the process can exit (tests, shutdown hooks). */
export async function closeQueueDepthConnection(): Promise<void> {
  const open = connection;
  connection = undefined;
  await open?.quit().catch(() => open.disconnect());
}
