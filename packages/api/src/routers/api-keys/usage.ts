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
  model: z.string().trim().min(1).max(256, "That model name is too long.").nullish(),
});

/** Calls through the gateway by day, key and model: whoever may see the keys may see their use. */
export const apiKeyUsageProcedure = tenantProcedure("apiKeys.read")
  .input(apiKeyUsageInput)
  .query(({ ctx, input }) => summariseGatewayUsage(ctx.tenant, input));
