import type { Redis, Result } from "ioredis";
import { ApiError } from "@tessera/openai";
import type { GatewayKey } from "./keys";

const WINDOW_MS = 60_000;
/** How often each process adds what it admitted locally to the shared counts, and reads them. */
const SYNC_MS = 100;
/** Below this share of a limit a request is admitted locally; above it, only by Redis. */
const LOCAL_SHARE = 0.8;

/**
 * Adds a process's pending counts to the key's minute and reads the totals, in one round trip;
 * with ARGV[6] = 1 it also counts one more request, unless that would pass either limit.
 * Returns [admitted, requests, tokens].
 */
const SYNC = `
local requests = redis.call('INCRBY', KEYS[1], ARGV[1])
local tokens = redis.call('INCRBY', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
if ARGV[6] ~= '1' then return {1, requests, tokens} end
if requests + 1 > tonumber(ARGV[3]) or tokens >= tonumber(ARGV[4]) then
  return {0, requests, tokens}
end
return {1, redis.call('INCR', KEYS[1]), tokens}`;

declare module "ioredis" {
  interface RedisCommander<Context> {
    gatewayLimits(
      requestsKey: string,
      tokensKey: string,
      pendingRequests: number,
      pendingTokens: number,
      requestLimit: number,
      tokenLimit: number,
      ttlMs: number,
      admitOne: 0 | 1,
    ): Result<[number, number, number], Context>;
  }
}

/** OpenAI writes a reset as a duration: "1s", "6m0s". */
function duration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/** One key's minute as this process sees it. */
interface Minute {
  keyId: string;
  window: number;
  requestLimit: number;
  tokenLimit: number;
  /** The shared totals as last read from Redis (this process's synced counts included). */
  requests: number;
  tokens: number;
  /** Admitted or spent here, not yet added to Redis. */
  pendingRequests: number;
  pendingTokens: number;
  synced: boolean;
}

export interface Admission {
  headers: Record<string, string>;
  minute: Minute;
}

/**
 * Per-key limits in one-minute windows shared by every gateway process through Redis: requests
 * per minute, and tokens per minute (a request is admitted while any of the minute's tokens
 * remain; its own are added when it ends). Far from a limit a process admits on its own counts
 * and adds them to Redis every SYNC_MS, so the hot path makes no round trip; from LOCAL_SHARE
 * of a limit on, and for a key's first request of a minute, every admission is decided by Redis
 * atomically, so the limit holds exactly when it matters. Between syncs, processes see each
 * other's counts up to SYNC_MS late: a burst across many processes can pass LOCAL_SHARE by what
 * they admit in that time, never the limit itself by more.
 */
export class Limiter {
  private readonly minutes = new Map<string, Minute>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand("gatewayLimits", { numberOfKeys: 2, lua: SYNC });
  }

  start(): void {
    this.timer = setInterval(() => void this.syncAll(), SYNC_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.syncAll();
  }

  async admit(key: GatewayKey, now: number): Promise<Admission> {
    const window = Math.floor(now / WINDOW_MS);
    const id = `${key.id}:${window}`;
    let minute = this.minutes.get(id);
    if (!minute) {
      minute = {
        keyId: key.id,
        window,
        requestLimit: key.requestsPerMinute,
        tokenLimit: key.tokensPerMinute,
        requests: 0,
        tokens: 0,
        pendingRequests: 0,
        pendingTokens: 0,
        synced: false,
      };
      this.minutes.set(id, minute);
    }
    minute.requestLimit = key.requestsPerMinute;
    minute.tokenLimit = key.tokensPerMinute;
    const requests = minute.requests + minute.pendingRequests;
    const tokens = minute.tokens + minute.pendingTokens;
    const local =
      minute.synced &&
      requests + 1 <= key.requestsPerMinute * LOCAL_SHARE &&
      tokens < key.tokensPerMinute * LOCAL_SHARE;
    let admitted = true;
    if (local) {
      minute.pendingRequests++;
    } else {
      admitted = await this.sync(minute, true);
    }
    const resetMs = (window + 1) * WINDOW_MS - now;
    const reset = duration(resetMs);
    const headers = {
      "x-ratelimit-limit-requests": String(key.requestsPerMinute),
      "x-ratelimit-remaining-requests": String(
        Math.max(0, key.requestsPerMinute - minute.requests - minute.pendingRequests),
      ),
      "x-ratelimit-reset-requests": reset,
      "x-ratelimit-limit-tokens": String(key.tokensPerMinute),
      "x-ratelimit-remaining-tokens": String(
        Math.max(0, key.tokensPerMinute - minute.tokens - minute.pendingTokens),
      ),
      "x-ratelimit-reset-tokens": reset,
    };
    if (!admitted) {
      const which =
        minute.requests + 1 > key.requestsPerMinute
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
    return { headers, minute };
  }

  /**
   * Adds what a request used to its minute (sent to Redis with the next sync), and returns the
   * tokens the minute has left now, so that an answer sent after this counts its own tokens.
   */
  spend(admission: Admission, tokens: number): number {
    const minute = admission.minute;
    if (tokens > 0) minute.pendingTokens += tokens;
    return Math.max(0, minute.tokenLimit - minute.tokens - minute.pendingTokens);
  }

  private async sync(minute: Minute, admitOne: boolean): Promise<boolean> {
    const pendingRequests = minute.pendingRequests;
    const pendingTokens = minute.pendingTokens;
    minute.pendingRequests = 0;
    minute.pendingTokens = 0;
    const base = `${this.prefix}:gw:rl:${minute.keyId}:${minute.window}`;
    try {
      const [admitted, requests, tokens] = await this.redis.gatewayLimits(
        `${base}:r`,
        `${base}:t`,
        pendingRequests,
        pendingTokens,
        minute.requestLimit,
        minute.tokenLimit,
        WINDOW_MS * 2,
        admitOne ? 1 : 0,
      );
      minute.requests = requests;
      minute.tokens = tokens;
      minute.synced = true;
      return admitted === 1;
    } catch (error) {
      // Not lost: added again with the next sync.
      minute.pendingRequests += pendingRequests;
      minute.pendingTokens += pendingTokens;
      throw error;
    }
  }

  private async syncAll(): Promise<void> {
    const current = Math.floor(Date.now() / WINDOW_MS);
    await Promise.all(
      [...this.minutes].map(async ([id, minute]) => {
        if (minute.pendingRequests > 0 || minute.pendingTokens > 0) {
          await this.sync(minute, false).catch(() => undefined);
        }
        const idle = minute.pendingRequests === 0 && minute.pendingTokens === 0;
        if (minute.window < current && idle) this.minutes.delete(id);
      }),
    );
  }
}
