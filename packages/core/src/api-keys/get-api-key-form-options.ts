import type { TenantAccess } from "../tenancy/tenant-access";
import { callableEndpoints } from "./api-key-scope";
import { loadKeyRoutes, reachOfKey, type PortalKeyReach } from "./load-key-routes";

export interface ApiKeyFormOptions {
  /** Each with what a key for it, open to everything, could reach (before any key is made). */
  projects: { id: string; name: string; reach: PortalKeyReach }[];
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
  const [projects, endpoints, routes] = await Promise.all([
    tenant.db.project.findMany({
      select: { id: true, name: true, residency: true, classification: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
    }),
    callableEndpoints(tenant.db),
    loadKeyRoutes(tenant),
  ]);
  const models = [...new Set(endpoints.map((e) => e.model))].sort();
  // The gateway routes a model the organisation serves itself to its own endpoints.
  const sharedModels = [...routes.routes.callable].sort().filter((name) => !models.includes(name));
  const open = { allowedModels: [], allowedEndpointIds: [] };
  return {
    projects: projects.map((project) => ({
      id: project.id,
      name: project.name,
      reach: reachOfKey(routes, project, open),
    })),
    endpoints,
    models,
    sharedModels,
  };
}
