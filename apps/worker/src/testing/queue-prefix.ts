/** Queue prefixes for tests (tests only): under the run's QUEUE_PREFIX, one per test file. */
import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { serverEnv } from "@tessera/config";
import { WORKER_QUEUES } from "@tessera/core";

export function testQueuePrefix(name: string): string {
  return `${serverEnv().QUEUE_PREFIX}_${name}_${randomBytes(3).toString("hex")}`.slice(0, 40);
}

/**
 * What a Redis flush does to the worker, limited to this test's prefix (other engineers' runs
 * share the Redis): every queue, job and schedule under the prefix is gone.
 */
export async function obliterateQueues(prefix: string): Promise<void> {
  const connection = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: null });
  try {
    for (const name of Object.values(WORKER_QUEUES)) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    await connection.quit();
  }
}
