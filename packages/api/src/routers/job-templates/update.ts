import { z } from "zod";
import { updateJobTemplate } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { scriptInput } from "../workloads/inputs";

export const updateJobTemplateInput = z.object({
  templateId: rowId("template"),
  name: text("Name", 120, 2).optional(),
  description: text("Description", 1000).optional(),
  script: scriptInput.optional(),
  defaultImage: text("Default image", 255, 0).nullish(),
  active: z.boolean({ error: "Active must be true or false." }).optional(),
});

export const updateJobTemplateProcedure = platformProcedure("catalogue.manage")
  .input(updateJobTemplateInput)
  .mutation(({ ctx, input }) => updateJobTemplate(ctx.db, ctx.actor, input));
