import { serverEnv } from "@tessera/config";
import { createLogger } from "./logger";
import { createWorkerApp } from "./worker-app";
import { HOUSEKEEPING_QUEUE } from "./housekeeping";

/** After a shutdown signal the process must be gone within this time, drained or not. */
const EXIT_DEADLINE_MS = 20_000;

const env = serverEnv();
const log = createLogger(env.LOG_LEVEL);
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
    queue: HOUSEKEEPING_QUEUE,
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
