import { z } from "zod";
import { listAllocations } from "@tessera/core";
import { pageInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const listAllocationsInput = z.object({
  ...pageInput,
  activeOnly: z.boolean({ error: "activeOnly must be true or false." }).nullish(),
});

export const listAllocationsProcedure = tenantProcedure("allocations.read")
  .input(listAllocationsInput)
  .query(({ ctx, input }) => listAllocations(ctx.tenant, input));
