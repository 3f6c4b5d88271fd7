import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countTextTokens } from "@tessera/openai";
import { createDatabase, type Database } from "@tessera/db";
import { countPromptTokens, parseModelRequest } from "./requests";
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

/**
 * A test double for a model server that never reports usage (some do not, and none does for an
 * answer cut short): a whole answer without `usage`, and a stream without the usage chunk.
 */
const REPLY = "The national platform counts every token it serves.";
function silentModelServer(): Server {
  return createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const parsed = JSON.parse(body) as { stream?: boolean; model: string };
      if (!parsed.stream) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            id: "chatcmpl-silent",
            object: "chat.completion",
            model: parsed.model,
            choices: [
              { index: 0, message: { role: "assistant", content: REPLY }, finish_reason: "stop" },
            ],
          }),
        );
        return;
      }
      response.writeHead(200, { "content-type": "text/event-stream" });
      for (const word of REPLY.split(/(?<= )/)) {
        response.write(
          `data: ${JSON.stringify({ id: "s", object: "chat.completion.chunk", model: parsed.model, choices: [{ index: 0, delta: { content: word } }] })}\n\n`,
        );
      }
      response.end("data: [DONE]\n\n");
    });
  });
}

let database: Database;
let gateway: RunningGateway;
let endpoint: ServingEndpoint;
let key: TestKey;
let silent: Server;

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  endpoint = await servingEndpoint(database);
  silent = silentModelServer();
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as AddressInfo;
  await markEndpoint(database, endpoint.endpointId, "READY", `http://127.0.0.1:${port}`);
  key = await createTestKey(database, endpoint.setup);
  gateway = await startGateway();
});

afterAll(async () => {
  await gateway?.close();
  await endpoint?.sim.close();
  await new Promise((resolve) => silent?.close(resolve));
  await database?.$disconnect();
});

describe("an upstream that does not report usage", () => {
  const body = {
    model: "",
    messages: [{ role: "user", content: "How are tokens counted here?" }],
  };

  it("is metered by the gateway's own count, whole or streamed", async () => {
    const request = { ...body, model: endpoint.model };
    const expectedIn = countPromptTokens(parseModelRequest("chat", request));
    const expectedOut = countTextTokens(REPLY);
    const whole = await call(gateway, "/v1/chat/completions", key.token, request);
    expect(whole.status).toBe(200);
    await whole.arrayBuffer();
    const streamed = await call(gateway, "/v1/chat/completions", key.token, {
      ...request,
      stream: true,
    });
    expect(await streamed.text()).toContain("data: [DONE]");
    const records = await usageOf(database, [
      whole.headers.get("x-request-id")!,
      streamed.headers.get("x-request-id")!,
    ]);
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.tokensIn).toBe(BigInt(expectedIn));
      expect(record.tokensOut).toBe(BigInt(expectedOut));
    }
  });
});
