import { z } from "zod";
import { listOpenProgrammes } from "@tessera/core";
import { pageInput } from "../../schemas";
import { authedProcedure } from "../../trpc";

export const listOpenProgrammesInput = z.object(pageInput);

/** Programmes with a call open now or still to open; for any signed-in user. */
export const listOpenProgrammesProcedure = authedProcedure
  .input(listOpenProgrammesInput)
  .query(({ ctx, input }) => listOpenProgrammes(ctx.db, input));
