import { z } from "zod";
import { updateProgrammeCall } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { dateInput } from "./shared-inputs";

export const updateProgrammeCallInput = z.object({
  callId: rowId("call"),
  name: text("Call name", 120, 2).optional(),
  opensAt: dateInput("Opening date").optional(),
  closesAt: dateInput("Closing date").optional(),
});

export const updateProgrammeCallProcedure = platformProcedure("programmes.manage")
  .input(updateProgrammeCallInput)
  .mutation(({ ctx, input }) => updateProgrammeCall(ctx.db, ctx.actor, input));
