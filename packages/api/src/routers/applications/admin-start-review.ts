import { z } from "zod";
import { beginApplicationReview } from "@tessera/core";
import { platformProcedure } from "../../trpc";
import { applicationIdInput } from "./inputs";

export const startReviewInput = z.object(applicationIdInput);

export const startReviewProcedure = platformProcedure("applications.manage")
  .input(startReviewInput)
  .mutation(({ ctx, input }) => beginApplicationReview(ctx.db, ctx.actor, input));
