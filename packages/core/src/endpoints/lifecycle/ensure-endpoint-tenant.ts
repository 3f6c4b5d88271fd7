import type { Database } from "@tessera/db";
import type { EndpointTenantSpec } from "../../compute/endpoint-driver";
import { endpointTenantSpec } from "./endpoint-tenant-spec";

/** Long enough for a driver that retries an unreachable API server before it gives up. */
const TENANT_TX_OPTIONS = { maxWait: 10_000, timeout: 90_000 } as const;

/**
 * Converges the organisation's place on a cluster (`ensure`, the driver's ensureEndpointTenant)
 * to the quota read from the database now, one worker at a time per organisation and cluster.
 * Without the lock two deploys at once could each read the database and the one that read it
 * earlier apply its quota last: a quota without the other's endpoint, whose pods the namespace
 * would then refuse. Held, each quota is read after the one applied before it.
 */
export async function ensureEndpointTenant(
  database: Database,
  input: { organizationId: string; clusterId: string },
  ensure: (tenant: EndpointTenantSpec) => Promise<void>,
): Promise<EndpointTenantSpec> {
  return database.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:endpoint-tenant'), hashtext(${`${input.organizationId}:${input.clusterId}`}::text))`;
    const tenant = await endpointTenantSpec(database, input);
    await ensure(tenant);
    return tenant;
  }, TENANT_TX_OPTIONS);
}
