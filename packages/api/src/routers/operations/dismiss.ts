import { z } from "zod";
import { dismissDeadLetter } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const dismissDeadLetterInput = z.object({
  deadLetterId: rowId("dead letter"),
  reason: text("Reason", 500, 3),
});

export const dismissDeadLetterProcedure = platformProcedure("operations.manage")
  .input(dismissDeadLetterInput)
  .mutation(({ ctx, input }) => dismissDeadLetter(ctx.db, ctx.actor, input));
