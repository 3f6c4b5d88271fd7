import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { API_KEY_COLUMNS, toApiKeySummaries, type ApiKeySummary } from "./api-key-view";

/** One key of the organisation (never its secret or hash); else NOT_FOUND. */
export async function getApiKey(
  tenant: TenantAccess,
  actor: Actor,
  id: string,
): Promise<ApiKeySummary> {
  const row = await tenant.db.apiKey.findFirst({ where: { id }, select: API_KEY_COLUMNS });
  if (!row) throw notFound("API key");
  const [key] = await toApiKeySummaries(tenant, actor, [row]);
  return key!;
}
