import { serverEnv } from "@tessera/config";
import { getJobUsageSoFar } from "@tessera/core";
import { tenantProcedure } from "../../trpc";
import { workloadIdInput } from "./inputs";

/**
 * A running job's use so far, not yet settled, and (for those who may read billing) what it costs
 * so far as Billing's charges so far price it.
 */
export const jobUsageSoFarProcedure = tenantProcedure("workloads.read")
  .input(workloadIdInput)
  .query(({ ctx, input }) =>
    getJobUsageSoFar(ctx.tenant, input.workloadId, {
      sellerCountry: serverEnv().BILLING_SELLER_COUNTRY,
    }),
  );
