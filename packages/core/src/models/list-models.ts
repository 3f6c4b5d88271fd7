import type { Database, ModelOpenness, Prisma } from "@tessera/db";
import { MODEL_VIEW_INCLUDE, toModelView, type ModelView } from "./model-view";

export interface ListModelsInput {
  openness?: readonly ModelOpenness[] | null;
  licenseSpdx?: string | null;
  /** Operators see inactive entries too. */
  includeInactive?: boolean;
}

/** The open-model catalogue, filtered by openness classes and licence; active entries only unless asked. */
export async function listModels(
  database: Pick<Database, "model">,
  input: ListModelsInput,
): Promise<ModelView[]> {
  const where: Prisma.ModelWhereInput = {
    ...(input.includeInactive ? {} : { active: true }),
    ...(input.openness?.length ? { openness: { in: [...input.openness] } } : {}),
    ...(input.licenseSpdx
      ? { licenseSpdx: { equals: input.licenseSpdx, mode: "insensitive" } }
      : {}),
  };
  const models = await database.model.findMany({
    where,
    orderBy: [{ family: "asc" }, { name: "asc" }],
    take: 500,
    include: MODEL_VIEW_INCLUDE,
  });
  return models.map(toModelView);
}

/** The serving runtimes a tenant may choose from, for the deploy form. */
export async function listServingRuntimes(database: Pick<Database, "servingRuntime">) {
  return database.servingRuntime.findMany({
    where: { active: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, image: true, resourceKinds: true },
  });
}
