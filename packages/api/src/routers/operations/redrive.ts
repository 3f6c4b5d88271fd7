import { z } from "zod";
import { redriveDeadLetter } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const redriveDeadLetterInput = z.object({ deadLetterId: rowId("dead letter") });

export const redriveDeadLetterProcedure = platformProcedure("operations.manage")
  .input(redriveDeadLetterInput)
  .mutation(({ ctx, input }) => redriveDeadLetter(ctx.db, ctx.actor, input.deadLetterId));
