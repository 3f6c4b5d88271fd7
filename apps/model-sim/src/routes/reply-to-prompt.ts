import type { ServerResponse } from "node:http";
import type { ModelSimConfig } from "../env";
import { ApiError } from "@tessera/openai";
import { generate } from "../generate";
import type { ModelMetrics } from "../metrics";
import { sendReply, type ReplyFormat } from "../reply";
import { hashNumbers } from "../seed";
import type { RouteContext } from "./context";

/** A prompt read and counted: its tokens, and a hash of it that seeds the reply. */
export interface ReadPrompt {
  tokens: number;
  hash: number;
}

/** The request fields both text endpoints share. */
export interface SamplingFields {
  seed?: number | null;
  stop?: string | string[] | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null } | null;
}

/**
 * How many tokens the reply may have: max_tokens, or what the context window leaves. Refuses a
 * request that cannot fit, in vLLM's words.
 */
function replyLimit(
  config: ModelSimConfig,
  promptTokens: number,
  maxTokens: number | null | undefined,
  promptParam: "messages" | "prompt",
): number {
  const requested = promptTokens + (maxTokens ?? 1);
  if (requested > config.maxModelLen) {
    throw new ApiError(
      400,
      "context_length_exceeded",
      `This model's maximum context length is ${config.maxModelLen} tokens. However, you requested ${requested} tokens (${promptTokens} in the ${promptParam}, ${requested - promptTokens} in the completion). Please reduce the length of the ${promptParam} or completion.`,
      promptParam,
    );
  }
  return maxTokens ?? config.maxModelLen - promptTokens;
}

function stopList(stop: string | readonly string[] | null | undefined): readonly string[] {
  if (stop == null) return [];
  return typeof stop === "string" ? [stop] : stop;
}

/** The request's `seed` varies the reply as a real sampler's seed would, still deterministically. */
function mixSeed(promptHash: number, seed: number | null | undefined): number {
  return seed == null
    ? promptHash
    : hashNumbers([seed & 0xffffffff, Math.floor(seed / 2 ** 32)], promptHash);
}

/** Generates the reply to a prompt already read and counted, and sends it. */
export function replyToPrompt(
  context: RouteContext,
  response: ServerResponse,
  request: {
    format: ReplyFormat;
    model: string;
    metrics: ModelMetrics;
    prompt: ReadPrompt;
    promptParam: "messages" | "prompt";
    maxTokens: number | null | undefined;
    body: SamplingFields;
    arrivedAt: number;
  },
): void {
  const { config } = context;
  const { prompt, body } = request;
  const limit = replyLimit(config, prompt.tokens, request.maxTokens, request.promptParam);
  sendReply(response, {
    format: request.format,
    model: request.model,
    metrics: request.metrics,
    promptTokens: prompt.tokens,
    generation: generate({
      seed: mixSeed(prompt.hash, body.seed),
      limit,
      stop: stopList(body.stop),
    }),
    stream: body.stream === true,
    includeUsage: body.stream_options?.include_usage === true,
    arrivedAt: request.arrivedAt,
    ttftMs: config.ttftMs,
    itlMs: config.itlMs,
  });
}
