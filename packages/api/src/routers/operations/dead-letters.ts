import { z } from "zod";
import { listDeadLetters } from "@tessera/core";
import { pageInput } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const listDeadLettersInput = z.object({
  ...pageInput,
  includeResolved: z.boolean({ error: "includeResolved must be true or false." }).nullish(),
});

export const listDeadLettersProcedure = platformProcedure("operations.read")
  .input(listDeadLettersInput)
  .query(({ ctx, input }) => listDeadLetters(ctx.db, input));
