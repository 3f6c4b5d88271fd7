import type { Redis, Result } from "ioredis";
import { ApiError } from "@tessera/openai";
import type { GatewayKey } from "./keys";

const WINDOW_MS = 60_000;

/**
 * Counts a request in the key's current minute and reads the minute's tokens, in one round trip.
 * A request over either limit is not counted. Returns [admitted, requests, tokens].
 */
const ADMIT = `
local requests = redis.call('INCR', KEYS[1])
if requests == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
local tokens = tonumber(redis.call('GET', KEYS[2]) or '0')
if requests > tonumber(ARGV[1]) or tokens >= tonumber(ARGV[2]) then
  redis.call('DECR', KEYS[1])
  return {0, requests - 1, tokens}
end
return {1, requests, tokens}`;

/** OpenAI writes a reset as a duration: "1s", "6m0s". */
function duration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

export interface Admission {
  headers: Record<string, string>;
  /** Where the request's tokens are added once it is known how many it used. */
  tokensKey: string;
}

declare module "ioredis" {
  interface RedisCommander<Context> {
    gatewayAdmit(
      requestsKey: string,
      tokensKey: string,
      requestLimit: number,
      tokenLimit: number,
      windowMs: number,
    ): Result<[number, number, number], Context>;
  }
}

/**
 * Per-key limits in fixed one-minute windows shared by every gateway process through Redis:
 * requests per minute, and tokens per minute (the tokens already used this minute; a request
 * is admitted while any remain and its own tokens are added when it ends).
 */
export class Limiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand("gatewayAdmit", { numberOfKeys: 2, lua: ADMIT });
  }

  async admit(key: GatewayKey, now: number): Promise<Admission> {
    const window = Math.floor(now / WINDOW_MS);
    const resetMs = (window + 1) * WINDOW_MS - now;
    const base = `${this.prefix}:gw:rl:${key.id}:${window}`;
    const tokensKey = `${base}:t`;
    const [admitted, requests, tokens] = await this.redis.gatewayAdmit(
      `${base}:r`,
      tokensKey,
      key.requestsPerMinute,
      key.tokensPerMinute,
      WINDOW_MS * 2,
    );
    const reset = duration(resetMs);
    const headers = {
      "x-ratelimit-limit-requests": String(key.requestsPerMinute),
      "x-ratelimit-remaining-requests": String(Math.max(0, key.requestsPerMinute - requests)),
      "x-ratelimit-reset-requests": reset,
      "x-ratelimit-limit-tokens": String(key.tokensPerMinute),
      "x-ratelimit-remaining-tokens": String(Math.max(0, key.tokensPerMinute - tokens)),
      "x-ratelimit-reset-tokens": reset,
    };
    if (admitted !== 1) {
      const which =
        requests >= key.requestsPerMinute
          ? `${key.requestsPerMinute} requests per minute`
          : `${key.tokensPerMinute} tokens per minute`;
      throw new ApiError(
        429,
        "rate_limit_exceeded",
        `This API key is limited to ${which}; try again in ${reset}.`,
        null,
        { ...headers, "retry-after": String(Math.ceil(resetMs / 1000)) },
      );
    }
    return { headers, tokensKey };
  }

  /** Adds what a request used to its minute (pipelined by the caller's connection). */
  spend(admission: Admission, tokens: number): void {
    if (tokens <= 0) return;
    this.redis
      .multi()
      .incrby(admission.tokensKey, tokens)
      .pexpire(admission.tokensKey, WINDOW_MS * 2)
      .exec()
      .catch(() => {
        // A lost increment only loosens the limit for this minute; the usage itself is metered.
      });
  }
}
