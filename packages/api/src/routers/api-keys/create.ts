import { z } from "zod";
import { API_KEY_LIMITS, createApiKey } from "@tessera/core";
import { announceApiKeyChange } from "../../gateway-keys";
import { enforceRateLimit } from "../../rate-limit";
import { rowId, text } from "../../schemas";
import { verifiedTenantProcedure } from "../../trpc";
import { allowFallbackInput, requestsPerMinuteInput, tokensPerMinuteInput } from "./inputs";

/** New keys and new secrets a person may be given per organisation per hour. */
export const API_KEY_SECRETS_PER_HOUR = 30;

const { min, max } = API_KEY_LIMITS.expiryDays;

export const createApiKeyInput = z
  .object({
    name: text("Key name", API_KEY_LIMITS.nameMax),
    projectId: rowId("project"),
    expiresInDays: z
      .number({ error: "The expiry must be a number of days." })
      .int("The expiry must be a whole number of days.")
      .min(min, `A key expires at least ${min} day from now.`)
      .max(max, `A key expires at most ${max} days from now.`)
      .nullish(),
    expiresOn: z
      .string({ error: "The expiry date must be text." })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the expiry date as YYYY-MM-DD, like 2027-01-31.")
      .nullish(),
    requestsPerMinute: requestsPerMinuteInput.optional(),
    tokensPerMinute: tokensPerMinuteInput.optional(),
    allowedModels: z
      .array(text("Model name", 200), { error: "Models must be a list of model names." })
      .max(API_KEY_LIMITS.scopeMax, `Name at most ${API_KEY_LIMITS.scopeMax} models.`)
      .optional(),
    allowedEndpointIds: z
      .array(rowId("endpoint"), { error: "Endpoints must be a list of endpoint ids." })
      .max(API_KEY_LIMITS.scopeMax, `Name at most ${API_KEY_LIMITS.scopeMax} endpoints.`)
      .optional(),
    allowFallback: allowFallbackInput.optional(),
  })
  .superRefine((input, ctx) => {
    const given = [input.expiresInDays, input.expiresOn].filter((v) => v != null).length;
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["expiresInDays"],
        message: "Choose when the key expires: a number of days or a date, one of the two.",
      });
    }
  });

export const createApiKeyProcedure = verifiedTenantProcedure("apiKeys.write")
  .input(createApiKeyInput)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(
      `api-keys:${ctx.user.id}:${ctx.tenant.organization.id}`,
      API_KEY_SECRETS_PER_HOUR,
      3600,
      "new API keys from you for this organisation",
    );
    const { expiresInDays, expiresOn, ...rest } = input;
    const issued = await createApiKey(ctx.tenant, ctx.actor, {
      ...rest,
      expiry: expiresInDays != null ? { days: expiresInDays } : { date: expiresOn! },
    });
    await announceApiKeyChange(issued.key.id);
    return issued;
  });
