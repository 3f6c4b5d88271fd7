import { z } from "zod";
import { getMyReview } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const reviewIdInput = { reviewId: rowId("review") };

export const getMyReviewInput = z.object(reviewIdInput);

/** Another reviewer's assignment id answers NOT_FOUND, like an id that does not exist. */
export const getMyReviewProcedure = platformProcedure("reviews.perform")
  .input(getMyReviewInput)
  .query(({ ctx, input }) => getMyReview(ctx.db, ctx.user.id, input.reviewId));
