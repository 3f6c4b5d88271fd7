import { z } from "zod";
import { scoreApplication } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { scoreInput } from "../programmes/shared-inputs";
import { reviewIdInput } from "./get";

export const scoreApplicationInput = z.object({
  ...reviewIdInput,
  score: scoreInput,
  comment: text("Comment", 5000, 10, { empty: "Enter a comment." }),
});

export const scoreApplicationProcedure = platformProcedure("reviews.perform")
  .input(scoreApplicationInput)
  .mutation(({ ctx, input }) => scoreApplication(ctx.db, ctx.actor, input));
