import { z } from "zod";
import { getProgrammeStatementView } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { monthInput } from "./inputs";

export const programmeStatementInput = z.object({
  programmeId: rowId("programme"),
  month: monthInput,
});

/** What a programme owes for a billing month, per organisation and line (its administrators). */
export const programmeStatementProcedure = platformProcedure("programmes.manage")
  .input(programmeStatementInput)
  .query(({ ctx, input }) =>
    getProgrammeStatementView(ctx.db, { programmeId: input.programmeId, period: input.month }),
  );
