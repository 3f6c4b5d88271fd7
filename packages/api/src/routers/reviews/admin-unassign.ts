import { z } from "zod";
import { unassignReviewer } from "@tessera/core";
import { platformProcedure } from "../../trpc";
import { reviewIdInput } from "./get";

export const unassignReviewerInput = z.object(reviewIdInput);

export const unassignReviewerProcedure = platformProcedure("applications.manage")
  .input(unassignReviewerInput)
  .mutation(({ ctx, input }) => unassignReviewer(ctx.db, ctx.actor, input));
