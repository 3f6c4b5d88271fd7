import { suspendOrganization } from "@tessera/core";
import { platformProcedure } from "../../../trpc";
import { reviewWithReasonInput } from "./review-reason";

export const suspendOrganizationInput = reviewWithReasonInput;

export const suspendOrganizationProcedure = platformProcedure("organizations.review")
  .input(suspendOrganizationInput)
  .mutation(({ ctx, input }) =>
    suspendOrganization(ctx.db, ctx.actor, input.organizationId, input.reason),
  );
