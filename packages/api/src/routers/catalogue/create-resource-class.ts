import { z } from "zod";
import { createResourceClass } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import {
  catalogueCodeInput,
  currencyInput,
  powerInput,
  priceInput,
  resourceKindInput,
} from "../programmes/shared-inputs";

export const createResourceClassInput = z.object({
  code: catalogueCodeInput("resource class"),
  name: text("Name", 120, 2),
  kind: resourceKindInput,
  // Both fixed for a tokens class ("token", 0 W): the core says so when they are set otherwise.
  unit: text("Unit", 40).optional(),
  listPriceMinorPerHour: priceInput,
  currency: currencyInput,
  powerDrawWatts: powerInput.optional(),
});

export const createResourceClassProcedure = platformProcedure("catalogue.manage")
  .input(createResourceClassInput)
  .mutation(({ ctx, input }) => createResourceClass(ctx.db, ctx.actor, input));
