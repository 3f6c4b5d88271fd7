import type { Database } from "@tessera/db";
import type { EndpointTenantSpec } from "../../compute/endpoint-driver";
import { endpointTenantSpec, type PresentReplicas } from "./endpoint-tenant-spec";

/** Long enough for a driver that retries an unreachable API server before it gives up. */
const TENANT_TX_OPTIONS = { maxWait: 10_000, timeout: 90_000 } as const;

/**
 * Converges the organisation's place on a cluster (`ensure`, the driver's ensureEndpointTenant)
 * to the quota read from the database and the backend (`present`: the pods its endpoints still
 * have there) now, one worker at a time per organisation and cluster. Without the lock two deploys
 * at once could each read the database and the one that read it earlier apply its quota last: a
 * quota without the other's endpoint, whose pods the namespace would then refuse. Held, each quota
 * is read after the one applied before it. What the quota counts for each endpoint is recorded
 * (Endpoint.quotaReplicas), so that the sweep converges it again once those pods have gone.
 */
export async function ensureEndpointTenant(
  database: Database,
  input: { organizationId: string; clusterId: string },
  ensure: (tenant: EndpointTenantSpec) => Promise<void>,
  present: PresentReplicas,
): Promise<EndpointTenantSpec> {
  return database.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:endpoint-tenant'), hashtext(${`${input.organizationId}:${input.clusterId}`}::text))`;
    const { tenant, counted } = await endpointTenantSpec(database, input, present);
    await ensure(tenant);
    const byReplicas = new Map<number, string[]>();
    for (const { workloadId, replicas } of counted) {
      byReplicas.set(replicas, [...(byReplicas.get(replicas) ?? []), workloadId]);
    }
    for (const [replicas, workloadIds] of byReplicas) {
      await database.endpoint.updateMany({
        where: {
          organizationId: input.organizationId,
          workloadId: { in: workloadIds },
          quotaReplicas: { not: replicas },
        },
        data: { quotaReplicas: replicas },
      });
    }
    return tenant;
  }, TENANT_TX_OPTIONS);
}
