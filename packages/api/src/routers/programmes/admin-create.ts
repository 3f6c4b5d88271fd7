import { z } from "zod";
import { createProgramme } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import {
  callInput,
  currencyInput,
  eligibleCountriesInput,
  eligibleKindsInput,
  moneyInput,
  subsidyRateInput,
} from "./shared-inputs";

export const createProgrammeInput = z.object({
  name: text("Name", 160, 3),
  sponsor: text("Sponsor", 160, 2),
  description: text("Description", 5000, 10),
  currency: currencyInput,
  budgetMinor: moneyInput("Budget"),
  subsidyRateBps: subsidyRateInput,
  /** Empty or left out: every kind of organisation. */
  eligibleKinds: eligibleKindsInput.default([]),
  /** Empty or left out: organisations of any country. */
  eligibleCountries: eligibleCountriesInput.default([]),
  orgCapMinor: moneyInput("Limit per organisation"),
  calls: z
    .array(callInput, { error: "Calls must be a list." })
    .min(1, "Add at least one call with open and close dates.")
    .max(20, "Add at most 20 calls."),
});

export const createProgrammeProcedure = platformProcedure("programmes.manage")
  .input(createProgrammeInput)
  .mutation(({ ctx, input }) => createProgramme(ctx.db, ctx.actor, input));
