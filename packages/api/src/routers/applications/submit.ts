import { z } from "zod";
import { submitApplication } from "@tessera/core";
import { verifiedTenantProcedure } from "../../trpc";
import { applicationIdInput } from "./inputs";

export const submitApplicationInput = z.object(applicationIdInput);

/** Submits a draft (call open) or resubmits after changes were requested. */
export const submitApplicationProcedure = verifiedTenantProcedure("applications.write")
  .input(submitApplicationInput)
  .mutation(({ ctx, input }) =>
    submitApplication(ctx.tenant, ctx.actor, { applicationId: input.applicationId }),
  );
