import { z } from "zod";
import { updateProgramme } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import {
  eligibleCountriesInput,
  eligibleKindsInput,
  moneyInput,
  subsidyRateInput,
} from "./shared-inputs";

export const updateProgrammeInput = z.object({
  programmeId: rowId("programme"),
  name: text("Name", 160, 3).optional(),
  sponsor: text("Sponsor", 160, 2).optional(),
  description: text("Description", 5000, 10).optional(),
  budgetMinor: moneyInput("Budget").optional(),
  subsidyRateBps: subsidyRateInput.optional(),
  eligibleKinds: eligibleKindsInput.optional(),
  eligibleCountries: eligibleCountriesInput.optional(),
  orgCapMinor: moneyInput("Limit per organisation").optional(),
});

export const updateProgrammeProcedure = platformProcedure("programmes.manage")
  .input(updateProgrammeInput)
  .mutation(({ ctx, input }) => updateProgramme(ctx.db, ctx.actor, input));
