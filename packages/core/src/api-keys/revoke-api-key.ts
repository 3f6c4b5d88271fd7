import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { lockApiKey } from "./lock-api-key";

export interface RevokedApiKey {
  id: string;
  revokedAt: Date;
  /** False when the key had already been revoked: nothing was changed. */
  changed: boolean;
  message: string;
}

/**
 * Revokes a key: it stops working at every gateway within seconds, previous secret included.
 * Revoking a revoked key changes nothing and says so.
 */
export async function revokeApiKey(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string },
): Promise<RevokedApiKey> {
  return tenant.db.$transaction(async (tx) => {
    const key = await lockApiKey(tx, tenant, actor, input.id);
    if (key.revokedAt) {
      return {
        id: key.id,
        revokedAt: key.revokedAt,
        changed: false,
        message: `${key.name} was already revoked; nothing changed.`,
      };
    }
    const revokedAt = new Date();
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt } });
    await recordAuditEvent(tx, actor, {
      action: "api_key.revoked",
      organizationId: tenant.organization.id,
      targetType: "ApiKey",
      targetId: key.id,
      data: { name: key.name, project: key.projectId },
    });
    return {
      id: key.id,
      revokedAt,
      changed: true,
      message: `${key.name} is revoked: requests with it are refused from now on.`,
    };
  }, TX_OPTIONS);
}
