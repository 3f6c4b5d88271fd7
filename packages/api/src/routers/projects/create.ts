import { z } from "zod";
import { createProject } from "@tessera/core";
import { classificationInput, residencyInput, text } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const createProjectInput = z.object({
  name: text("Project name", 120, 2),
  description: text("Description", 2000, 0).nullish(),
  classification: classificationInput,
  residency: residencyInput,
});

export const createProjectProcedure = tenantProcedure("projects.create")
  .input(createProjectInput)
  .mutation(({ ctx, input }) =>
    createProject(ctx.tenant, ctx.actor, {
      name: input.name,
      description: input.description,
      classification: input.classification,
      residency: input.residency,
    }),
  );
