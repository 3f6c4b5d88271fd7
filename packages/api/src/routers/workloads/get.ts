import { getWorkload } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { workloadIdInput } from "./inputs";

export const getWorkloadProcedure = tenantProcedure("workloads.read")
  .input(workloadIdInput)
  .query(({ ctx, input }) => getWorkload(ctx.tenant, input.workloadId));
