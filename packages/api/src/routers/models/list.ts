import { z } from "zod";
import { listDeployableModels, listModels, listServingRuntimes } from "@tessera/core";
import { noInput } from "../../schemas";
import { platformProcedure, tenantProcedure } from "../../trpc";
import { licenseInput, opennessInput } from "./inputs";

export const listModelsInput = z.object({
  openness: z.array(opennessInput).max(4, "Choose at most 4 openness classes.").nullish(),
  licenseSpdx: licenseInput.nullish(),
});

/**
 * The active catalogue for a tenant choosing what to deploy, filtered by openness and licence, by
 * name, without the models the platform already serves to everyone (those are called, not deployed).
 */
export const listModelsProcedure = tenantProcedure("endpoints.read")
  .input(listModelsInput)
  .query(({ ctx, input }) => listDeployableModels(ctx.db, ctx.tenant.organization.id, input));

/** The serving runtimes a tenant may choose from. */
export const listRuntimesProcedure = tenantProcedure("endpoints.read").query(({ ctx }) =>
  listServingRuntimes(ctx.db),
);

/** The whole catalogue, inactive entries too, for operators. */
export const listAllModelsProcedure = platformProcedure("catalogue.read")
  .input(noInput)
  .query(({ ctx }) => listModels(ctx.db, { includeInactive: true }));
