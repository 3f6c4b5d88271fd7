import { z } from "zod";
import { summariseUsage } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

export const usageInput = z.object({
  months: z
    .number({ error: "The number of months must be a number." })
    .int("The number of months must be a whole number.")
    .min(1, "Show at least 1 month.")
    .max(24, "Show at most 24 months.")
    .nullish(),
});

export const usageSummaryProcedure = tenantProcedure("billing.read")
  .input(usageInput)
  .query(({ ctx, input }) => summariseUsage(ctx.tenant, { months: input.months ?? 6 }, ctx.db));
