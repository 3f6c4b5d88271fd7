import { z } from "zod";
import { previewWorkload } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { workloadShapeInput } from "./inputs";

export const previewWorkloadInput = z.object(workloadShapeInput);

export const previewWorkloadProcedure = tenantProcedure("workloads.read")
  .input(previewWorkloadInput)
  .query(({ ctx, input }) => previewWorkload(ctx.tenant, input));
