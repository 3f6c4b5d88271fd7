import { z } from "zod";
import {
  API_KEY_LIMITS,
  revokeApiKey,
  ROTATION_GRACES,
  rotateApiKey,
  updateApiKeyLimits,
} from "@tessera/core";
import { announceApiKeyChange } from "../../gateway-keys";
import { enforceRateLimit } from "../../rate-limit";
import { text } from "../../schemas";
import { tenantProcedure } from "../../trpc";
import { API_KEY_SECRETS_PER_HOUR } from "./create";
import {
  allowFallbackInput,
  apiKeyIdInput,
  requestsPerMinuteInput,
  tokensPerMinuteInput,
} from "./inputs";

// Rotating, revoking and editing never widen what a key may do, so an organisation that is no
// longer verified may still do them (a leaked key must always be replaceable and revocable).

export const rotateApiKeyProcedure = tenantProcedure("apiKeys.write")
  .input(
    apiKeyIdInput.extend({
      grace: z.enum(ROTATION_GRACES, { error: "Choose how long the old secret keeps working." }),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(
      `api-keys:${ctx.user.id}:${ctx.tenant.organization.id}`,
      API_KEY_SECRETS_PER_HOUR,
      3600,
      "new API keys from you for this organisation",
    );
    const issued = await rotateApiKey(ctx.tenant, ctx.actor, {
      id: input.apiKeyId,
      grace: input.grace,
    });
    await announceApiKeyChange(issued.key.id);
    return issued;
  });

export const revokeApiKeyProcedure = tenantProcedure("apiKeys.write")
  .input(apiKeyIdInput)
  .mutation(async ({ ctx, input }) => {
    const revoked = await revokeApiKey(ctx.tenant, ctx.actor, { id: input.apiKeyId });
    if (revoked.changed) await announceApiKeyChange(revoked.id);
    return revoked;
  });

export const updateApiKeyProcedure = tenantProcedure("apiKeys.write")
  .input(
    apiKeyIdInput.extend({
      name: text("Key name", API_KEY_LIMITS.nameMax).optional(),
      requestsPerMinute: requestsPerMinuteInput.optional(),
      tokensPerMinute: tokensPerMinuteInput.optional(),
      allowFallback: allowFallbackInput.optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const { apiKeyId, ...changes } = input;
    const updated = await updateApiKeyLimits(ctx.tenant, ctx.actor, { id: apiKeyId, ...changes });
    if (updated.changed) await announceApiKeyChange(updated.key.id);
    return updated;
  });
