import { z } from "zod";
import { listEndpoints } from "@tessera/core";
import { pageInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const listEndpointsInput = z.object({
  ...pageInput,
  includeDeleted: z.boolean({ error: "Include deleted must be true or false." }).nullish(),
});

export const listEndpointsProcedure = tenantProcedure("endpoints.read")
  .input(listEndpointsInput)
  .query(({ ctx, input }) => listEndpoints(ctx.tenant, input));
