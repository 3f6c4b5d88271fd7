import { z } from "zod";
import { quoteApplication } from "@tessera/core";
import { rowId } from "../../schemas";
import { authedProcedure } from "../../trpc";
import { requestedLinesInput } from "../programmes/shared-inputs";

export const quoteApplicationInput = z.object({
  programmeId: rowId("programme"),
  lines: requestedLinesInput,
});

/** Prices requested lines under a programme as the user types (catalogue and programme data only). */
export const quoteApplicationProcedure = authedProcedure
  .input(quoteApplicationInput)
  .query(({ ctx, input }) => quoteApplication(ctx.db, input));
