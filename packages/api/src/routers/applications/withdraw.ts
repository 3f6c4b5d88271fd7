import { z } from "zod";
import { withdrawApplication } from "@tessera/core";
import { text } from "../../schemas";
import { tenantProcedure } from "../../trpc";
import { applicationIdInput } from "./inputs";

export const withdrawApplicationInput = z.object({
  ...applicationIdInput,
  reason: text("Reason", 2000, 0).nullish(),
});

/** Withdrawing is allowed even if the organisation has since been suspended. */
export const withdrawApplicationProcedure = tenantProcedure("applications.write")
  .input(withdrawApplicationInput)
  .mutation(({ ctx, input }) =>
    withdrawApplication(ctx.tenant, ctx.actor, {
      applicationId: input.applicationId,
      reason: input.reason,
    }),
  );
