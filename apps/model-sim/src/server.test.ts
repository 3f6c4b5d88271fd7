import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricValue, postJson, sseEvents, startSim, type RunningSim } from "./testing/sim-server";

const PLAIN = { disallowedSpecial: new Set<string>() };
const tokens = (text: string): number => encode(text, PLAIN).length;

/** ChatML as the simulator documents it: role + content + 4 per message, 3 to prime the reply. */
function chatPromptTokens(messages: readonly { role: string; content: string }[]): number {
  return messages.reduce((sum, m) => sum + tokens(m.role) + tokens(m.content) + 4, 3);
}

interface ChatCompletion {
  object: string;
  model: string;
  choices: {
    message: { role: string; content: string };
    finish_reason: string;
    stop_reason: string | null;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

interface ChatChunk {
  id: string;
  object: string;
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: ChatCompletion["usage"] | null;
}

const MESSAGES = [
  { role: "system", content: "You are the Tessera demo model." },
  { role: "user", content: "How many GPU-hours does my allocation have left?" },
];

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

async function chat(body: object): Promise<ChatCompletion> {
  const response = await postJson(`${sim.url}/v1/chat/completions`, {
    model: "tessera-demo-7b",
    messages: MESSAGES,
    ...body,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ChatCompletion;
}

describe("model-sim", () => {
  it("names itself a simulator", async () => {
    const response = await fetch(`${sim.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("server")).toBe("tessera-model-sim");
    expect(await response.json()).toEqual({
      status: "ok",
      server: "tessera-model-sim",
      simulated: true,
    });
  });

  it("lists the served models", async () => {
    const response = await fetch(`${sim.url}/v1/models`);
    const body = (await response.json()) as { object: string; data: { id: string }[] };
    expect(body.object).toBe("list");
    expect(body.data.map((model) => model.id)).toEqual(["tessera-demo-7b", "tessera-other-1b"]);
    const one = await fetch(`${sim.url}/v1/models/tessera-other-1b`);
    expect(((await one.json()) as { id: string }).id).toBe("tessera-other-1b");
  });

  it("answers a chat deterministically, with the tokenizer's counts", async () => {
    const first = await chat({});
    const again = await chat({ temperature: 0.7 });
    expect(first.object).toBe("chat.completion");
    expect(first.model).toBe("tessera-demo-7b");
    const [choice] = first.choices;
    expect(choice?.message.role).toBe("assistant");
    expect(choice?.message.content.length).toBeGreaterThan(20);
    expect(choice?.finish_reason).toBe("stop");
    expect(again.choices[0]?.message.content).toBe(choice?.message.content);
    expect(first.usage).toEqual({
      prompt_tokens: chatPromptTokens(MESSAGES),
      completion_tokens: tokens(choice!.message.content),
      total_tokens: chatPromptTokens(MESSAGES) + tokens(choice!.message.content),
    });

    const other = await chat({ messages: [{ role: "user", content: "Something else." }] });
    expect(other.choices[0]?.message.content).not.toBe(choice?.message.content);
    const seeded = await chat({ seed: 7 });
    expect(seeded.choices[0]?.message.content).not.toBe(choice?.message.content);
  });

  it("streams the same reply token by token, usage last, then [DONE]", async () => {
    const whole = await chat({});
    const response = await postJson(`${sim.url}/v1/chat/completions`, {
      model: "tessera-demo-7b",
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = sseEvents(await response.text());
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event) as ChatChunk);

    const [opening, ...rest] = chunks;
    expect(opening?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    const usageChunk = rest.at(-1)!;
    const closing = rest.at(-2)!;
    const content = rest.slice(0, -2);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toEqual(whole.usage);
    expect(closing.choices[0]?.finish_reason).toBe("stop");
    expect(closing.choices[0]?.delta).toEqual({});
    // One token per chunk, and every chunk but the last says usage: null.
    expect(content).toHaveLength(whole.usage.completion_tokens);
    expect(content.map((chunk) => chunk.choices[0]?.delta.content).join("")).toBe(
      whole.choices[0]?.message.content,
    );
    for (const chunk of chunks.slice(0, -1)) expect(chunk.usage).toBeNull();
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
  });

  it("stops at max_tokens (max_completion_tokens first) and before a stop sequence", async () => {
    const limited = await chat({ max_tokens: 5 });
    expect(limited.choices[0]?.finish_reason).toBe("length");
    expect(limited.usage.completion_tokens).toBe(5);
    const preferred = await chat({ max_tokens: 5, max_completion_tokens: 3 });
    expect(preferred.usage.completion_tokens).toBe(3);

    const whole = (await chat({})).choices[0]!.message.content;
    const stopAt = whole.indexOf(" ", 12);
    const stop = whole.slice(stopAt, stopAt + 4);
    const stopped = await chat({ stop: ["never there", stop] });
    expect(stopped.choices[0]?.message.content).toBe(whole.slice(0, whole.indexOf(stop)));
    expect(stopped.choices[0]?.finish_reason).toBe("stop");
    expect(stopped.choices[0]?.stop_reason).toBe(stop);
  });

  it("completes text, streamed and not, without a usage chunk unless asked", async () => {
    const request = { model: "tessera-other-1b", prompt: "The national compute platform" };
    const response = await postJson(`${sim.url}/v1/completions`, request);
    const whole = (await response.json()) as {
      object: string;
      choices: { text: string; finish_reason: string }[];
      usage: ChatCompletion["usage"];
    };
    expect(whole.object).toBe("text_completion");
    expect(whole.usage.prompt_tokens).toBe(tokens(request.prompt));
    expect(whole.usage.completion_tokens).toBe(tokens(whole.choices[0]!.text));

    const streamed = await postJson(`${sim.url}/v1/completions`, { ...request, stream: true });
    const events = sseEvents(await streamed.text());
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events
      .slice(0, -1)
      .map(
        (event) =>
          JSON.parse(event) as { choices: { text: string; finish_reason: string | null }[] },
      );
    expect(chunks.every((chunk) => chunk.choices.length === 1)).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.map((chunk) => chunk.choices[0]?.text).join("")).toBe(whole.choices[0]?.text);
    expect(events.some((event) => event.includes('"usage"'))).toBe(false);

    const ids = await postJson(`${sim.url}/v1/completions`, { prompt: [101, 102, 103, 9] });
    expect(((await ids.json()) as { usage: { prompt_tokens: number } }).usage.prompt_tokens).toBe(
      4,
    );
  });

  it("embeds into deterministic unit vectors", async () => {
    const inputs = ["Tessera allocates GPU-hours.", "Something else entirely."];
    const response = await postJson(`${sim.url}/v1/embeddings`, {
      model: "tessera-demo-7b",
      input: inputs,
    });
    const body = (await response.json()) as {
      data: { index: number; embedding: number[] }[];
      usage: { prompt_tokens: number };
    };
    expect(body.data.map((item) => item.index)).toEqual([0, 1]);
    for (const { embedding } of body.data) {
      expect(embedding).toHaveLength(64);
      expect(Math.hypot(...embedding)).toBeCloseTo(1, 5);
    }
    expect(body.data[0]?.embedding).not.toEqual(body.data[1]?.embedding);
    expect(body.usage.prompt_tokens).toBe(tokens(inputs[0]!) + tokens(inputs[1]!));

    const base64 = await postJson(`${sim.url}/v1/embeddings`, {
      input: inputs[0],
      encoding_format: "base64",
    });
    const encoded = ((await base64.json()) as { data: { embedding: string }[] }).data[0]!.embedding;
    const bytes = Buffer.from(encoded, "base64");
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    expect([...floats]).toEqual(body.data[0]?.embedding);
  });

  it("counts requests, tokens and first tokens in /metrics", async () => {
    const fresh = await startSim();
    try {
      const response = await postJson(`${fresh.url}/v1/chat/completions`, { messages: MESSAGES });
      const { usage } = (await response.json()) as ChatCompletion;
      const model = 'model_name="tessera-demo-7b"';
      expect(await metricValue(fresh.url, `vllm:prompt_tokens_total{${model}}`)).toBe(
        usage.prompt_tokens,
      );
      expect(await metricValue(fresh.url, `vllm:generation_tokens_total{${model}}`)).toBe(
        usage.completion_tokens,
      );
      expect(await metricValue(fresh.url, `vllm:time_to_first_token_seconds_count{${model}}`)).toBe(
        1,
      );
      expect(await metricValue(fresh.url, `vllm:num_requests_running{${model}}`)).toBe(0);
      expect(
        await metricValue(
          fresh.url,
          'model_sim_http_requests_total{route="/v1/chat/completions",status="200"}',
        ),
      ).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
