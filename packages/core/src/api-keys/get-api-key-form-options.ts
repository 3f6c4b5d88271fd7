import type { TenantAccess } from "../tenancy/tenant-access";
import { callableEndpoints } from "./api-key-scope";
import { callableSharedModels } from "./callable-shared-models";

export interface ApiKeyFormOptions {
  projects: { id: string; name: string }[];
  endpoints: { id: string; name: string; model: string }[];
  /** The models the organisation's endpoints serve: what a key may be limited to. */
  models: string[];
  /**
   * The platform's shared models the organisation holds tokens for (none of its endpoints serves
   * them): a key may call them, and be limited to them, too.
   */
  sharedModels: string[];
}

/**
 * What the create form offers: the organisation's projects, its endpoints and their models, and
 * the platform's shared models it may call.
 */
export async function getApiKeyFormOptions(tenant: TenantAccess): Promise<ApiKeyFormOptions> {
  const [projects, endpoints, shared] = await Promise.all([
    tenant.db.project.findMany({
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
    }),
    callableEndpoints(tenant.db),
    callableSharedModels(tenant),
  ]);
  const models = [...new Set(endpoints.map((e) => e.model))].sort();
  // The gateway routes a model the organisation serves itself to its own endpoints.
  const sharedModels = shared.filter((name) => !models.includes(name));
  return { projects, endpoints, models, sharedModels };
}
