import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricValue, postJson, rawPost, startSim, type RunningSim } from "./testing/sim-server";

interface ErrorEnvelope {
  error: { message: string; type: string; param: string | null; code: string };
}

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ MODEL_SIM_MAX_BODY_BYTES: "4096" });
});
afterAll(() => sim.close());

async function refusal(response: Response, status: number): Promise<ErrorEnvelope["error"]> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorEnvelope;
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
  return body.error;
}

const chatUrl = (): string => `${sim.url}/v1/chat/completions`;
const hello = [{ role: "user", content: "Hello" }];

describe("model-sim refusals", () => {
  it("refuses bad JSON, bodies that are not objects, and empty bodies with 400", async () => {
    expect((await refusal(await postJson(chatUrl(), '{"messages": [}'), 400)).code).toBe(
      "invalid_json",
    );
    expect((await refusal(await postJson(chatUrl(), "[1,2]"), 400)).code).toBe("invalid_request");
    expect((await refusal(await postJson(chatUrl(), ""), 400)).code).toBe("invalid_json");
  });

  it("refuses wrong types with 400 naming the field", async () => {
    const content = await refusal(
      await postJson(chatUrl(), { messages: [{ role: "user", content: 5 }] }),
      400,
    );
    expect(content.param).toBe("messages[0].content");
    const maxTokens = await refusal(
      await postJson(chatUrl(), { messages: hello, max_tokens: "ten" }),
      400,
    );
    expect(maxTokens.param).toBe("max_tokens");
    const image = await refusal(
      await postJson(chatUrl(), {
        messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "x" } }] }],
      }),
      400,
    );
    expect(image.param).toBe("messages[0].content");
    const temperature = await refusal(
      await postJson(chatUrl(), { messages: hello, temperature: 9 }),
      400,
    );
    expect(temperature.param).toBe("temperature");
    const noMessages = await refusal(await postJson(chatUrl(), { messages: [] }), 400);
    expect(noMessages.param).toBe("messages");
    const streamOptions = await refusal(
      await postJson(chatUrl(), { messages: hello, stream_options: { include_usage: true } }),
      400,
    );
    expect(streamOptions.param).toBe("stream_options");
    const emptyInput = await refusal(
      await postJson(`${sim.url}/v1/embeddings`, { input: "" }),
      400,
    );
    expect(emptyInput.param).toBe("input");
  });

  it("answers 404 model_not_found for a model it does not serve, on every endpoint", async () => {
    const requests: [string, object][] = [
      ["/v1/chat/completions", { model: "gpt-imaginary", messages: hello }],
      ["/v1/completions", { model: "gpt-imaginary", prompt: "Hi" }],
      ["/v1/embeddings", { model: "gpt-imaginary", input: "Hi" }],
    ];
    for (const [path, body] of requests) {
      const error = await refusal(await postJson(`${sim.url}${path}`, body), 404);
      expect(error).toMatchObject({ code: "model_not_found", param: "model" });
      expect(error.message).toContain("gpt-imaginary");
    }
    expect((await refusal(await fetch(`${sim.url}/v1/models/gpt-imaginary`), 404)).code).toBe(
      "model_not_found",
    );
  });

  it("refuses n other than 1 and batched prompts with 422, saying why", async () => {
    const n = await refusal(await postJson(chatUrl(), { messages: hello, n: 2 }), 422);
    expect(n).toMatchObject({ code: "unsupported_value", param: "n" });
    expect(n.message).toContain("n must be 1");
    const batch = await refusal(
      await postJson(`${sim.url}/v1/completions`, { prompt: ["one", "two"] }),
      422,
    );
    expect(batch.param).toBe("prompt");
  });

  it("refuses a prompt longer than the context window with 400", async () => {
    const long = "word ".repeat(700);
    const error = await refusal(
      await postJson(`${sim.url}/v1/completions`, { prompt: long, max_tokens: 1400 }),
      400,
    );
    expect(error.code).toBe("context_length_exceeded");
    expect(error.message).toContain("maximum context length is 2048 tokens");
  });

  it("answers 405 with Allow for a wrong method and 404 for an unknown path", async () => {
    const wrong = await fetch(chatUrl());
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await refusal(wrong, 405)).code).toBe("method_not_allowed");
    const post = await postJson(`${sim.url}/v1/models`, {});
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    await refusal(post, 405);
    expect((await refusal(await fetch(`${sim.url}/v2/anything`), 404)).code).toBe("not_found");
  });

  it("answers 413 for a body over the limit, declared or streamed", async () => {
    const big = JSON.stringify({ messages: [{ role: "user", content: "x".repeat(5000) }] });
    const declared = await postJson(chatUrl(), big);
    expect((await refusal(declared, 413)).code).toBe("request_too_large");

    const chunked = await rawPost(sim.port, "/v1/chat/completions", Buffer.from(big), {
      "content-type": "application/json",
      "transfer-encoding": "chunked",
    });
    expect(chunked.status).toBe(413);
    expect((JSON.parse(chunked.body) as ErrorEnvelope).error.code).toBe("request_too_large");
    expect((await fetch(`${sim.url}/health`)).status).toBe(200);
  });

  it("reads lone surrogates, odd Unicode and invalid UTF-8 without failing", async () => {
    const odd = "\ud800 lone \udfff e\u0301 🙂\u0000 \u202eevil <|endoftext|><|im_start|> \ufeff";
    const response = await postJson(chatUrl(), { messages: [{ role: "user", content: odd }] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { usage: { prompt_tokens: number } };
    const plain = { disallowedSpecial: new Set<string>() };
    expect(body.usage.prompt_tokens).toBe(
      encode("user", plain).length + encode(odd, plain).length + 4 + 3,
    );

    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"prompt":"bad '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' bytes","model":"tessera-demo-7b"}'),
    ]);
    const raw = await rawPost(sim.port, "/v1/completions", invalidUtf8, {
      "content-type": "application/json",
    });
    expect(raw.status).toBe(200);
    const surrogateModel = await postJson(chatUrl(), { model: "\udc00", messages: hello });
    expect((await refusal(surrogateModel, 404)).code).toBe("model_not_found");
  });

  it("never answered 500", async () => {
    const text = await (await fetch(`${sim.url}/metrics`)).text();
    expect(text).not.toMatch(/status="5\d\d"/);
    expect(
      await metricValue(
        sim.url,
        'model_sim_http_requests_total{route="/v1/chat/completions",status="400"}',
      ),
    ).toBeGreaterThan(5);
  });
});
