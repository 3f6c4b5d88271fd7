/**
 * Prints `NAME=value` for the requested server variables with serverEnv()'s defaults applied, so
 * the shell scripts never repeat a default. Fails with serverEnv()'s own message when invalid.
 *
 *   node --import tsx infra/scripts/print-env.ts DATABASE_URL REDIS_URL
 */
import { serverEnv, type ServerEnv } from "@tessera/config";

const env = serverEnv();
for (const name of process.argv.slice(2)) {
  if (!(name in env)) {
    console.error(`Unknown variable ${name}`);
    process.exit(2);
  }
  const value = env[name as keyof ServerEnv];
  console.info(`${name}=${value === undefined ? "" : String(value)}`);
}
