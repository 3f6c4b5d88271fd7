import { z } from "zod";
import { createJobTemplate } from "@tessera/core";
import { JobTemplateKind } from "@tessera/db";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { scriptInput } from "../workloads/inputs";

export const jobTemplateKindInput = z.enum(JobTemplateKind, { error: "Choose a template kind." });

export const createJobTemplateInput = z.object({
  code: text("Code", 40, 2),
  name: text("Name", 120, 2),
  description: text("Description", 1000),
  kind: jobTemplateKindInput,
  script: scriptInput,
  defaultImage: text("Default image", 255, 0).nullish(),
});

export const createJobTemplateProcedure = platformProcedure("catalogue.manage")
  .input(createJobTemplateInput)
  .mutation(({ ctx, input }) => createJobTemplate(ctx.db, ctx.actor, input));
