import { addProgrammeCall } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { callInput } from "./shared-inputs";

export const addProgrammeCallInput = callInput.extend({ programmeId: rowId("programme") });

export const addProgrammeCallProcedure = platformProcedure("programmes.manage")
  .input(addProgrammeCallInput)
  .mutation(({ ctx, input }) => addProgrammeCall(ctx.db, ctx.actor, input));
