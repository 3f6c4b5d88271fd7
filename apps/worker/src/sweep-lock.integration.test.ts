import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { redisSweepLock, underSweepLock } from "./sweep-lock";
import { obliterateQueues, testQueuePrefix } from "./testing/queue-prefix";

const prefix = testQueuePrefix("sweep-lock");
const redis = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: 1 });

afterAll(async () => {
  await redis.del(`${prefix}:tessera:sweep:track`, `${prefix}:tessera:sweep:expiring`);
  await redis.quit();
  await obliterateQueues(prefix);
});

describe("sweep lock", () => {
  it("runs one of two overlapping sweeps and the next one after it", async () => {
    // Two processes' locks over the same Redis and prefix.
    const first = redisSweepLock(redis, prefix);
    const second = redisSweepLock(redis, prefix);
    let running = 0;
    let most = 0;
    const sweep = async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(150);
      running -= 1;
      return "swept";
    };
    const results = await Promise.all([
      underSweepLock(first, "track", 10_000, sweep),
      underSweepLock(second, "track", 10_000, sweep),
    ]);
    expect(results.sort()).toEqual([null, "swept"].sort());
    expect(most).toBe(1);
    // Released: the next period's sweep runs.
    expect(await underSweepLock(second, "track", 10_000, sweep)).toBe("swept");
  });

  it("lets go of a sweep whose holder vanished after the time to live, and never frees a later holder's lock", async () => {
    const lock = redisSweepLock(redis, prefix);
    const dead = await lock.tryAcquire("expiring", 200);
    expect(dead).not.toBeNull();
    expect(await lock.tryAcquire("expiring", 200)).toBeNull();
    await sleep(300);
    const alive = await lock.tryAcquire("expiring", 10_000);
    expect(alive).not.toBeNull();
    // The vanished holder's late release must not free the new holder's lock.
    await lock.release("expiring", dead!);
    expect(await lock.tryAcquire("expiring", 10_000)).toBeNull();
    await lock.release("expiring", alive!);
    expect(await lock.tryAcquire("expiring", 10_000)).not.toBeNull();
  });

  it("runs the sweep unlocked when no lock is configured (tests, single process)", async () => {
    expect(await underSweepLock(undefined, "track", 1_000, () => Promise.resolve(42))).toBe(42);
  });
});
