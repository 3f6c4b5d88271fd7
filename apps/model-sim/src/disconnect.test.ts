import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { metricValue, postJson, startSim, type RunningSim } from "./testing/sim-server";

const RUNNING = 'vllm:num_requests_running{model_name="tessera-demo-7b"}';
// Slow enough that a reply still has most of its tokens to go when the client leaves, and that
// its inter-token timer is told apart from any other timer in the process by its delay.
const ITL_MS = 5_000;

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ MODEL_SIM_ITL_MS: String(ITL_MS) });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await sim.close();
});

/** Records the inter-token timers the server arms and which of them get cleared. */
function watchInterTokenTimers(): { armed: unknown[]; cleared: Set<unknown> } {
  const armed: unknown[] = [];
  const cleared = new Set<unknown>();
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation((callback: () => void, delay?: number) => {
    const timer = realSetTimeout(callback, delay);
    if (delay === ITL_MS) armed.push(timer);
    return timer;
  });
  vi.spyOn(globalThis, "clearTimeout").mockImplementation((timer) => {
    cleared.add(timer);
    realClearTimeout(timer);
  });
  return { armed, cleared };
}

/** Opens a stream, waits for its first token, and leaves. */
function leaveAfterFirstToken(body: object): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port: sim.port,
        path: "/v1/chat/completions",
        method: "POST",
        headers: { "content-type": "application/json" },
      },
      (response) => {
        let seen = "";
        response.on("data", (chunk: Buffer) => {
          seen += chunk.toString("utf8");
          // The opening chunk's delta has a role first; the first token's has content alone.
          const firstToken = /"delta":\{"content":("[^"]+")/.exec(seen);
          if (firstToken) {
            request.destroy();
            resolve(JSON.parse(firstToken[1]!) as string);
          }
        });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET") reject(error);
    });
    request.end(JSON.stringify(body));
  });
}

describe("model-sim when a client disconnects mid-stream", () => {
  it("stops generating, releases the in-flight count and its timer, and keeps serving", async () => {
    const timers = watchInterTokenTimers();
    const firstToken = await leaveAfterFirstToken({
      messages: [{ role: "user", content: "Tell me a long story." }],
      stream: true,
    });
    expect(firstToken.length).toBeGreaterThan(0);

    await expect.poll(() => metricValue(sim.url, RUNNING)).toBe(0);
    await expect
      .poll(() =>
        metricValue(
          sim.url,
          'model_sim_http_requests_total{route="/v1/chat/completions",status="499"}',
        ),
      )
      .toBe(1);
    // The timer for the second token was armed, and cleared when the client left.
    expect(timers.armed).toHaveLength(1);
    expect(timers.armed.every((timer) => timers.cleared.has(timer))).toBe(true);
    // Only the one token sent was counted as generated, not the whole reply.
    expect(
      await metricValue(sim.url, 'vllm:generation_tokens_total{model_name="tessera-demo-7b"}'),
    ).toBe(1);

    const health = await fetch(`${sim.url}/health`);
    expect(health.status).toBe(200);
    const next = await postJson(`${sim.url}/v1/embeddings`, { input: "still here" });
    expect(next.status).toBe(200);
  });
});
