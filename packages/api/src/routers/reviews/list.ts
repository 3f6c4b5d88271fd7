import { z } from "zod";
import { listMyReviews } from "@tessera/core";
import { pageInput } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const listMyReviewsInput = z.object({
  ...pageInput,
  pendingOnly: z.boolean({ error: "pendingOnly must be true or false." }).nullish(),
});

/** The signed-in reviewer's own assignments, and nobody else's. */
export const listMyReviewsProcedure = platformProcedure("reviews.perform")
  .input(listMyReviewsInput)
  .query(({ ctx, input }) => listMyReviews(ctx.db, ctx.user.id, input));
