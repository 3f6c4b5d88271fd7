import { z } from "zod";
import { serverEnv } from "@tessera/config";
import { getJobsUsageSoFar, getJobUsageSoFar, MAX_PAGE_SIZE } from "@tessera/core";
import { rowId } from "../../schemas";
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

export const jobsUsageSoFarInput = z.object({
  workloadIds: z
    .array(rowId("job"), { error: "Choose the jobs by id." })
    .max(MAX_PAGE_SIZE, `Ask for at most ${MAX_PAGE_SIZE} jobs.`),
});

/**
 * The same for the jobs on a page of the list, from one reading: one entry per running job with
 * use so far (the others have none), with each job's page's figures to the cent.
 */
export const jobsUsageSoFarProcedure = tenantProcedure("workloads.read")
  .input(jobsUsageSoFarInput)
  .query(async ({ ctx, input }) => {
    const soFar = await getJobsUsageSoFar(ctx.tenant, input.workloadIds, {
      sellerCountry: serverEnv().BILLING_SELLER_COUNTRY,
    });
    return [...soFar].map(([workloadId, usage]) => ({ workloadId, ...usage }));
  });
