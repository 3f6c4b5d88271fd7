/**
 * The Redis keys under a queue prefix (`<prefix>:*`): the BullMQ queues, the gateway's usage
 * spool and limits. Benchmarks remove their own prefix when they finish; infra/up.sh --fresh
 * removes the demo's, since the new database numbers its outbox events from 1 again and a queue
 * job kept from the old one would stand in for a new event of the same number.
 */
import { Redis } from "ioredis";

export async function removePrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let removed = 0;
  try {
    let cursor = "0";
    do {
      const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = nextCursor;
      if (keys.length > 0) removed += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
  return removed;
}
