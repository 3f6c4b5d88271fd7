import { z } from "zod";
import { summariseGatewayUsage } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { apiKeyIdInput } from "./inputs";

export const apiKeyUsageInput = z.object({
  days: z
    .number({ error: "Days must be a number." })
    .int("Days must be a whole number.")
    .min(1, "Show at least 1 day.")
    .max(90, "Show at most 90 days."),
  apiKeyId: apiKeyIdInput.shape.apiKeyId.nullish(),
  model: z
    .string({ error: "The model must be a model name." })
    .trim()
    .min(1, "Name the model, or leave it out for every model.")
    .max(256, "That model name is too long.")
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    .regex(/^[^\u0000-\u001f\u007f]*$/, "A model name has no control characters.")
    .nullish(),
});

/** Calls through the gateway by day, key and model: whoever may see the keys may see their use. */
export const apiKeyUsageProcedure = tenantProcedure("apiKeys.read")
  .input(apiKeyUsageInput)
  .query(({ ctx, input }) => summariseGatewayUsage(ctx.tenant, input, ctx.db));
