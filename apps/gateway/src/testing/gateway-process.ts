/**
 * The gateway as it runs in production: its own process (apps/gateway/src/main.ts), for tests
 * and benchmarks that kill it. Tests and benchmarks only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "../../../../infra/test/worker-process";

const gatewayDir = path.resolve(import.meta.dirname, "../..");

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** SIGKILL: no drain, no flush — a crash. */
  crash: () => Promise<void>;
  /** SIGTERM and wait for the process to be gone. */
  stop: () => Promise<void>;
}

export async function startGatewayProcess(
  env: Record<string, string>,
  port?: number,
): Promise<GatewayProcess> {
  port ??= await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: gatewayDir,
    env: { PATH: process.env.PATH, NODE_ENV: "production", ...env, GATEWAY_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const closed = once(child, "close");
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The gateway exited before it was ready:\n${output}`);
    }
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) break;
    if (attempt > 300) throw new Error(`The gateway did not become ready:\n${output}`);
    await sleep(50);
  }
  return {
    child,
    url,
    output: () => output,
    crash: async () => {
      child.kill("SIGKILL");
      await closed;
    },
    stop: async () => {
      child.kill("SIGTERM");
      await closed;
    },
  };
}
