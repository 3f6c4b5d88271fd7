import { getEndpointCost } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { endpointIdInput } from "./inputs";

/** What an endpoint costs an hour now, and this month so far for those who may read billing. */
export const endpointCostProcedure = tenantProcedure("endpoints.read")
  .input(endpointIdInput)
  .query(({ ctx, input }) => getEndpointCost(ctx.tenant, input.endpointId));
