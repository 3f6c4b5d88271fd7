import { Agent, request } from "node:http";

export interface Target {
  name: string;
  port: number;
  path: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
}

function get(target: Target, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: target.port, path: target.path, headers: target.headers, agent },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/**
 * Keeps `concurrency` requests in flight for `durationMs` over keep-alive connections and counts
 * the completed ones. Anything but 200 counts as a failure.
 */
export async function runLoad(
  target: Target,
  concurrency: number,
  durationMs: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const started = performance.now();
  const deadline = started + durationMs;
  let requests = 0;
  let failures = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const status = await get(target, agent).catch(() => 0);
      requests += 1;
      if (status !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, failures, seconds };
}

/** One request with the body, to check that both servers return the same page. */
export async function fetchJson(target: Target): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${target.port}${target.path}`, {
    headers: target.headers,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: response.status, body };
}
