import { z } from "zod";
import { getAllocation } from "@tessera/core";
import { rowId } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const getAllocationInput = z.object({ allocationId: rowId("allocation") });

export const getAllocationProcedure = tenantProcedure("allocations.read")
  .input(getAllocationInput)
  .query(({ ctx, input }) => getAllocation(ctx.tenant, input.allocationId));
