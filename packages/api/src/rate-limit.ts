import { z } from "zod";
import { serverEnv } from "@tessera/config";
import { AppError } from "@tessera/core";
import { apiRedis, closeApiRedis } from "./redis";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

// Fixed window: the first hit creates the counter with the window as its lifetime. Done in one
// script so the counter can never be left without an expiry.
const FIXED_WINDOW = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

const scriptResult = z.tuple([z.number(), z.number()]);

/**
 * Counts one hit on `key` and says whether it is within `limit` hits per `windowSeconds`.
 * When Redis is unreachable the request is allowed (and a warning logged): Redis holds no state
 * Tessera cannot lose, and an outage of it must not lock everyone out of signing in.
 */
export async function rateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateLimitResult> {
  if (serverEnv().RATE_LIMIT_DISABLED) {
    return { allowed: true, limit, remaining: limit, retryAfterSeconds: 0 };
  }
  try {
    const [count, ttl] = scriptResult.parse(
      await apiRedis().eval(FIXED_WINDOW, 1, `tessera:rate:${key}`, windowSeconds),
    );
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: Math.max(1, ttl),
    };
  } catch (error) {
    console.warn(
      `Rate limiter unavailable, allowing ${key.split(":")[0]}: ${(error as Error).message}`,
    );
    return { allowed: true, limit, remaining: limit, retryAfterSeconds: 0 };
  }
}

export function retryAfterText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "1 minute" : `${minutes} minutes`;
}

/** Counts a hit and refuses with TOO_MANY_REQUESTS once the window's limit is used up. */
export async function enforceRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  what: string,
) {
  const result = await rateLimit(key, limit, windowSeconds);
  if (!result.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many ${what}. Try again in ${retryAfterText(result.retryAfterSeconds)}.`,
      { retryAfterSeconds: result.retryAfterSeconds },
    );
  }
  return result;
}

/**
 * Closes the API's Redis connection (shared with the gateway key announcements) so the process can
 * exit (tests, shutdown hooks).
 */
export async function closeRateLimiter(): Promise<void> {
  await closeApiRedis();
}
