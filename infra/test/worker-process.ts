/**
 * Runs real worker processes (apps/worker/src/main.ts) for tests and benchmarks that need the
 * worker tier as it runs in production: its own process, killed and restarted at will.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const workerDir = path.resolve(import.meta.dirname, "../../apps/worker");

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export interface WorkerProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves once /healthz answers 200 (PostgreSQL and Redis reachable, queues consuming). */
  ready: () => Promise<void>;
  /** SIGKILL: no drain, no goodbye — a crash. */
  crash: () => Promise<void>;
  /** SIGTERM and wait for the process to be gone. */
  stop: () => Promise<void>;
}

/** Starts one worker with `env` (DATABASE_URL, REDIS_URL, QUEUE_PREFIX…) on a free health port. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      ...env,
      WORKER_HEALTH_PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const closed = once(child, "close");

  async function ready(): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `the worker exited early (${child.exitCode ?? child.signalCode}):\n${output}`,
        );
      }
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`the worker's /healthz never answered 200:\n${output}`);
  }

  async function end(signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await closed;
  }

  return {
    child,
    port,
    output: () => output,
    ready,
    crash: () => end("SIGKILL"),
    stop: () => end("SIGTERM"),
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(everyMs);
  }
}
