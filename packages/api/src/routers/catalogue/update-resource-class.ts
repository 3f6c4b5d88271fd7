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
});

export const updateResourceClassProcedure = platformProcedure("catalogue.manage")
  .input(updateResourceClassInput)
  .mutation(({ ctx, input }) => updateResourceClass(ctx.db, ctx.actor, input));
