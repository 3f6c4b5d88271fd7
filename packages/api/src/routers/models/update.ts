import { z } from "zod";
import { updateModel } from "@tessera/core";
import { platformProcedure } from "../../trpc";
import { rowId } from "../../schemas";
import { modelFields, modelIdInput } from "./inputs";

export const updateModelInput = z
  .object({
    modelId: modelIdInput,
    active: z.boolean({ error: "Active must be true or false." }),
    tokenResourceClassId: rowId("token tier").nullable(),
    fallbackModelId: rowId("fallback model").nullable(),
  })
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
