import { z } from "zod";
import { API_KEY_LIMITS } from "@tessera/core";

export const apiKeyIdInput = z.object({
  apiKeyId: z
    .string({ error: "Choose the API key." })
    .trim()
    .min(1, "Choose the API key.")
    .max(64, "That API key id is too long.")
    .regex(/^[a-z2-7]{16}$/, "That is not a valid API key id."),
});

function perMinute(label: string, range: { min: number; max: number }) {
  return z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(range.min, `${label} must be at least ${range.min}.`)
    .max(range.max, `${label} must be at most ${range.max.toLocaleString("en-GB")}.`);
}

export const requestsPerMinuteInput = perMinute(
  "Requests per minute",
  API_KEY_LIMITS.requestsPerMinute,
);
export const tokensPerMinuteInput = perMinute("Tokens per minute", API_KEY_LIMITS.tokensPerMinute);
export const allowFallbackInput = z.boolean({ error: "Fallback must be true or false." });
