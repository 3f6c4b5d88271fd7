import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * At most one holder of a named sweep across every worker process of a deployment: a sweep that
 * outlasts its period (a slow backend, a loaded machine) is not joined by a second copy doing the
 * same work. The lock expires on its own (ttl), so a process killed mid-sweep holds it up for at
 * most that long. Only for work that is safe to run twice anyway: the lock saves effort, it does
 * not make anything correct.
 */
export interface SweepLock {
  /** A token when this caller now holds the sweep, null when another holder has it. */
  tryAcquire(name: string, ttlMs: number): Promise<string | null>;
  /** Lets go of the sweep if this token still holds it. */
  release(name: string, token: string): Promise<void>;
}

// Deletes the key only if it still holds the caller's token (not a later holder's).
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;

export function redisSweepLock(redis: Redis, prefix: string): SweepLock {
  const key = (name: string) => `${prefix}:tessera:sweep:${name}`;
  return {
    async tryAcquire(name, ttlMs) {
      const token = randomUUID();
      const set = await redis.set(key(name), token, "PX", ttlMs, "NX");
      return set === "OK" ? token : null;
    },
    async release(name, token) {
      await redis.eval(RELEASE, 1, key(name), token);
    },
  };
}

/** Runs `sweep` under the lock; returns null without running it while another holder has it. */
export async function underSweepLock<T>(
  lock: SweepLock | undefined,
  name: string,
  ttlMs: number,
  sweep: () => Promise<T>,
): Promise<T | null> {
  if (!lock) return sweep();
  const token = await lock.tryAcquire(name, ttlMs);
  if (!token) return null;
  try {
    return await sweep();
  } finally {
    await lock.release(name, token);
  }
}
