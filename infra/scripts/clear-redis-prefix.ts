/**
 * Removes every Redis key under a queue prefix (redis-prefix.ts). infra/up.sh --fresh runs it
 * beside recreating the demo database.
 *
 *   node --import tsx infra/scripts/clear-redis-prefix.ts <redis-url> <prefix>
 */
import { readArgs } from "./args";
import { removePrefix } from "./redis-prefix";

const { positional } = readArgs();
const [url, prefix] = positional;
if (!url || !prefix || !/^[a-z0-9_-]{1,40}$/i.test(prefix)) {
  console.error("usage: clear-redis-prefix.ts <redis-url> <queue prefix>");
  process.exit(2);
}
try {
  const removed = await removePrefix(url, prefix);
  console.info(`Removed ${removed} Redis key${removed === 1 ? "" : "s"} under ${prefix}:`);
} catch (error) {
  console.error(`Could not clear the Redis keys under ${prefix}: ${(error as Error).message}`);
  process.exitCode = 1;
}
