import { serverEnv, type ServerEnv } from "@tessera/config";
import { createLogger } from "./logger";

/** After a shutdown signal the process must be gone within this time, drained or not. */
const EXIT_DEADLINE_MS = 20_000;

function loadEnv(): ServerEnv {
  try {
    return serverEnv();
  } catch (error) {
    // serverEnv() lists every problem at once; say it plainly and stop before connecting to anything.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

const env = loadEnv();
const log = createLogger(env.LOG_LEVEL);
// Imported only after the environment is known to be valid: @tessera/db reads it on import.
const { createWorkerApp } = await import("./worker-app");
const app = createWorkerApp(env, log);
let shuttingDown = false;

function shutdown(signal: NodeJS.Signals): void {
  // Supervisors and terminals may deliver the same signal more than once (a process group and its
  // wrapper); the drain is already running and the deadline below bounds it.
  if (shuttingDown) return;
  shuttingDown = true;
  log.info("shutting down: draining jobs and closing connections", { signal });
  // If something still holds the event loop after the drain, name it and fail loudly rather
  // than hang the rollout.
  setTimeout(() => {
    log.error("shutdown deadline passed; forcing exit", {
      openResources: process.getActiveResourcesInfo().join(","),
    });
    process.exit(1);
  }, EXIT_DEADLINE_MS).unref();
  void app.close().then(() => {
    log.info("stopped");
    process.exitCode = 0;
  });
}

process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));

try {
  await app.start();
  log.info("worker ready", {
    queuePrefix: env.QUEUE_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
    health: `http://localhost:${env.WORKER_HEALTH_PORT}/healthz`,
  });
} catch (error) {
  if (!shuttingDown) {
    log.error("worker failed to start", {
      error: error instanceof Error ? error.message : String(error),
    });
    await app.close();
    process.exitCode = 1;
  }
}
