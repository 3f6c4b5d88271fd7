import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string")
    throw new Error("could not find a free port");
  return address.port;
}

export interface Service {
  name: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts a server process, keeping the last of its output for error messages. */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Service {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { name, child, output: () => output };
}

/** Polls until `ready` is true; fails early when the process exits. */
export async function waitUntil(
  service: Service,
  ready: () => Promise<boolean>,
  seconds: number,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(
        `${service.name} exited with ${service.child.exitCode}:\n${service.output()}`,
      );
    }
    if (await ready().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${service.name} was not ready after ${seconds}s:\n${service.output()}`);
}

export async function stopService(service: Service): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  const exited = once(service.child, "exit");
  service.child.kill("SIGTERM");
  const outcome = await Promise.race([exited.then(() => "exited"), sleep(10_000, "timeout")]);
  if (outcome === "timeout") service.child.kill("SIGKILL");
}
