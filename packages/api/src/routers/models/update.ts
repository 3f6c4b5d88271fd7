import { z } from "zod";
import { updateModel } from "@tessera/core";
import { platformProcedure } from "../../trpc";
import { modelFields, modelIdInput } from "./inputs";

export const updateModelInput = z
  .object({ modelId: modelIdInput, active: z.boolean({ error: "Active must be true or false." }) })
  .extend(modelFields)
  .partial()
  .required({ modelId: true });

export const updateModelProcedure = platformProcedure("catalogue.manage")
  .input(updateModelInput)
  .mutation(({ ctx, input }) => {
    const { modelId, parameters, ...changes } = input;
    return updateModel(ctx.db, ctx.actor, {
      id: modelId,
      ...changes,
      ...(parameters === undefined ? {} : { parameters: BigInt(parameters) }),
    });
  });
