import { z } from "zod";
import { declareConflict } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { reviewIdInput } from "./get";

export const declareConflictInput = z.object({ ...reviewIdInput, reason: text("Reason", 2000, 5) });

export const declareConflictProcedure = platformProcedure("reviews.perform")
  .input(declareConflictInput)
  .mutation(({ ctx, input }) => declareConflict(ctx.db, ctx.actor, input));
