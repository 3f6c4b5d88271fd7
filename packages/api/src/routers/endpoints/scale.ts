import { scaleEndpoint, scaleEndpointToZero, wakeEndpoint } from "@tessera/core";
import { tenantProcedure, verifiedTenantProcedure } from "../../trpc";
import { endpointIdInput, replicasInput } from "./inputs";

export const scaleEndpointProcedure = verifiedTenantProcedure("endpoints.write")
  .input(endpointIdInput.extend({ replicas: replicasInput("Replicas", 1) }))
  .mutation(({ ctx, input }) =>
    scaleEndpoint(ctx.tenant, ctx.actor, { id: input.endpointId, replicas: input.replicas }),
  );

// Stopping spends nothing: a member of an organisation that is no longer verified may still do it.
export const scaleEndpointToZeroProcedure = tenantProcedure("endpoints.write")
  .input(endpointIdInput)
  .mutation(({ ctx, input }) =>
    scaleEndpointToZero(ctx.tenant, ctx.actor, { id: input.endpointId }),
  );

export const wakeEndpointProcedure = verifiedTenantProcedure("endpoints.write")
  .input(endpointIdInput)
  .mutation(({ ctx, input }) => wakeEndpoint(ctx.tenant, ctx.actor, { id: input.endpointId }));
