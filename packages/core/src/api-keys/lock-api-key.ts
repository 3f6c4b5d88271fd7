import type { Prisma } from "@tessera/db";
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import type { ApiKeyRow } from "./api-key-view";
import { mayManageApiKey } from "./api-key-view";

export interface LockedApiKey extends ApiKeyRow {
  secretSha256: string;
}

/**
 * Locks one key of the organisation until the transaction ends, so that two changes to the same key
 * (a rotation and a revocation, say) take turns; then checks that the caller may change it. Raw
 * SQL bypasses the tenant-scoped client, so the organisation is written out here: a key of another
 * organisation is not found.
 */
export async function lockApiKey(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  tenant: TenantAccess,
  actor: Actor,
  id: string,
): Promise<LockedApiKey> {
  const rows = await tx.$queryRaw<LockedApiKey[]>`
    SELECT "id", "organizationId", "projectId", "name", "secretSha256", "previousSecretExpiresAt",
           "allowedModels", "allowedEndpointIds", "requestsPerMinute", "tokensPerMinute",
           "allowFallback", "expiresAt", "revokedAt", "lastUsedAt", "createdById", "createdAt",
           "updatedAt"
      FROM "ApiKey"
     WHERE "id" = ${id} AND "organizationId" = ${tenant.organization.id}
       FOR UPDATE`;
  const key = rows[0];
  if (!key) throw notFound("API key");
  if (!mayManageApiKey(tenant, actor, key)) {
    throw new AppError(
      "FORBIDDEN",
      "Only the person who created this key, or an owner or admin of the organisation, may change it.",
    );
  }
  return key;
}
