import type { TenantDatabase } from "@tessera/db";
import { AppError, notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { API_KEY_LIMITS } from "./api-key-rules";
import { callableSharedModels } from "./callable-shared-models";

/** The organisation's endpoints a key may be limited to (not deleted), with the model each serves. */
export async function callableEndpoints(db: TenantDatabase) {
  const rows = await db.endpoint.findMany({
    where: { status: { not: "DELETED" } },
    select: {
      workloadId: true,
      createdAt: true,
      model: { select: { name: true } },
      workload: { select: { name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { workloadId: "desc" }],
    take: 500,
  });
  return rows.map((row) => ({
    id: row.workloadId,
    name: row.workload.name,
    model: row.model.name,
  }));
}

/**
 * Checks a key's scope against what the organisation can call: each endpoint must be one of its
 * own (anything else is not found, as for a stranger), each model one its endpoints serve or a
 * shared model of the platform it holds tokens for.
 * Returns the scope de-duplicated, in the order given; empty lists mean "all".
 */
export async function resolveApiKeyScope(
  tenant: TenantAccess,
  scope: { allowedModels: string[]; allowedEndpointIds: string[] },
): Promise<{ allowedModels: string[]; allowedEndpointIds: string[] }> {
  const allowedModels = [...new Set(scope.allowedModels.map((name) => name.trim()))];
  const allowedEndpointIds = [...new Set(scope.allowedEndpointIds)];
  if (
    allowedModels.length > API_KEY_LIMITS.scopeMax ||
    allowedEndpointIds.length > API_KEY_LIMITS.scopeMax
  ) {
    throw new AppError(
      "INVALID",
      `A key names at most ${API_KEY_LIMITS.scopeMax} models and ${API_KEY_LIMITS.scopeMax} endpoints; leave a list empty to allow all.`,
    );
  }
  if (allowedModels.length === 0 && allowedEndpointIds.length === 0) {
    return { allowedModels, allowedEndpointIds };
  }
  const [endpoints, sharedModels] = await Promise.all([
    callableEndpoints(tenant.db),
    allowedModels.length > 0 ? callableSharedModels(tenant) : ([] as string[]),
  ]);
  const endpointIds = new Set(endpoints.map((e) => e.id));
  if (allowedEndpointIds.some((id) => !endpointIds.has(id))) throw notFound("Endpoint");
  const models = new Set([...endpoints.map((e) => e.model), ...sharedModels]);
  const unknown = allowedModels.find((name) => !models.has(name));
  if (unknown !== undefined) {
    throw new AppError(
      "INVALID",
      `"${unknown.slice(0, 120)}" is not served by any of this organisation's endpoints, nor a shared model it holds tokens for; choose a model from the list.`,
    );
  }
  if (allowedModels.length > 0 && allowedEndpointIds.length > 0) {
    const servedByChosen = new Set(
      endpoints.filter((e) => allowedEndpointIds.includes(e.id)).map((e) => e.model),
    );
    const unreachable = allowedModels.find((name) => !servedByChosen.has(name));
    if (unreachable !== undefined) {
      throw new AppError(
        "INVALID",
        sharedModels.includes(unreachable) && !endpoints.some((e) => e.model === unreachable)
          ? `"${unreachable}" is a shared model of the platform, which none of the chosen endpoints serves, so the key could never call it. Leave the endpoints open to call it.`
          : `"${unreachable}" is not served by any of the chosen endpoints, so the key could never call it. Choose its endpoint too, or leave the endpoints open.`,
      );
    }
  }
  return { allowedModels, allowedEndpointIds };
}
