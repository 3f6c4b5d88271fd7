import { createTRPCRouter } from "../../trpc";
import { revokeApiKeyProcedure, rotateApiKeyProcedure, updateApiKeyProcedure } from "./change";
import { createApiKeyProcedure } from "./create";
import { apiKeyFormOptionsProcedure, getApiKeyProcedure, listApiKeysProcedure } from "./list";
import { apiKeyUsageProcedure } from "./usage";

export const apiKeysRouter = createTRPCRouter({
  list: listApiKeysProcedure,
  get: getApiKeyProcedure,
  formOptions: apiKeyFormOptionsProcedure,
  create: createApiKeyProcedure,
  rotate: rotateApiKeyProcedure,
  revoke: revokeApiKeyProcedure,
  update: updateApiKeyProcedure,
  usage: apiKeyUsageProcedure,
});
