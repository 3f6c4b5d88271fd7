import { z } from "zod";
import {
  ApiError,
  CHAT_REPLY_PRIMING_TOKENS,
  CHAT_TOKENS_PER_MESSAGE,
  countTextTokens,
} from "@tessera/openai";

/**
 * Request bodies as the gateway accepts them: OpenAI's parameters and the sampling extras vLLM
 * understands, and nothing else — an unknown field is refused before it reaches an upstream,
 * as OpenAI refuses it. Values are checked as far as the gateway needs them; the model server
 * judges the rest.
 */
const stop = z.union([z.string(), z.array(z.string()).max(16)]).nullish();
const count = z.number().int().min(1).max(1_000_000).nullish();

const sampling = {
  model: z.string().min(1).max(256),
  stream: z.boolean().nullish(),
  stream_options: z.strictObject({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: count,
  n: z.number().int().min(1).max(128).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  stop,
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  logit_bias: z.record(z.string(), z.number()).nullish(),
  logprobs: z.union([z.boolean(), z.number().int().min(0).max(20)]).nullish(),
  user: z.string().max(256).nullish(),
  // vLLM's sampling extras.
  top_k: z.number().int().min(-1).nullish(),
  min_p: z.number().min(0).max(1).nullish(),
  repetition_penalty: z.number().gt(0).nullish(),
  ignore_eos: z.boolean().nullish(),
  min_tokens: z.number().int().min(0).nullish(),
};

const contentPart = z.looseObject({ type: z.string().min(1) });
const message = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().nullish(),
});

const chatSchema = z.strictObject({
  ...sampling,
  messages: z.array(message).min(1).max(4_096),
  max_completion_tokens: count,
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  response_format: z.looseObject({ type: z.string() }).nullish(),
  tools: z.array(z.looseObject({ type: z.string() })).nullish(),
  tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).nullish(),
  parallel_tool_calls: z.boolean().nullish(),
});

const tokenIds = z.array(z.number().int().min(0)).min(1);
const completionSchema = z.strictObject({
  ...sampling,
  prompt: z.union([z.string(), z.array(z.string()).min(1), tokenIds, z.array(tokenIds).min(1)]),
  echo: z.boolean().nullish(),
  best_of: z.number().int().min(1).nullish(),
  suffix: z.string().nullish(),
});

const embeddingSchema = z.strictObject({
  model: z.string().min(1).max(256),
  input: z.union([
    z.string().min(1),
    z.array(z.string().min(1)).min(1).max(2_048),
    tokenIds,
    z.array(tokenIds).min(1).max(2_048),
  ]),
  encoding_format: z.enum(["float", "base64"]).nullish(),
  dimensions: z.number().int().min(1).nullish(),
  user: z.string().max(256).nullish(),
});

export type Operation = "chat" | "completion" | "embedding";

export const OPERATIONS = new Map<string, Operation>([
  ["/v1/chat/completions", "chat"],
  ["/v1/completions", "completion"],
  ["/v1/embeddings", "embedding"],
]);

const SCHEMAS = { chat: chatSchema, completion: completionSchema, embedding: embeddingSchema };

export interface ModelRequest {
  operation: Operation;
  model: string;
  stream: boolean;
  /** Whether the client asked for the usage chunk itself (the gateway always asks upstream). */
  clientWantsUsage: boolean;
  body: Record<string, unknown>;
}

function paramOf(path: readonly PropertyKey[]): string | null {
  let param = "";
  for (const key of path) {
    param += typeof key === "number" ? `[${key}]` : param === "" ? String(key) : `.${String(key)}`;
  }
  return param === "" ? null : param;
}

/** Checks a body, or throws the 400 that names the first thing wrong with it. */
export function parseModelRequest(operation: Operation, value: unknown): ModelRequest {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(400, "invalid_request", "The request body must be a JSON object.");
  }
  const result = SCHEMAS[operation].safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((key) => paramOf([...issue.path, key]) ?? key);
      throw new ApiError(
        400,
        "unknown_parameter",
        `Unrecognized request argument supplied: ${keys.join(", ")}`,
        keys[0] ?? null,
      );
    }
    const param = paramOf(issue.path);
    if (param === "model" && issue.code === "invalid_type") {
      throw new ApiError(400, "missing_model", "Name the model to call in `model`.", "model");
    }
    throw new ApiError(
      400,
      "invalid_value",
      param ? `Invalid value for '${param}': ${issue.message}` : issue.message,
      param,
    );
  }
  const body = value as Record<string, unknown>;
  const stream = operation !== "embedding" && body.stream === true;
  if (body.stream_options != null && !stream) {
    throw new ApiError(
      400,
      "invalid_value",
      "Stream options can only be defined when `stream` is true.",
      "stream_options",
    );
  }
  const options = body.stream_options as { include_usage?: boolean | null } | null | undefined;
  return {
    operation,
    model: body.model as string,
    stream,
    clientWantsUsage: options?.include_usage === true,
    body,
  };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  let text = "";
  for (const part of content as { type?: unknown; text?: unknown }[]) {
    if (part.type === "text" && typeof part.text === "string") text += part.text;
  }
  return text;
}

function countInput(input: unknown): number {
  if (typeof input === "string") return countTextTokens(input);
  if (!Array.isArray(input) || input.length === 0) return 0;
  if (typeof input[0] === "number") return input.length;
  let total = 0;
  for (const item of input as unknown[]) total += countInput(item);
  return total;
}

/**
 * The prompt's tokens counted by the gateway itself, for an upstream that did not say (or a
 * client that left before it could): the same tokenizer and ChatML template the simulated
 * model server uses; for a real model, an estimate.
 */
export function countPromptTokens(request: ModelRequest): number {
  const { body } = request;
  if (request.operation === "chat") {
    let total = CHAT_REPLY_PRIMING_TOKENS;
    for (const item of body.messages as { role: string; content?: unknown }[]) {
      total +=
        CHAT_TOKENS_PER_MESSAGE +
        countTextTokens(item.role) +
        countTextTokens(textOf(item.content));
    }
    return total;
  }
  return countInput(request.operation === "completion" ? body.prompt : body.input);
}
