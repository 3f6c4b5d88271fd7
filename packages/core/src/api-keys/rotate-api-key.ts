import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { preconditionFailed } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { mintApiKeySecret } from "./api-key-format";
import { ROTATION_GRACE_SECONDS, type RotationGrace } from "./api-key-rules";
import { API_KEY_COLUMNS, summaryOfIssuedKey } from "./api-key-view";
import type { IssuedApiKey } from "./create-api-key";
import { lockApiKey } from "./lock-api-key";

/** Words for a key that can no longer be rotated or changed; null while it is usable. */
export function unusableKeyMessage(
  key: { revokedAt: Date | null; expiresAt: Date },
  now: Date,
): string | null {
  if (key.revokedAt) return "This key has been revoked; create a new key instead.";
  if (key.expiresAt <= now) return "This key has expired; create a new key instead.";
  return null;
}

/**
 * Gives the key a new secret under the same id. The old secret keeps working for the chosen grace
 * (none, an hour, a day or a week) so that clients can be moved over; a secret still in an
 * earlier rotation's grace stops at once. A revoked or expired key cannot be rotated.
 */
export async function rotateApiKey(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string; grace: RotationGrace },
): Promise<IssuedApiKey> {
  const graceSeconds = ROTATION_GRACE_SECONDS[input.grace];
  const { fullKey, secretSha256 } = mintApiKeySecret(input.id);
  const now = new Date();
  const row = await tenant.db.$transaction(async (tx) => {
    const key = await lockApiKey(tx, tenant, actor, input.id);
    const unusable = unusableKeyMessage(key, now);
    if (unusable) throw preconditionFailed(unusable);
    const previousSecretExpiresAt =
      graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000) : null;
    const rotated = await tx.apiKey.update({
      where: { id: key.id },
      data: {
        secretSha256,
        previousSecretSha256: previousSecretExpiresAt ? key.secretSha256 : null,
        previousSecretExpiresAt,
      },
      select: API_KEY_COLUMNS,
    });
    await recordAuditEvent(tx, actor, {
      action: "api_key.rotated",
      organizationId: tenant.organization.id,
      targetType: "ApiKey",
      targetId: key.id,
      data: {
        name: key.name,
        grace: input.grace,
        previousSecretValidUntil: previousSecretExpiresAt,
      },
    });
    return rotated;
  }, TX_OPTIONS);
  return { key: await summaryOfIssuedKey(tenant, actor, row, now), secretKey: fullKey };
}
