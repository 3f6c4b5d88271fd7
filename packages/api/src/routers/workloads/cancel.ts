import { requestWorkloadCancel } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { workloadIdInput } from "./inputs";

export const cancelWorkloadProcedure = tenantProcedure("workloads.write")
  .input(workloadIdInput)
  .mutation(({ ctx, input }) => requestWorkloadCancel(ctx.tenant, ctx.actor, input.workloadId));
