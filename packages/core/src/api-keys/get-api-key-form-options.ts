import type { TenantAccess } from "../tenancy/tenant-access";
import { callableEndpoints } from "./api-key-scope";

export interface ApiKeyFormOptions {
  projects: { id: string; name: string }[];
  endpoints: { id: string; name: string; model: string }[];
  /** The models the organisation's endpoints serve: what a key may be limited to. */
  models: string[];
}

/** What the create form offers: the organisation's projects, its endpoints and their models. */
export async function getApiKeyFormOptions(tenant: TenantAccess): Promise<ApiKeyFormOptions> {
  const [projects, endpoints] = await Promise.all([
    tenant.db.project.findMany({
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
    }),
    callableEndpoints(tenant.db),
  ]);
  const models = [...new Set(endpoints.map((e) => e.model))].sort();
  return { projects, endpoints, models };
}
