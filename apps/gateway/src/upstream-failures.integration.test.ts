/**
 * Model servers that fail: down, answering 500, refusing with their own 400, breaking off
 * mid-stream; and a client that reads slower than the model writes. The misbehaving server is a
 * test double (a plain node:http server); the gateway is the real one.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@tessera/db";
import {
  call,
  createTestKey,
  markEndpoint,
  servingEndpoint,
  startGateway,
  usageOf,
  type RunningGateway,
  type ServingEndpoint,
  type TestKey,
} from "./testing/gateway-world";

let database: Database;
let gateway: RunningGateway;
/** One organisation per way of failing, each with its endpoint pointed at the double. */
const worlds = new Map<Behaviour, { served: ServingEndpoint; key: TestKey }>();
let double: Server;
/** What a model server does: its endpoint's URL path on the double says which. */
type Behaviour = "down" | "fail" | "refuse" | "break" | "flood";
/** Events of the flood: far more bytes than the sockets between the three can hold. */
const FLOOD_EVENTS = 8_000;

const chat = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: "user", content: "Say hello to the national compute platform." }],
  max_tokens: 12,
  ...extra,
});

function floodEvent(index: number): string {
  const word = `token-${String(index).padStart(6, "0")}-${"x".repeat(200)} `;
  return `data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"${word}"},"finish_reason":null}],"usage":null}\n\n`;
}

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  double = createServer((request, response) => {
    const behaviour = (request.url ?? "").split("/")[1] as Behaviour;
    request.resume();
    request.on("end", () => {
      if (behaviour === "fail") {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end("internal error");
      } else if (behaviour === "refuse") {
        response.writeHead(400, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            error: {
              message: "This model's maximum context length is 8 tokens.",
              type: "BadRequestError",
              param: null,
              code: 400,
            },
          }),
        );
      } else if (behaviour === "flood") {
        response.writeHead(200, { "content-type": "text/event-stream" });
        let index = 0;
        const writeSome = (): void => {
          while (index < FLOOD_EVENTS) {
            const more = response.write(floodEvent(index++));
            if (!more) {
              response.once("drain", writeSome);
              return;
            }
          }
          response.end(
            `data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":${FLOOD_EVENTS},"total_tokens":${FLOOD_EVENTS + 5}}}\n\ndata: [DONE]\n\n`,
          );
        };
        writeSome();
      } else {
        // Two tokens of a stream, then the connection drops.
        response.writeHead(200, { "content-type": "text/event-stream" });
        const head = `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":`;
        response.write(`${head}"Hello"},"finish_reason":null}],"usage":null}\n\n`);
        response.write(`${head}" there"},"finish_reason":null}],"usage":null}\n\n`);
        setTimeout(() => response.socket?.destroy(), 50);
      }
    });
  });
  await new Promise<void>((resolve) => double.listen(0, "127.0.0.1", resolve));
  const doubleUrl = `http://127.0.0.1:${(double.address() as AddressInfo).port}`;
  // A port nothing listens on.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  for (const behaviour of ["down", "fail", "refuse", "break", "flood"] as const) {
    const served = await servingEndpoint(database);
    await markEndpoint(
      database,
      served.endpointId,
      "READY",
      behaviour === "down" ? closedUrl : `${doubleUrl}/${behaviour}`,
    );
    worlds.set(behaviour, { served, key: await createTestKey(database, served.setup) });
  }
  // Started once every endpoint points where it should: its first read of the routes has them.
  gateway = await startGateway();
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([...worlds.values()].map(({ served }) => served.sim.close()));
  await new Promise((resolve) => double?.close(resolve));
  await database?.$disconnect();
});

/** A chat completion to the endpoint that behaves so, with its organisation's key. */
function callThe(behaviour: Behaviour, extra: Record<string, unknown> = {}): Promise<Response> {
  const { served, key } = worlds.get(behaviour)!;
  return call(gateway, "/v1/chat/completions", key.token, chat(served.model, extra));
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

describe("a model server that fails", () => {
  it("is a 503 with Retry-After when nothing listens, and nothing is metered", async () => {
    const response = await callThe("down");
    expect(response.headers.get("retry-after")).toBe("5");
    const id = response.headers.get("x-request-id")!;
    expect(await errorOf(response)).toMatchObject({ status: 503, code: "upstream_unavailable" });
    expect(await usageOf(database, [id], 600)).toHaveLength(0);
  });

  it("is a 502 that says nothing was charged when it answers 500", async () => {
    const response = await callThe("fail");
    const id = response.headers.get("x-request-id")!;
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 502, code: "upstream_error" });
    expect(error.message).toContain("nothing was charged");
    expect(await usageOf(database, [id], 600)).toHaveLength(0);
  });

  it("passes its own refusal on, in OpenAI's envelope", async () => {
    const response = await callThe("refuse");
    expect(response.status).toBe(400);
    expect(response.headers.get("x-tessera-model")).toBe(worlds.get("refuse")!.served.model);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("maximum context length");
  });

  it("ends a broken stream with an error event and meters what was generated", async () => {
    const response = await callThe("break", { stream: true });
    expect(response.status).toBe(200);
    const id = response.headers.get("x-request-id")!;
    const text = await response.text();
    expect(text).toContain('"content":"Hello"');
    expect(text).not.toContain("[DONE]");
    expect(text).toMatch(/data: \{"error":\{"message":"The endpoint stopped mid-answer/);
    const [record] = await usageOf(database, [id]);
    // Counted by the gateway itself: "Hello there" is two tokens of o200k.
    expect(record?.tokensOut).toBe(2n);
  });
});

describe("a client that reads slower than the model writes", () => {
  it("gets every byte of a long stream, in order", async () => {
    const url = new URL(`${gateway.url}/v1/chat/completions`);
    let paused = 0;
    const slow = await new Promise<string>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${worlds.get("flood")!.key.token}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          // Read a little, then stop reading for a while, so the gateway's writes back up.
          response.on("data", (chunk: Buffer) => {
            chunks.push(chunk);
            paused++;
            response.pause();
            setTimeout(() => response.resume(), 2);
          });
          response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          response.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(JSON.stringify(chat(worlds.get("flood")!.served.model, { stream: true })));
    });
    expect(paused).toBeGreaterThan(10);
    // The usage chunk the client did not ask for is dropped, and each "usage":null with it.
    const expected = Array.from({ length: FLOOD_EVENTS }, (_, index) =>
      floodEvent(index).replace(',"usage":null', ""),
    ).join("");
    expect(slow.length).toBe(expected.length + "data: [DONE]\n\n".length);
    expect(slow === `${expected}data: [DONE]\n\n`).toBe(true);
  });
});
