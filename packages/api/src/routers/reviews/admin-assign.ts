import { z } from "zod";
import { assignReviewer } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const assignReviewerInput = z.object({
  applicationId: rowId("application"),
  reviewerId: rowId("reviewer"),
});

/** Assigning the first reviewer puts a submitted application under review. */
export const assignReviewerProcedure = platformProcedure("applications.manage")
  .input(assignReviewerInput)
  .mutation(({ ctx, input }) => assignReviewer(ctx.db, ctx.actor, input));
