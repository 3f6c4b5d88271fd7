import { z } from "zod";
import { parseEnv, type EnvSource } from "@tessera/config";
import { TOKEN_LEASE_MS } from "@tessera/core/token-lease";

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * Every setting the gateway reads, with its default. The README's table mirrors this schema;
 * `process.env` is read only by main.ts, which passes it here.
 */
export const gatewayEnvSchema = z.object({
  GATEWAY_PORT: port.optional(),
  /** The port a container platform hands out; GATEWAY_PORT wins when both are set. */
  PORT: port.optional(),
  GATEWAY_HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@localhost:5432/tessera"),
  REDIS_URL: z.string().min(1).default("redis://127.0.0.1:6379"),
  /** Prefix of the gateway's Redis keys (limits, the usage spool); the worker's queue prefix. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i)
    .default("tessera"),
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(67_108_864).default(4_194_304),
  /** How often keys and routes are re-read from PostgreSQL (revocation also arrives by Redis). */
  GATEWAY_REFRESH_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** How long a request for a sleeping endpoint waits unless it sends X-Scale-Up-Timeout. */
  GATEWAY_SCALE_UP_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** What the gateway tells a client to expect when an endpoint is still waking. */
  GATEWAY_EXPECTED_WAKE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** Upstream time to response headers (a model may think for long before its first byte). */
  GATEWAY_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(300_000),
  /** Usage records written to PostgreSQL per batch, and how long a batch may wait. */
  GATEWAY_METER_BATCH: z.coerce.number().int().min(1).max(10_000).default(1_000),
  GATEWAY_METER_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  /** A spooled record no process has written after this long is taken over by another. */
  GATEWAY_METER_CLAIM_IDLE_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Tokens one lease holds on an allocation line of tokens (a shared model's tier). */
  GATEWAY_LEASE_TOKENS: z.coerce.number().int().min(100).max(100_000_000).default(100_000),
  /** How long a lease is spent from before it is settled and the next one placed. */
  GATEWAY_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(TOKEN_LEASE_MS),
  GATEWAY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export const DEFAULT_PORT = 3400;

export interface GatewayConfig {
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  maxBodyBytes: number;
  refreshMs: number;
  scaleUpTimeoutMs: number;
  expectedWakeSeconds: number;
  upstreamTimeoutMs: number;
  meterBatch: number;
  meterFlushMs: number;
  meterClaimIdleMs: number;
  leaseTokens: number;
  leaseMs: number;
  shutdownGraceMs: number;
}

export function loadConfig(env: EnvSource): GatewayConfig {
  const parsed = parseEnv(gatewayEnvSchema, env);
  return {
    host: parsed.GATEWAY_HOST,
    port: parsed.GATEWAY_PORT ?? parsed.PORT ?? DEFAULT_PORT,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    prefix: parsed.QUEUE_PREFIX,
    maxBodyBytes: parsed.GATEWAY_MAX_BODY_BYTES,
    refreshMs: parsed.GATEWAY_REFRESH_MS,
    scaleUpTimeoutMs: parsed.GATEWAY_SCALE_UP_TIMEOUT_MS,
    expectedWakeSeconds: parsed.GATEWAY_EXPECTED_WAKE_SECONDS,
    upstreamTimeoutMs: parsed.GATEWAY_UPSTREAM_TIMEOUT_MS,
    meterBatch: parsed.GATEWAY_METER_BATCH,
    meterFlushMs: parsed.GATEWAY_METER_FLUSH_MS,
    meterClaimIdleMs: parsed.GATEWAY_METER_CLAIM_IDLE_MS,
    leaseTokens: parsed.GATEWAY_LEASE_TOKENS,
    leaseMs: parsed.GATEWAY_LEASE_MS,
    shutdownGraceMs: parsed.GATEWAY_SHUTDOWN_GRACE_MS,
  };
}
