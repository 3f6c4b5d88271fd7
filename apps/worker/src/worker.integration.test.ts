import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { createIsolatedDatabase, type IsolatedDatabase } from "./testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "./testing/queue-prefix";
import { freePort } from "../../../infra/test/worker-process";

const workerDir = path.resolve(import.meta.dirname, "..");
/** Kubernetes' default grace period is 30 s; the worker must be gone well inside it. */
const EXIT_BOUND_MS = 15_000;

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
}

const started: ChildProcess[] = [];
// The process runs the relay and the sweeps: it gets a database and a queue prefix of its own.
let isolated: IsolatedDatabase;
const prefix = testQueuePrefix("process");

beforeAll(async () => {
  isolated = await createIsolatedDatabase("process");
});

afterAll(async () => {
  await isolated?.close();
  await obliterateQueues(prefix);
});

async function startWorker(overrides: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const env = serverEnv();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      DATABASE_URL: isolated.url,
      REDIS_URL: env.REDIS_URL,
      QUEUE_PREFIX: prefix,
      WORKER_HEALTH_PORT: String(port),
      LOG_LEVEL: "info",
      ...overrides,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, port, output: () => output };
}

/** Polls until the health endpoint answers with the wanted status (or the worker dies). */
async function waitForHealth(running: Running, wanted: number): Promise<unknown> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (running.child.exitCode !== null) {
      throw new Error(`worker exited early (${running.child.exitCode}):\n${running.output()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${running.port}/healthz`);
      if (response.status === wanted) return await response.json();
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`/healthz never answered ${wanted}:\n${running.output()}`);
}

async function terminate(
  running: Running,
): Promise<{ code: number | null; signal: string | null; withinBound: boolean }> {
  // "close" rather than "exit": it comes after the output streams are drained.
  const exited = once(running.child, "close") as Promise<[number | null, NodeJS.Signals | null]>;
  running.child.kill("SIGTERM");
  const outcome = await Promise.race([exited, sleep(EXIT_BOUND_MS, "timeout" as const)]);
  if (outcome === "timeout") return { code: null, signal: null, withinBound: false };
  return { code: outcome[0], signal: outcome[1], withinBound: true };
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("worker process", () => {
  it("reports healthy, serves metrics, and drains on SIGTERM with exit code 0", async () => {
    const running = await startWorker({});
    expect(await waitForHealth(running, 200)).toEqual({
      status: "ok",
      postgres: "up",
      redis: "up",
    });

    const metrics = await fetch(`http://127.0.0.1:${running.port}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("tessera_worker_jobs_total");
    expect(text).toContain(
      'tessera_queue_jobs{queue="launch",state="waiting",service="tessera-worker"} 0',
    );
    expect(text).toContain("tessera_outbox_backlog");

    const result = await terminate(running);
    expect(result, running.output()).toEqual({ code: 0, signal: null, withinBound: true });
    expect(running.output()).toContain('"msg":"worker ready"');
    expect(running.output()).toContain('"msg":"stopped"');
  });

  it("answers 503 naming Redis while Redis is unreachable, and still stops cleanly", async () => {
    const running = await startWorker({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    expect(await waitForHealth(running, 503)).toEqual({
      status: "unavailable",
      postgres: "up",
      redis: "down",
    });
    expect(running.output()).not.toContain('"msg":"worker ready"');

    const result = await terminate(running);
    expect(result, running.output()).toEqual({ code: 0, signal: null, withinBound: true });
  });

  it("refuses to start with an invalid environment and names the variable", async () => {
    const running = await startWorker({ WORKER_CONCURRENCY: "1000" });
    const [code] = (await once(running.child, "close")) as [number | null];
    expect(code).toBe(1);
    expect(running.output()).toContain("WORKER_CONCURRENCY");
    expect(running.output()).not.toContain('"msg":"worker ready"');
  });
});
