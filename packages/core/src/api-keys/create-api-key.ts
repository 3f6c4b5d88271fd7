import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import { mintApiKeySecret, newApiKeyId } from "./api-key-format";
import {
  API_KEY_LIMITS,
  checkApiKeyLimits,
  checkApiKeyName,
  resolveApiKeyExpiry,
  type ApiKeyExpiry,
} from "./api-key-rules";
import { resolveApiKeyScope } from "./api-key-scope";
import { API_KEY_COLUMNS, summaryOfIssuedKey, type ApiKeySummary } from "./api-key-view";

export interface CreateApiKeyInput {
  name: string;
  projectId: string;
  expiry: ApiKeyExpiry;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Model names; empty = every model the organisation's endpoints serve. */
  allowedModels?: string[];
  /** Endpoint (workload) ids; empty = every endpoint of the organisation. */
  allowedEndpointIds?: string[];
  allowFallback?: boolean;
}

/** The new key, and the full key itself: returned this once and never stored or shown again. */
export interface IssuedApiKey {
  key: ApiKeySummary;
  secretKey: string;
}

/**
 * Issues a gateway key for a project of the organisation: a fresh public id and secret, of which
 * only the SHA-256 is stored. The key, its expiry (1 to 365 days) and the audit event are written
 * in one transaction; the audit event says what the key may do, never its secret or hash.
 */
export async function createApiKey(
  tenant: TenantAccess,
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<IssuedApiKey> {
  if (!actor.userId) throw new AppError("UNAUTHENTICATED", "Sign in to create an API key.");
  const now = new Date();
  const name = checkApiKeyName(input.name);
  const limits = {
    requestsPerMinute: input.requestsPerMinute ?? API_KEY_LIMITS.requestsPerMinute.default,
    tokensPerMinute: input.tokensPerMinute ?? API_KEY_LIMITS.tokensPerMinute.default,
  };
  checkApiKeyLimits(limits);
  const expiresAt = resolveApiKeyExpiry(input.expiry, now);
  const [organization, project] = await Promise.all([
    tenant.db.organization.findFirst({ select: { status: true } }),
    tenant.db.project.findFirst({
      where: { id: input.projectId },
      select: { id: true, name: true },
    }),
  ]);
  if (!organization) throw notFound("Organisation");
  if (organization.status !== "VERIFIED") {
    throw new AppError(
      "PRECONDITION_FAILED",
      "Only verified organisations can create API keys. Your organisation is awaiting verification.",
    );
  }
  if (!project) throw notFound("Project");
  const scope = await resolveApiKeyScope(tenant, {
    allowedModels: input.allowedModels ?? [],
    allowedEndpointIds: input.allowedEndpointIds ?? [],
  });
  const allowFallback = input.allowFallback ?? false;

  // 80 random bits: a clash is practically impossible, but one is answered with a new id.
  for (let attempt = 1; ; attempt += 1) {
    const id = newApiKeyId();
    const { fullKey, secretSha256 } = mintApiKeySecret(id);
    try {
      const row = await tenant.db.$transaction(async (tx) => {
        const created = await tx.apiKey.create({
          data: {
            id,
            organizationId: tenant.organization.id,
            projectId: project.id,
            name,
            secretSha256,
            ...scope,
            ...limits,
            allowFallback,
            expiresAt,
            createdById: actor.userId,
          },
          select: API_KEY_COLUMNS,
        });
        await recordAuditEvent(tx, actor, {
          action: "api_key.created",
          organizationId: tenant.organization.id,
          targetType: "ApiKey",
          targetId: id,
          data: {
            name,
            project: project.id,
            expiresAt,
            ...limits,
            allowedModels: scope.allowedModels,
            allowedEndpointIds: scope.allowedEndpointIds,
            allowFallback,
          },
        });
        return created;
      }, TX_OPTIONS);
      return {
        key: await summaryOfIssuedKey(tenant, actor, row, now, project),
        secretKey: fullKey,
      };
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
