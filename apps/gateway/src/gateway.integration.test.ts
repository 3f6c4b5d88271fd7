import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@tessera/db";
import {
  call,
  createTestKey,
  servingEndpoint,
  startGateway,
  usageOf,
  type RunningGateway,
  type ServingEndpoint,
  type TestKey,
} from "./testing/gateway-world";

let database: Database;
let gateway: RunningGateway;
let home: ServingEndpoint;
let key: TestKey;

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  home = await servingEndpoint(database);
  key = await createTestKey(database, home.setup);
  gateway = await startGateway();
});

afterAll(async () => {
  await gateway?.close();
  await home?.sim.close();
  await database?.$disconnect();
});

const chat = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: "user", content: "Say hello to the national compute platform." }],
  max_tokens: 12,
  ...extra,
});

async function errorOf(
  response: Response,
): Promise<{ status: number; code: string; type: string; message: string }> {
  const body = (await response.json()) as {
    error: { code: string; type: string; message: string };
  };
  return { status: response.status, ...body.error };
}

describe("the gateway in front of an endpoint", () => {
  it("answers a chat completion and meters exactly the tokens the model server counted", async () => {
    const response = await call(gateway, "/v1/chat/completions", key.token, chat(home.model));
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get("x-ratelimit-limit-requests")).toBe("10000");
    const body = (await response.json()) as {
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const [record] = await usageOf(database, [requestId]);
    expect(record).toMatchObject({
      organizationId: home.setup.organizationId,
      projectId: home.setup.projectId,
      workloadId: home.endpointId,
      apiKeyId: key.id,
      model: home.model,
      tokensIn: BigInt(body.usage.prompt_tokens),
      tokensOut: BigInt(body.usage.completion_tokens),
      unitSeconds: 0n,
      // Answered whole: no first token apart from the answer, so none is recorded.
      timeToFirstTokenMs: null,
    });
    expect(record?.latencyMs).not.toBeNull();
    expect(body.usage.completion_tokens).toBe(12);
    // Written with the record: the key's last use and the endpoint's last request (the idle
    // timer's clock), both the call's end.
    const [apiKey, endpoint] = await Promise.all([
      database.apiKey.findUniqueOrThrow({ where: { id: key.id } }),
      database.endpoint.findUniqueOrThrow({ where: { workloadId: home.endpointId } }),
    ]);
    expect(apiKey.lastUsedAt).toEqual(record!.intervalEnd);
    expect(endpoint.lastRequestAt).toEqual(record!.intervalEnd);
  });

  it("passes a stream through byte for byte when the client asked for usage itself", async () => {
    const request = chat(home.model, {
      stream: true,
      stream_options: { include_usage: true },
      seed: 7,
    });
    const direct = await (
      await fetch(`${home.sim.url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
      })
    ).text();
    const through = await call(gateway, "/v1/chat/completions", key.token, request);
    expect(through.headers.get("content-type")).toContain("text/event-stream");
    const text = await through.text();
    // Ids and timestamps differ per answer; everything else is the same bytes.
    const normalise = (stream: string) =>
      stream.replace(/"id":"[^"]+"/g, '"id":"x"').replace(/"created":\d+/g, '"created":0');
    expect(normalise(text)).toBe(normalise(direct));
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("asks for usage whatever the client sent, meters it, and leaves the usage chunk out", async () => {
    const response = await call(
      gateway,
      "/v1/chat/completions",
      key.token,
      chat(home.model, { stream: true, max_tokens: 9 }),
    );
    const text = await response.text();
    expect(text).not.toContain('"usage"');
    const [record] = await usageOf(database, [response.headers.get("x-request-id")!]);
    expect(record?.tokensOut).toBe(9n);
    expect(record?.timeToFirstTokenMs).not.toBeNull();
  });

  it("lists only the models the key can call", async () => {
    const response = await call(gateway, "/v1/models", key.token);
    const body = (await response.json()) as { data: { id: string }[] };
    expect(body.data.map((model) => model.id)).toEqual([home.model]);
  });
});

describe("keys", () => {
  it("refuses a missing, malformed, wrong or unknown key with 401", async () => {
    expect((await errorOf(await call(gateway, "/v1/models", null))).code).toBe("missing_api_key");
    expect((await errorOf(await call(gateway, "/v1/models", "sk-not-ours"))).code).toBe(
      "invalid_api_key",
    );
    const wrongSecret = `tsk_${key.id}_${"A".repeat(43)}`;
    const wrong = await errorOf(await call(gateway, "/v1/models", wrongSecret));
    expect(wrong).toMatchObject({
      status: 401,
      type: "authentication_error",
      code: "invalid_api_key",
    });
    const unknown = `tsk_${"a".repeat(16)}_${key.secret}`;
    expect((await errorOf(await call(gateway, "/v1/models", unknown))).status).toBe(401);
  });

  it("refuses an expired key and a revoked one", async () => {
    const expired = await createTestKey(database, home.setup, {
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(
      (await errorOf(await call(gateway, "/v1/chat/completions", expired.token, chat(home.model))))
        .code,
    ).toBe("expired_api_key");
    const revoked = await createTestKey(database, home.setup, { revokedAt: new Date() });
    expect(
      (await errorOf(await call(gateway, "/v1/chat/completions", revoked.token, chat(home.model))))
        .code,
    ).toBe("revoked_api_key");
  });

  it("takes a revocation within seconds, with no broadcast at all", async () => {
    const soon = await createTestKey(database, home.setup);
    expect((await call(gateway, "/v1/models", soon.token)).status).toBe(200);
    await database.apiKey.update({ where: { id: soon.id }, data: { revokedAt: new Date() } });
    const deadline = Date.now() + 5_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await call(gateway, "/v1/models", soon.token)).status;
    }
    expect(status).toBe(401);
  });

  it("accepts the previous secret of a rotated key during its grace period only", async () => {
    const rotated = await createTestKey(database, home.setup);
    const { createHash } = await import("node:crypto");
    const next = "B".repeat(43);
    await database.apiKey.update({
      where: { id: rotated.id },
      data: {
        secretSha256: createHash("sha256").update(next).digest("hex"),
        previousSecretSha256: createHash("sha256").update(rotated.secret).digest("hex"),
        previousSecretExpiresAt: new Date(Date.now() + 60_000),
      },
    });
    expect((await call(gateway, "/v1/models", `tsk_${rotated.id}_${next}`)).status).toBe(200);
    expect((await call(gateway, "/v1/models", rotated.token)).status).toBe(200);
    await database.apiKey.update({
      where: { id: rotated.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1) },
    });
    const deadline = Date.now() + 5_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await call(gateway, "/v1/models", rotated.token)).status;
    }
    expect(status).toBe(401);
    expect((await call(gateway, "/v1/models", `tsk_${rotated.id}_${next}`)).status).toBe(200);
  });

  it("treats another organisation's model as unknown: 404, never a hint that it exists", async () => {
    const stranger = await servingEndpoint(database);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const refused = await errorOf(
        await call(gateway, "/v1/chat/completions", key.token, chat(stranger.model)),
      );
      expect(refused).toMatchObject({ status: 404, code: "model_not_found" });
      expect(refused.message).not.toContain(stranger.setup.organizationId);
    } finally {
      await stranger.sim.close();
    }
  });

  it("keeps a key to the models in its scope: 403", async () => {
    const scoped = await createTestKey(database, home.setup, {
      allowedModels: ["tessera-gw/other"],
    });
    const refused = await errorOf(
      await call(gateway, "/v1/chat/completions", scoped.token, chat(home.model)),
    );
    expect(refused).toMatchObject({
      status: 403,
      code: "model_not_allowed",
      type: "permission_error",
    });
  });
});

describe("limits", () => {
  it("answers 429 with Retry-After and the rate-limit headers once the minute's requests are used", async () => {
    const limited = await createTestKey(database, home.setup, { requestsPerMinute: 2 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let index = 0; index < 3; index++) {
      last = await call(
        gateway,
        "/v1/chat/completions",
        limited.token,
        chat(home.model, { max_tokens: 1 }),
      );
      statuses.push(last.status);
      if (last.status === 200) await last.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect((await errorOf(last!)).code).toBe("rate_limit_exceeded");
  });

  it("counts the call being answered in the remaining requests and tokens", async () => {
    const limited = await createTestKey(database, home.setup, {
      requestsPerMinute: 10,
      tokensPerMinute: 5_000,
    });
    const answer = await call(
      gateway,
      "/v1/chat/completions",
      limited.token,
      chat(home.model, { max_tokens: 5 }),
    );
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { usage: { total_tokens: number } };
    expect(body.usage.total_tokens).toBeGreaterThan(0);
    expect(answer.headers.get("x-ratelimit-remaining-requests")).toBe("9");
    expect(answer.headers.get("x-ratelimit-remaining-tokens")).toBe(
      String(5_000 - body.usage.total_tokens),
    );
  });

  it("answers 429 once the minute's tokens are used", async () => {
    const limited = await createTestKey(database, home.setup, { tokensPerMinute: 30 });
    const first = await call(
      gateway,
      "/v1/chat/completions",
      limited.token,
      chat(home.model, { max_tokens: 20 }),
    );
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await call(
      gateway,
      "/v1/chat/completions",
      limited.token,
      chat(home.model, { max_tokens: 1 }),
    );
    expect(second.status).toBe(429);
    expect(second.headers.get("x-ratelimit-remaining-tokens")).toBe("0");
  });
});

describe("residency", () => {
  it("never routes a project's data abroad: 503 with the reason", async () => {
    const abroad = await servingEndpoint(database, { jurisdiction: "US" });
    try {
      await database.project.update({
        where: { id: abroad.setup.projectId },
        data: { residency: "EU" },
      });
      const abroadKey = await createTestKey(database, abroad.setup);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const refused = await errorOf(
        await call(gateway, "/v1/chat/completions", abroadKey.token, chat(abroad.model)),
      );
      expect(refused.status).toBe(503);
      expect(refused.code).toBe("no_endpoint_in_jurisdiction");
      expect(refused.message).toContain("is in US; the project's data must stay in EU");
      expect(abroad.sim.sim.metrics).toBeDefined();
    } finally {
      await abroad.sim.close();
    }
  });
});

describe("bad input never reaches an upstream and never gets a 500", () => {
  const cases: [string, unknown, number, string][] = [
    ["invalid JSON", "{not json", 400, "invalid_json"],
    ["an array", "[]", 400, "invalid_request"],
    ["no model", { messages: [{ role: "user", content: "hi" }] }, 400, "missing_model"],
    ["a number for a model", { model: 7, messages: [] }, 400, "missing_model"],
    ["no messages", { model: "x" }, 400, "invalid_value"],
    [
      "an unknown field",
      { model: "x", messages: [{ role: "user", content: "hi" }], tempurature: 1 },
      400,
      "unknown_parameter",
    ],
    [
      "a wrong type",
      { model: "x", messages: [{ role: "user", content: "hi" }], max_tokens: "many" },
      400,
      "invalid_value",
    ],
    [
      "odd Unicode",
      { model: "\u0000\ud800💥", messages: [{ role: "user", content: "\udfff" }] },
      404,
      "model_not_found",
    ],
  ];
  for (const [name, body, status, code] of cases) {
    it(`refuses ${name}`, async () => {
      const refused = await errorOf(await call(gateway, "/v1/chat/completions", key.token, body));
      expect(refused).toMatchObject({ status, code });
    });
  }

  it("refuses an oversized body with 413", async () => {
    const huge = JSON.stringify(
      chat(home.model, { messages: [{ role: "user", content: "x".repeat(5_000_000) }] }),
    );
    const response = await call(gateway, "/v1/chat/completions", key.token, huge);
    expect(response.status).toBe(413);
  });

  it("refuses a bad X-Scale-Up-Timeout, an unknown path and a wrong method", async () => {
    const header = await call(gateway, "/v1/chat/completions", key.token, chat(home.model), {
      "x-scale-up-timeout": "soon",
    });
    expect((await errorOf(header)).code).toBe("invalid_header");
    expect((await call(gateway, "/v1/files", key.token)).status).toBe(404);
    expect((await call(gateway, "/v1/chat/completions", key.token)).status).toBe(405);
  });
});

describe("a client that leaves mid-stream", () => {
  it("aborts the upstream request and is metered for what was generated until then", async () => {
    const slow = await servingEndpoint(database, { sim: { MODEL_SIM_ITL_MS: "20" } });
    try {
      const slowKey = await createTestKey(database, slow.setup);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const abort = new AbortController();
      const response = await fetch(`${gateway.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${slowKey.token}`, "content-type": "application/json" },
        body: JSON.stringify(chat(slow.model, { stream: true, max_tokens: 200 })),
        signal: abort.signal,
      });
      const requestId = response.headers.get("x-request-id")!;
      const reader = response.body!.getReader();
      let received = "";
      while ((received.match(/"content":"/g) ?? []).length < 6) {
        const { value } = await reader.read();
        received += new TextDecoder().decode(value);
      }
      abort.abort();
      const [record] = await usageOf(database, [requestId]);
      expect(record).toBeDefined();
      expect(Number(record!.tokensOut)).toBeGreaterThanOrEqual(5);
      expect(Number(record!.tokensOut)).toBeLessThan(100);
      // The model server saw the request go: nothing is still being generated for nobody.
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline && (await runningOn(slow.sim.url, slow.model)) !== 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await runningOn(slow.sim.url, slow.model)).toBe(0);
    } finally {
      await slow.sim.close();
    }
  });
});

describe("made-up keys", () => {
  it("are forgotten again: a flood of unknown ids does not grow the gateway's memory", async () => {
    const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    // Well-formed ids no key has: base 32 written in the key alphabet, 16 characters.
    const madeUp = (index: number) =>
      `tsk_${[...(BigInt(index) + 32n ** 15n).toString(32)].map((digit) => alphabet[parseInt(digit, 32)]).join("")}_${"x".repeat(43)}`;
    for (let index = 0; index < 50; index += 1) {
      const response = await call(gateway, "/v1/models", madeUp(index));
      expect(response.status).toBe(401);
      await response.text();
    }
    const keys = gateway.gateway.keys;
    expect(keys.size).toBeGreaterThanOrEqual(50);
    // Unknown ids are remembered for two seconds; the refresh after that forgets them.
    await new Promise((resolve) => setTimeout(resolve, 2_000 + gateway.config.refreshMs * 2));
    expect(keys.size).toBeLessThan(5);
  });
});

describe("the gateway's metrics", () => {
  it("name only models a key may reach: made-up names add no series", async () => {
    const madeUp = `no-such-model-${Date.now()}`;
    const refused = await call(gateway, "/v1/chat/completions", key.token, chat(madeUp));
    expect(refused.status).toBe(404);
    await refused.text();
    const served = await call(gateway, "/v1/chat/completions", key.token, chat(home.model));
    expect(served.status).toBe(200);
    await served.text();
    const text = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(text).not.toContain(madeUp);
    expect(text).toContain(`tessera_gateway_requests_total{model="${home.model}",status="200"}`);
    expect(text).toMatch(/tessera_gateway_requests_total\{model="none",status="404"\} [1-9]/);
  });
});

async function runningOn(url: string, model: string): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const sample = `vllm:num_requests_running{model_name="${model}"} `;
  const line = text.split("\n").find((candidate) => candidate.startsWith(sample));
  return line === undefined ? undefined : Number(line.slice(sample.length));
}
