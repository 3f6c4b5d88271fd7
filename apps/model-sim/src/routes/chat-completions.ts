import type { ServerResponse } from "node:http";
import type { ReplyFormat } from "../reply";
import {
  checkSampling,
  chatCompletionSchema,
  parseBody,
  type ChatCompletionBody,
} from "../schemas";
import { hashText } from "../seed";
import {
  CHAT_REPLY_PRIMING_TOKENS,
  CHAT_TOKENS_PER_MESSAGE,
  countTextTokens,
} from "@tessera/openai";
import { resolveModel, type RouteContext } from "./context";
import { replyToPrompt, type ReadPrompt } from "./reply-to-prompt";

const chatFormat: ReplyFormat = {
  idPrefix: "chatcmpl-",
  chunkObject: "chat.completion.chunk",
  opening: `[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]`,
  tokenOpen: `[{"index":0,"delta":{"content":`,
  tokenClose: `},"logprobs":null,"finish_reason":null}]`,
  closing: (finishReason, stopReason) =>
    `[{"index":0,"delta":{},"logprobs":null,"finish_reason":"${finishReason}","stop_reason":${JSON.stringify(stopReason)}}]`,
  complete: (head, text, finishReason, stopReason, usage) => ({
    id: head.id,
    object: "chat.completion",
    created: head.created,
    model: head.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: text },
        logprobs: null,
        finish_reason: finishReason,
        stop_reason: stopReason,
      },
    ],
    usage,
  }),
};

/** Prompt tokens under the ChatML template, and a hash of the conversation to seed the reply. */
function readMessages(messages: ChatCompletionBody["messages"]): ReadPrompt {
  let tokens = CHAT_REPLY_PRIMING_TOKENS;
  let hash: number | undefined;
  for (const message of messages) {
    tokens += CHAT_TOKENS_PER_MESSAGE + countTextTokens(message.role);
    hash = hashText(message.role, hash);
    const content = message.content;
    if (typeof content === "string") {
      tokens += countTextTokens(content);
      hash = hashText(content, hash);
    } else if (content) {
      for (const part of content) {
        tokens += countTextTokens(part.text);
        hash = hashText(part.text, hash);
      }
    }
  }
  return { tokens, hash: hash ?? 0 };
}

export function chatCompletions(
  context: RouteContext,
  response: ServerResponse,
  rawBody: unknown,
  arrivedAt: number,
): void {
  const body = parseBody(chatCompletionSchema, rawBody);
  checkSampling(body);
  const { model, metrics } = resolveModel(context, body.model);
  replyToPrompt(context, response, {
    format: chatFormat,
    model,
    metrics,
    prompt: readMessages(body.messages),
    promptParam: "messages",
    maxTokens: body.max_completion_tokens ?? body.max_tokens,
    body,
    arrivedAt,
  });
}
