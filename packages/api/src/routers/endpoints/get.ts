import { getEndpoint } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { endpointIdInput } from "./inputs";

export const getEndpointProcedure = tenantProcedure("endpoints.read")
  .input(endpointIdInput)
  .query(({ ctx, input }) => getEndpoint(ctx.tenant, input.endpointId));
