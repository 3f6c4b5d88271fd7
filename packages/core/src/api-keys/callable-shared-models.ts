import { Prisma } from "@tessera/db/sql";
import { LIVE_ENDPOINT_STATUSES } from "../endpoints/endpoint-rules";
import type { QuotaClient } from "../quota/quota-client";
import type { TenantAccess } from "../tenancy/tenant-access";

/** The endpoints the gateway routes to: live ones (not being deleted, deleted or failed). */
export const ROUTED_ENDPOINT_STATUSES: readonly string[] = LIVE_ENDPOINT_STATUSES;

/** An organisation's allocation line of a tier (a TOKENS class), valid now, and a model it may call with it. */
export interface CallableSharedModel {
  organizationId: string;
  allocationLineId: string;
  /** The model's tier: the line's TOKENS class. */
  tokenClassId: string;
  /** Epoch ms: the line's allocation's end. */
  validTo: number;
  model: string;
}

/**
 * The one rule for which of the platform's shared models an organisation may call: a model whose
 * tier (a TOKENS class) it holds an allocation line of, valid now, and that a shared endpoint the
 * gateway routes to serves. One row per line and model, the lines ending first first (the gateway
 * spends those first). Without `organizationId`, every organisation's (the gateway reads them all
 * on each refresh, so that no request waits on the database).
 *
 * Model and shared endpoints are the platform's, offered to every organisation that holds tokens
 * of their tier, so joining them reads only what the gateway tells any such caller.
 */
export async function listCallableSharedModels(
  client: QuotaClient,
  scope: { organizationId?: string } = {},
): Promise<CallableSharedModel[]> {
  const ofOrganization =
    scope.organizationId === undefined
      ? Prisma.empty
      : Prisma.sql`AND a."organizationId" = ${scope.organizationId}::text`;
  return client.$queryRaw<CallableSharedModel[]>`
    SELECT a."organizationId", l."id" AS "allocationLineId", l."resourceClassId" AS "tokenClassId",
           (extract(epoch from a."validTo") * 1000)::float8 AS "validTo", m."name" AS "model"
      FROM "AllocationLine" l
      JOIN "Allocation" a ON a."id" = l."allocationId"
      JOIN "ResourceClass" rc ON rc."id" = l."resourceClassId"
      JOIN "Model" m ON m."tokenResourceClassId" = l."resourceClassId"
     WHERE rc."kind" = 'TOKENS' AND a."validFrom" <= now() AND now() < a."validTo" ${ofOrganization}
       AND EXISTS (SELECT 1 FROM "Endpoint" e
                    WHERE e."modelId" = m."id" AND e."shared"
                      AND e."status"::text IN (${Prisma.join([...ROUTED_ENDPOINT_STATUSES])}))
     ORDER BY a."validTo", l."id", m."name"`;
}

/**
 * The platform's shared models the organisation's keys can call (listCallableSharedModels, the
 * gateway's rule for `/v1/models`), by name.
 */
export async function callableSharedModels(tenant: TenantAccess): Promise<string[]> {
  const rows = await listCallableSharedModels(tenant.db, {
    organizationId: tenant.organization.id,
  });
  return [...new Set(rows.map((row) => row.model))].sort();
}
