import { z } from "zod";
import { listProgrammesForAdmin } from "@tessera/core";
import { pageInput, text } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const listProgrammesForAdminInput = z.object({
  ...pageInput,
  q: text("Search", 200, 0).nullish(),
});

export const listProgrammesForAdminProcedure = platformProcedure("programmes.manage")
  .input(listProgrammesForAdminInput)
  .query(({ ctx, input }) => listProgrammesForAdmin(ctx.db, input));
