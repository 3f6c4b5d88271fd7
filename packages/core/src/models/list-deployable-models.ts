import { Prisma, type Database } from "@tessera/db";
import { LIVE_ENDPOINT_STATUSES } from "../endpoints/endpoint-rules";
import type { SqlClient } from "../billing/sql-client";
import { listModels, type ListModelsInput } from "./list-models";
import type { ModelView } from "./model-view";

/**
 * The models the platform already serves to every organisation: a live shared endpoint of
 * another organisation (the platform's) serves them, and their calls draw on a token tier. An
 * organisation calls these with an API key; it does not deploy them. Only model ids leave this
 * query, never whose endpoint it is.
 */
export async function modelsSharedByOthers(
  client: SqlClient,
  organizationId: string,
  modelIds?: readonly string[],
): Promise<Set<string>> {
  const rows = await client.$queryRaw<{ modelId: string }[]>(Prisma.sql`
    SELECT DISTINCT e."modelId" FROM "Endpoint" e
     WHERE e."shared" AND e."organizationId" <> ${organizationId}::text
       AND e."status"::text IN (${Prisma.join([...LIVE_ENDPOINT_STATUSES])})
       ${modelIds ? Prisma.sql`AND e."modelId" = ANY(${[...modelIds]}::text[])` : Prisma.empty}`);
  return new Set(rows.map((row) => row.modelId));
}

/**
 * The catalogue as the deploy form offers it to an organisation: active models, filtered as
 * asked, by name, without the models the platform already serves to everyone
 * (modelsSharedByOthers) — deployEndpoint refuses those.
 */
export async function listDeployableModels(
  database: Database,
  organizationId: string,
  input: Omit<ListModelsInput, "includeInactive">,
): Promise<ModelView[]> {
  const [models, shared] = await Promise.all([
    listModels(database, input),
    modelsSharedByOthers(database, organizationId),
  ]);
  return models
    .filter((model) => !shared.has(model.id))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
