import type { ServerResponse } from "node:http";
import { ApiError } from "@tessera/openai";
import type { ReplyFormat } from "../reply";
import { checkSampling, completionSchema, parseBody, type CompletionBody } from "../schemas";
import { hashNumbers, hashText } from "../seed";
import { countTextTokens } from "@tessera/openai";
import { resolveModel, type RouteContext } from "./context";
import { replyToPrompt, type ReadPrompt } from "./reply-to-prompt";

const textFormat: ReplyFormat = {
  idPrefix: "cmpl-",
  chunkObject: "text_completion",
  opening: null,
  tokenOpen: `[{"index":0,"text":`,
  tokenClose: `,"logprobs":null,"finish_reason":null,"stop_reason":null}]`,
  closing: (finishReason, stopReason) =>
    `[{"index":0,"text":"","logprobs":null,"finish_reason":"${finishReason}","stop_reason":${JSON.stringify(stopReason)}}]`,
  complete: (head, text, finishReason, stopReason, usage) => ({
    id: head.id,
    object: "text_completion",
    created: head.created,
    model: head.model,
    choices: [
      { index: 0, text, logprobs: null, finish_reason: finishReason, stop_reason: stopReason },
    ],
    usage,
  }),
};

/** One prompt (text or token ids); a batch of several would need n choices, which is refused. */
function readPrompt(prompt: CompletionBody["prompt"]): ReadPrompt {
  let single: string | readonly number[];
  if (typeof prompt === "string") {
    single = prompt;
  } else if (prompt.length > 0 && typeof prompt[0] === "number") {
    single = prompt as readonly number[];
  } else if (prompt.length === 1) {
    single = prompt[0] as string | readonly number[];
  } else {
    throw new ApiError(
      422,
      "unsupported_value",
      "The simulated model server completes one prompt per request; send the prompts one by one.",
      "prompt",
    );
  }
  return typeof single === "string"
    ? { tokens: countTextTokens(single), hash: hashText(single) }
    : { tokens: single.length, hash: hashNumbers(single) };
}

export function completions(
  context: RouteContext,
  response: ServerResponse,
  rawBody: unknown,
  arrivedAt: number,
): void {
  const body = parseBody(completionSchema, rawBody);
  checkSampling(body);
  const { model, metrics } = resolveModel(context, body.model);
  replyToPrompt(context, response, {
    format: textFormat,
    model,
    metrics,
    prompt: readPrompt(body.prompt),
    promptParam: "prompt",
    maxTokens: body.max_tokens,
    body,
    arrivedAt,
  });
}
