import { deleteEndpoint } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { endpointIdInput } from "./inputs";

export const deleteEndpointProcedure = tenantProcedure("endpoints.write")
  .input(endpointIdInput)
  .mutation(({ ctx, input }) => deleteEndpoint(ctx.tenant, ctx.actor, { id: input.endpointId }));
