import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig, type ModelSimConfig } from "../env";
import { createModelSim, type ModelSim } from "../server";

export interface RunningSim {
  sim: ModelSim;
  config: ModelSimConfig;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A simulated model server on an ephemeral localhost port; no delays unless a test asks. */
export async function startSim(env: Record<string, string> = {}): Promise<RunningSim> {
  const config = loadConfig({
    MODEL_SIM_MODELS: "tessera-demo-7b,tessera-other-1b",
    MODEL_SIM_TTFT_MS: "0",
    MODEL_SIM_ITL_MS: "0",
    MODEL_SIM_EMBEDDING_DIMENSIONS: "64",
    MODEL_SIM_MAX_MODEL_LEN: "2048",
    ...env,
  });
  const sim = createModelSim(config);
  await new Promise<void>((resolve) => sim.server.listen(0, "127.0.0.1", resolve));
  const { port } = sim.server.address() as AddressInfo;
  return {
    sim,
    config,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sim.server.close(() => resolve());
        sim.server.closeAllConnections();
      }),
  };
}

export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The `data:` payloads of a server-sent event stream, checking the framing on the way. */
export function sseEvents(text: string): string[] {
  if (!text.endsWith("\n\n")) throw new Error(`stream does not end with a blank line: ${text}`);
  return text
    .slice(0, -2)
    .split("\n\n")
    .map((event) => {
      if (!event.startsWith("data: ")) throw new Error(`not a data event: ${event}`);
      return event.slice("data: ".length);
    });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with bytes exactly as given (invalid UTF-8, chunked bodies), through node:http. */
export function rawPost(
  port: number,
  path: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, path, method: "POST", headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** One sample's value from Prometheus text, e.g. `vllm:num_requests_running{model_name="x"}`. */
export async function metricValue(url: string, sample: string): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  for (const line of text.split("\n")) {
    if (line.startsWith(`${sample} `)) return Number(line.slice(sample.length + 1));
  }
  return undefined;
}
