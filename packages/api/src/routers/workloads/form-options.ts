import { getWorkloadFormOptions } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

export const workloadFormOptionsProcedure = tenantProcedure("workloads.read").query(({ ctx }) =>
  getWorkloadFormOptions(ctx.tenant),
);
