import { serverEnv } from "@tessera/config";
import { getCurrentCharges } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

/** This month's charges so far (the live draft), for those who may read billing. */
export const currentChargesProcedure = tenantProcedure("billing.read").query(({ ctx }) =>
  getCurrentCharges(ctx.tenant, { sellerCountry: serverEnv().BILLING_SELLER_COUNTRY }),
);
