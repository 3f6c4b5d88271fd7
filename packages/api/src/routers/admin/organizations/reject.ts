import { rejectOrganization } from "@tessera/core";
import { platformProcedure } from "../../../trpc";
import { reviewWithReasonInput } from "./review-reason";

export const rejectOrganizationInput = reviewWithReasonInput;

export const rejectOrganizationProcedure = platformProcedure("organizations.review")
  .input(rejectOrganizationInput)
  .mutation(({ ctx, input }) =>
    rejectOrganization(ctx.db, ctx.actor, input.organizationId, input.reason),
  );
