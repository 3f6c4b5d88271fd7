import { z } from "zod";
import { listResourceClasses } from "@tessera/core";
import { pageInput } from "../../schemas";
import { authedProcedure } from "../../trpc";

export const listResourceClassesInput = z.object({
  ...pageInput,
  includeInactive: z.boolean({ error: "includeInactive must be true or false." }).nullish(),
});

/** Every signed-in user may read the catalogue: the application form prices from it. */
export const listResourceClassesProcedure = authedProcedure
  .input(listResourceClassesInput)
  .query(({ ctx, input }) => listResourceClasses(ctx.db, input));
