import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";

export interface RunningWorker {
  /** SIGTERM to the worker's process group; waits until it is gone (SIGKILL after the deadline). */
  stop: () => Promise<void>;
}

/**
 * Deletes every key under the queue prefix, so that a run never meets the previous run's queue
 * jobs: outbox event ids start again at 1 in a fresh database, and BullMQ ignores a job whose id
 * it already holds.
 */
export async function clearQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
}

function gone(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts the worker tier (`pnpm --filter @tessera/worker start`) in its own process group and
 * waits until its /healthz answers 200 (PostgreSQL and Redis reachable, queues consuming). Its
 * whole output goes to `logFile` as well, so a failed run can say what the worker was doing.
 */
export async function startWorker(
  root: string,
  env: Record<string, string>,
  healthUrl: string,
  logFile: string,
): Promise<RunningWorker> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: "w" });
  const child = spawn("pnpm", ["--silent", "--filter", "@tessera/worker", "start"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    log.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const closed = once(child, "close").finally(() => log.end());

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group has already gone.
    }
  };

  const stop = async () => {
    if (gone(child)) return;
    signalGroup("SIGTERM");
    const deadline = sleep(25_000).then(() => "late" as const);
    if ((await Promise.race([closed.then(() => "closed" as const), deadline])) === "late") {
      signalGroup("SIGKILL");
      await closed;
    }
  };

  const startedAt = Date.now();
  for (;;) {
    if (gone(child)) {
      throw new Error(`The worker exited before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(healthUrl);
      if (response.status === 200) return { stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() - startedAt > 90_000) {
      await stop();
      throw new Error(`The worker's ${healthUrl} did not answer 200 within 90 s:\n${output}`);
    }
    await sleep(250);
  }
}
