import type { ServerResponse } from "node:http";
import { embedding, vectorBase64, vectorJson } from "../embed";
import { ApiError } from "@tessera/openai";
import { sendJson } from "@tessera/openai";
import { embeddingSchema, parseBody, type EmbeddingBody } from "../schemas";
import { hashNumbers, hashText } from "../seed";
import { countTextTokens } from "@tessera/openai";
import { resolveModel, type RouteContext } from "./context";

type EmbeddingInput = string | readonly number[];

function inputsOf(input: EmbeddingBody["input"]): readonly EmbeddingInput[] {
  if (typeof input === "string") return [input];
  if (typeof input[0] === "number") return [input as readonly number[]];
  return input as readonly EmbeddingInput[];
}

/**
 * Deterministic unit vectors, answered at once (embedding has no tokens to stream). The body is
 * written as text so a large batch does not build an array of numbers per vector first.
 */
export function embeddings(
  context: RouteContext,
  response: ServerResponse,
  rawBody: unknown,
): void {
  const body = parseBody(embeddingSchema, rawBody);
  const { model, metrics } = resolveModel(context, body.model);
  const dimensions = context.config.embeddingDimensions;
  if (body.dimensions != null && body.dimensions !== dimensions) {
    throw new ApiError(
      400,
      "invalid_value",
      `The simulated model embeds into ${dimensions} dimensions and cannot change that.`,
      "dimensions",
    );
  }
  const base64 = body.encoding_format === "base64";
  let promptTokens = 0;
  let data = "";
  const inputs = inputsOf(body.input);
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index]!;
    const isText = typeof input === "string";
    const tokens = isText ? countTextTokens(input) : input.length;
    if (tokens > context.config.maxModelLen) {
      throw new ApiError(
        400,
        "context_length_exceeded",
        `This model's maximum context length is ${context.config.maxModelLen} tokens. However, input ${index} has ${tokens} tokens.`,
        "input",
      );
    }
    promptTokens += tokens;
    const vector = embedding(isText ? hashText(input) : hashNumbers(input), dimensions);
    if (index > 0) data += ",";
    data += `{"object":"embedding","index":${index},"embedding":${base64 ? `"${vectorBase64(vector)}"` : vectorJson(vector)}}`;
  }
  metrics.promptTokens.inc(promptTokens);
  sendJson(
    response,
    200,
    `{"object":"list","data":[${data}],"model":${JSON.stringify(model)},"usage":{"prompt_tokens":${promptTokens},"total_tokens":${promptTokens}}}`,
  );
}
