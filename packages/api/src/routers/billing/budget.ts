import { serverEnv } from "@tessera/config";
import { getBudget } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

/** The monthly budget beside this month's spend so far, for those who may read billing. */
export const budgetProcedure = tenantProcedure("billing.read").query(({ ctx }) =>
  getBudget(ctx.tenant, { sellerCountry: serverEnv().BILLING_SELLER_COUNTRY }),
);
