/**
 * Exits 0 when Redis at the URL answers PING, 1 otherwise (printing why).
 *
 *   node --import tsx infra/scripts/redis-ready.ts <url> [--wait <seconds>]
 */
import { Redis } from "ioredis";
import { readArgs, retryUntil } from "./args";

const { positional, number } = readArgs();
const url = positional[0];
if (!url) {
  console.error("usage: redis-ready.ts <redis-url> [--wait <seconds>]");
  process.exit(2);
}

let lastError = "";

async function answers(): Promise<boolean> {
  const client = new Redis(url!, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  client.on("error", (error: Error) => (lastError = error.message));
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    return false;
  } finally {
    client.disconnect();
  }
}

if (await retryUntil(answers, number("wait", 0))) process.exit(0);
console.error(
  `Redis at ${url.replace(/\/\/[^@/]*@/, "//***@")} is not reachable: ${lastError || "no answer"}`,
);
process.exit(1);
