import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { preconditionFailed } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { checkApiKeyLimits, checkApiKeyName } from "./api-key-rules";
import { API_KEY_COLUMNS, toApiKeySummaries, type ApiKeySummary } from "./api-key-view";
import { lockApiKey } from "./lock-api-key";
import { unusableKeyMessage } from "./rotate-api-key";

export interface UpdateApiKeyLimitsInput {
  id: string;
  name?: string;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  allowFallback?: boolean;
}

/**
 * Renames a key or changes its per-minute limits or fallback policy. Only what differs is written
 * and audited (from → to); asking for what is already there changes nothing.
 */
export async function updateApiKeyLimits(
  tenant: TenantAccess,
  actor: Actor,
  input: UpdateApiKeyLimitsInput,
): Promise<{ key: ApiKeySummary; changed: boolean }> {
  const now = new Date();
  const name = input.name === undefined ? undefined : checkApiKeyName(input.name);
  const result = await tenant.db.$transaction(async (tx) => {
    const key = await lockApiKey(tx, tenant, actor, input.id);
    const unusable = unusableKeyMessage(key, now);
    if (unusable) throw preconditionFailed(unusable);
    const wanted = {
      name: name ?? key.name,
      requestsPerMinute: input.requestsPerMinute ?? key.requestsPerMinute,
      tokensPerMinute: input.tokensPerMinute ?? key.tokensPerMinute,
      allowFallback: input.allowFallback ?? key.allowFallback,
    };
    checkApiKeyLimits(wanted);
    const changes = Object.fromEntries(
      (Object.keys(wanted) as (keyof typeof wanted)[])
        .filter((field) => wanted[field] !== key[field])
        .map((field) => [field, { from: key[field], to: wanted[field] }]),
    );
    if (Object.keys(changes).length === 0) return { row: key, changed: false };
    const row = await tx.apiKey.update({
      where: { id: key.id },
      data: wanted,
      select: API_KEY_COLUMNS,
    });
    await recordAuditEvent(tx, actor, {
      action: "api_key.updated",
      organizationId: tenant.organization.id,
      targetType: "ApiKey",
      targetId: key.id,
      data: { changes },
    });
    return { row, changed: true };
  }, TX_OPTIONS);
  const [key] = await toApiKeySummaries(tenant, actor, [result.row], now);
  return { key: key!, changed: result.changed };
}
