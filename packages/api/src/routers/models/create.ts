import { z } from "zod";
import { createModel } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { modelFields } from "./inputs";

export const createModelInput = z.object({
  name: z
    .string({ error: "Enter the model's name." })
    .trim()
    .min(2, "The model's name must be at least 2 characters.")
    .max(120, "The model's name must be at most 120 characters.")
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._/-]*$/,
      "A model's name is letters, digits and . _ / - (clients call it).",
    ),
  ...modelFields,
  family: text("Family", 80),
});

export const createModelProcedure = platformProcedure("catalogue.manage")
  .input(createModelInput)
  .mutation(({ ctx, input }) =>
    createModel(ctx.db, ctx.actor, { ...input, parameters: BigInt(input.parameters) }),
  );
