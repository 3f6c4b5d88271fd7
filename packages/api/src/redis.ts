import { Redis } from "ioredis";
import { serverEnv } from "@tessera/config";

let client: Redis | undefined;

/**
 * The API's one Redis connection, for rate limits and for announcing key changes to the gateways.
 * Redis holds nothing the portal cannot lose, so a command gives up within two seconds when Redis
 * is away rather than holding a request.
 */
export function apiRedis(): Redis {
  client ??= new Redis(serverEnv().REDIS_URL, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
  });
  return client;
}

/** Closes the connection so the process can exit (tests, shutdown hooks). */
export async function closeApiRedis(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) await current.quit().catch(() => current.disconnect());
}
