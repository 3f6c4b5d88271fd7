import { z } from "zod";
import { serverEnv } from "@tessera/config";
import { MAX_BUDGET_MINOR, setMonthlyBudget } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

export const setBudgetInput = z.object({
  /** Integer minor units of the billing currency; null clears the budget. */
  budgetMinor: z
    .number({ error: "The monthly budget must be an amount, or nothing to clear it." })
    // Checked in this order, and only the first problem is said: a huge amount is "too large"
    // before it is "not a whole number of cents" (past 2^53 it can be neither exactly).
    .max(Number(MAX_BUDGET_MINOR), "The monthly budget is too large.")
    .min(1, "The monthly budget must be more than zero; clear it instead to have none.")
    .int("The monthly budget must be a whole number of cents.")
    .nullable(),
});

/** Sets or clears the monthly budget (owners and billing members); audited. */
export const setBudgetProcedure = tenantProcedure("billing.manage")
  .input(setBudgetInput)
  .mutation(({ ctx, input }) =>
    setMonthlyBudget(ctx.tenant, ctx.actor, {
      budgetMinor: input.budgetMinor === null ? null : BigInt(input.budgetMinor),
      sellerCountry: serverEnv().BILLING_SELLER_COUNTRY,
    }),
  );
