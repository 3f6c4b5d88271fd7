import { z } from "zod";
import { getOrganizationForReview } from "@tessera/core";
import { rowId } from "../../../schemas";
import { platformProcedure } from "../../../trpc";

export const adminOrganizationInput = z.object({ organizationId: rowId("organisation") });

export const getOrganizationForReviewProcedure = platformProcedure("organizations.readAll")
  .input(adminOrganizationInput)
  .query(({ ctx, input }) => getOrganizationForReview(ctx.db, input.organizationId));
