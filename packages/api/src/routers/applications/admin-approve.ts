import { z } from "zod";
import { approveApplication } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { dateInput, MAX_UNIT_HOURS } from "../programmes/shared-inputs";
import { applicationIdInput } from "./inputs";

export const approveApplicationInput = z.object({
  ...applicationIdInput,
  lines: z
    .array(
      z.object({
        resourceClassId: rowId("resource class"),
        grantedUnitHours: z
          // Hours of the class's unit, or millions of tokens for a tokens class. Whole, from 0 to
          // what was requested, is checked where the class is known (grantLines), to name its unit.
          .number({ error: "The granted quantity must be a number." })
          .max(MAX_UNIT_HOURS, "The granted quantity is more than anyone could request."),
      }),
      { error: "Granted lines must be a list." },
    )
    .max(20, "Grant at most 20 resource classes.")
    .nullish(),
  validFrom: dateInput("Valid from").nullish(),
  validTo: dateInput("Valid to").nullish(),
  note: text("Note", 4000, 0).nullish(),
});

/** Approves with granted amounts (never more than requested); the budget guard may refuse. */
export const approveApplicationProcedure = platformProcedure("applications.manage")
  .input(approveApplicationInput)
  .mutation(({ ctx, input }) => approveApplication(ctx.db, ctx.actor, input));
