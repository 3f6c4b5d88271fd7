import type { ClusterKind, Database, EndpointStatus } from "@tessera/db";

/** How many live endpoints the operators' view lists at most (newest first). */
const LIMIT = 500;

export interface ClusterEndpointRow {
  id: string;
  name: string;
  organization: { id: string; name: string };
  model: string;
  status: EndpointStatus;
  statusReason: string | null;
  readyReplicas: number;
  desiredReplicas: number;
  unitsPerReplica: number;
  resourceClass: { name: string; unit: string };
  /** Served to every organisation holding tokens of its model's tier. */
  shared: boolean;
  /** The model's token tier (null: the endpoint cannot be shared). */
  tokenTier: { code: string; name: string } | null;
  externalId: string | null;
  createdAt: Date;
}

export interface ClusterEndpoints {
  cluster: { code: string; name: string; kind: ClusterKind; jurisdiction: string };
  endpoints: ClusterEndpointRow[];
}

/**
 * For operators: every endpoint not yet deleted, of every organisation, grouped by the cluster it
 * runs on (clusters by code, endpoints newest first). Operators see across tenants; the
 * permission is checked by the caller.
 */
export async function listClusterEndpoints(
  database: Pick<Database, "workload">,
): Promise<ClusterEndpoints[]> {
  const rows = await database.workload.findMany({
    where: { kind: "INFERENCE_ENDPOINT", endpoint: { status: { not: "DELETED" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: {
      id: true,
      name: true,
      quantity: true,
      createdAt: true,
      organization: { select: { id: true, name: true } },
      resourceClass: { select: { name: true, unit: true } },
      cluster: { select: { code: true, name: true, kind: true, jurisdiction: true } },
      endpoint: {
        select: {
          status: true,
          statusReason: true,
          readyReplicas: true,
          desiredReplicas: true,
          externalId: true,
          shared: true,
          model: { select: { name: true, tokenClass: { select: { code: true, name: true } } } },
        },
      },
    },
  });
  const byCluster = new Map<string, ClusterEndpoints>();
  for (const row of rows) {
    if (!row.endpoint) continue;
    const group = byCluster.get(row.cluster.code) ?? { cluster: row.cluster, endpoints: [] };
    byCluster.set(row.cluster.code, group);
    group.endpoints.push({
      id: row.id,
      name: row.name,
      organization: row.organization,
      model: row.endpoint.model.name,
      status: row.endpoint.status,
      statusReason: row.endpoint.statusReason,
      readyReplicas: row.endpoint.readyReplicas,
      desiredReplicas: row.endpoint.desiredReplicas,
      unitsPerReplica: row.quantity,
      resourceClass: row.resourceClass,
      shared: row.endpoint.shared,
      tokenTier: row.endpoint.model.tokenClass,
      externalId: row.endpoint.externalId,
      createdAt: row.createdAt,
    });
  }
  return [...byCluster.values()].sort((a, b) => a.cluster.code.localeCompare(b.cluster.code));
}
