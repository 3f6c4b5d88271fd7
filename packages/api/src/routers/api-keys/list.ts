import { z } from "zod";
import { getApiKey, getApiKeyFormOptions, listApiKeys } from "@tessera/core";
import { pageInput, rowId } from "../../schemas";
import { tenantProcedure } from "../../trpc";
import { apiKeyIdInput } from "./inputs";

export const listApiKeysInput = z.object({ ...pageInput, projectId: rowId("project").nullish() });

export const listApiKeysProcedure = tenantProcedure("apiKeys.read")
  .input(listApiKeysInput)
  .query(({ ctx, input }) => listApiKeys(ctx.tenant, ctx.actor, input));

export const getApiKeyProcedure = tenantProcedure("apiKeys.read")
  .input(apiKeyIdInput)
  .query(({ ctx, input }) => getApiKey(ctx.tenant, ctx.actor, input.apiKeyId));

export const apiKeyFormOptionsProcedure = tenantProcedure("apiKeys.read").query(({ ctx }) =>
  getApiKeyFormOptions(ctx.tenant),
);
