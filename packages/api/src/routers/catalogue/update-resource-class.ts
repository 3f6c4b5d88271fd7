import { z } from "zod";
import { updateResourceClass } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { powerInput, priceInput } from "../programmes/shared-inputs";

export const updateResourceClassInput = z.object({
  resourceClassId: rowId("resource class"),
  name: text("Name", 120, 2).optional(),
  unit: text("Unit", 40).optional(),
  listPriceMinorPerHour: priceInput.optional(),
  powerDrawWatts: powerInput.optional(),
  active: z.boolean({ error: "Active must be true or false." }).optional(),
  // What the operator confirmed a price change against (previewPriceChange); the core refuses a
  // price change without it, and with a stale one.
  priceConfirmation: z
    .object({
      priceVersionId: rowId("price version"),
      toPriceMinor: priceInput,
      deliberate: z.boolean({ error: "The deliberate step must be true or false." }).optional(),
    })
    .optional(),
});

export const updateResourceClassProcedure = platformProcedure("catalogue.manage")
  .input(updateResourceClassInput)
  .mutation(({ ctx, input }) => updateResourceClass(ctx.db, ctx.actor, input));
