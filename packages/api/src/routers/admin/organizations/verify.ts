import { verifyOrganization } from "@tessera/core";
import { platformProcedure } from "../../../trpc";
import { adminOrganizationInput } from "./get";

export const verifyOrganizationInput = adminOrganizationInput;

export const verifyOrganizationProcedure = platformProcedure("organizations.review")
  .input(verifyOrganizationInput)
  .mutation(({ ctx, input }) => verifyOrganization(ctx.db, ctx.actor, input.organizationId));
