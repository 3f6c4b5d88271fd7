import { z } from "zod";
import { ApiError } from "@tessera/openai";

/**
 * Request bodies as vLLM's OpenAI server accepts them. Fields the simulator has no use for
 * (tools, logprobs, penalties, …) pass through unread, as vLLM lets unknown fields through.
 */
const stop = z.union([z.string(), z.array(z.string()).max(16)]).nullish();

const sampling = {
  model: z.string().nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  n: z.number().int().min(1).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  stop,
};

const textPart = z.looseObject({
  type: z.literal("text", { error: "the simulated model reads text parts only" }),
  text: z.string(),
});

const message = z.looseObject({
  role: z.string().min(1),
  content: z.union([z.string(), z.array(textPart), z.null()]).optional(),
});

export const chatCompletionSchema = z.looseObject({
  ...sampling,
  messages: z.array(message).min(1),
  max_completion_tokens: z.number().int().min(1).nullish(),
});
export type ChatCompletionBody = z.infer<typeof chatCompletionSchema>;

const tokenIds = z.array(z.number().int().min(0)).min(1);

export const completionSchema = z.looseObject({
  ...sampling,
  prompt: z.union([z.string(), z.array(z.string()).min(1), tokenIds, z.array(tokenIds).min(1)]),
});
export type CompletionBody = z.infer<typeof completionSchema>;

export const embeddingSchema = z.looseObject({
  model: z.string().nullish(),
  input: z.union([
    z.string().min(1),
    z.array(z.string().min(1)).min(1).max(2048),
    tokenIds,
    z.array(tokenIds).min(1).max(2048),
  ]),
  encoding_format: z.enum(["float", "base64"]).nullish(),
  dimensions: z.number().int().min(1).nullish(),
});
export type EmbeddingBody = z.infer<typeof embeddingSchema>;

/** `messages[0].content` from zod's path, for the error envelope's `param`. */
function paramOf(path: readonly PropertyKey[]): string | null {
  let param = "";
  for (const key of path) {
    param += typeof key === "number" ? `[${key}]` : param === "" ? String(key) : `.${String(key)}`;
  }
  return param === "" ? null : param;
}

/** Parses a body or throws the 400 vLLM answers for a request that fails validation. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(400, "invalid_request", "The request body must be a JSON object.");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue ? paramOf(issue.path) : null;
  const message = issue?.message ?? "Invalid request.";
  throw new ApiError(
    400,
    "invalid_value",
    param ? `Invalid value for '${param}': ${message}` : message,
    param,
  );
}

/** Refusals shared by both text endpoints: what the simulator understands but does not do. */
export function checkSampling(body: {
  n?: number | null;
  stream?: boolean | null;
  stream_options?: unknown;
}): void {
  if (body.n != null && body.n !== 1) {
    throw new ApiError(
      422,
      "unsupported_value",
      "The simulated model server generates one choice per request: n must be 1.",
      "n",
    );
  }
  if (body.stream_options != null && body.stream !== true) {
    throw new ApiError(
      400,
      "invalid_value",
      "Stream options can only be defined when `stream=True`.",
      "stream_options",
    );
  }
}
