import {
  Prisma,
  rawBatchQuery,
  type ClusterKind,
  type Database,
  type ProvisioningStatus,
  type RawBatch,
  type WorkloadStatus,
} from "@tessera/db";
import { clusterFingerprintSql } from "../../compute/cluster-fingerprint";
import { z } from "zod";
import type { ClusterResourceMapping, SubmitRequest } from "../../compute/driver";
import { LAUNCH_BATCH_LINGER_MS } from "./launch-batches";

export interface LaunchContext {
  workload: {
    id: string;
    organizationId: string;
    clusterId: string;
    name: string;
    status: WorkloadStatus;
    externalId: string | null;
    cancelRequestedAt: Date | null;
    quantity: number;
    walltimeSeconds: number;
    spec: unknown;
  };
  cluster: {
    id: string;
    code: string;
    kind: ClusterKind;
    active: boolean;
    /** What the cluster's driver is made from, as clusterFingerprintSql reads it. */
    fingerprint?: string;
  };
  resourceClassCode: string;
  /** How the class maps onto this cluster; null when the cluster no longer offers the class. */
  mapping: ClusterResourceMapping | null;
  account: { accountName: string; status: ProvisioningStatus } | null;
}

interface LaunchRow {
  id: string;
  organizationId: string;
  clusterId: string;
  name: string;
  status: WorkloadStatus;
  externalId: string | null;
  cancelRequestedAt: Date | null;
  quantity: number;
  walltimeSeconds: number;
  spec: unknown;
  resourceClassCode: string;
  clusterCode: string;
  clusterKind: ClusterKind;
  clusterActive: boolean;
  mapped: boolean;
  slurmPartition: string | null;
  slurmGres: string | null;
  capacity: number | null;
  unitsPerNode: number | null;
  accountName: string | null;
  accountStatus: ProvisioningStatus | null;
  clusterFingerprint: string;
}

/**
 * Everything a launch needs, in one statement; null when the workload does not exist. The worker
 * acts for every organisation; the tenant's cluster account is joined on the workload's own
 * organisation. Launches that ask while one is being read are read together, in the next
 * statement (LAUNCH_CONTEXTS).
 */
export async function loadLaunchContext(
  database: Pick<Database, "$queryRaw">,
  workloadId: string,
): Promise<LaunchContext | null> {
  return rawBatchQuery(database, LAUNCH_CONTEXTS, workloadId);
}

const LAUNCH_CONTEXTS: RawBatch<string, LaunchRow, LaunchContext | null> = {
  key: "launch-context",
  line: "launch-context",
  lingerMs: LAUNCH_BATCH_LINGER_MS,
  statement: (workloadIds) => Prisma.sql`
    SELECT w."id", w."organizationId", w."clusterId", w."name", w."status"::text AS "status",
           w."externalId", w."cancelRequestedAt", w."quantity", w."walltimeSeconds", w."spec",
           rc."code" AS "resourceClassCode",
           c."code" AS "clusterCode", c."kind"::text AS "clusterKind", c."active" AS "clusterActive",
           (cr."id" IS NOT NULL) AS "mapped", cr."slurmPartition", cr."slurmGres", cr."capacity",
           cr."unitsPerNode",
           a."accountName", a."status"::text AS "accountStatus",
           ${clusterFingerprintSql(Prisma.sql`w."clusterId"`)} AS "clusterFingerprint"
      FROM "Workload" w
      JOIN "ResourceClass" rc ON rc."id" = w."resourceClassId"
      JOIN "Cluster" c ON c."id" = w."clusterId"
      LEFT JOIN "ClusterResource" cr
        ON cr."clusterId" = w."clusterId" AND cr."resourceClassId" = w."resourceClassId"
      LEFT JOIN "TenantClusterAccount" a
        ON a."clusterId" = w."clusterId" AND a."organizationId" = w."organizationId"
     WHERE w."id" = ANY(${workloadIds}::text[])`,
  results(rows, workloadIds) {
    const byId = new Map(rows.map((row) => [row.id, row]));
    return workloadIds.map((id) => {
      const row = byId.get(id);
      return row ? launchContextOf(row) : null;
    });
  },
};

function launchContextOf(row: LaunchRow): LaunchContext {
  return {
    workload: {
      id: row.id,
      organizationId: row.organizationId,
      clusterId: row.clusterId,
      name: row.name,
      status: row.status,
      externalId: row.externalId,
      cancelRequestedAt: row.cancelRequestedAt,
      quantity: row.quantity,
      walltimeSeconds: row.walltimeSeconds,
      spec: typeof row.spec === "string" ? (JSON.parse(row.spec) as unknown) : row.spec,
    },
    cluster: {
      id: row.clusterId,
      code: row.clusterCode,
      kind: row.clusterKind,
      active: row.clusterActive,
      fingerprint: row.clusterFingerprint,
    },
    resourceClassCode: row.resourceClassCode,
    mapping: row.mapped
      ? {
          slurmPartition: row.slurmPartition,
          slurmGres: row.slurmGres,
          capacity: row.capacity!,
          unitsPerNode: row.unitsPerNode,
        }
      : null,
    account:
      row.accountName !== null && row.accountStatus !== null
        ? { accountName: row.accountName, status: row.accountStatus }
        : null,
  };
}

const storedSpec = z.looseObject({
  script: z.string().min(1),
  simSeconds: z.number().int().positive().optional().nullable(),
  nodes: z
    .object({ nodes: z.number().int().positive(), unitsPerNode: z.number().int().positive() })
    .optional(),
});

/**
 * Pure: the driver request for a launch, or the reason it cannot be made (shown to the user when
 * the workload is refused). The workload id travels in the environment as well as in the job name.
 */
export function buildSubmitRequest(
  context: LaunchContext,
  accountName: string,
): { ok: true; request: SubmitRequest } | { ok: false; problem: string } {
  if (!context.mapping) {
    return {
      ok: false,
      problem: `Cluster ${context.cluster.code} no longer offers ${context.resourceClassCode}.`,
    };
  }
  const spec = storedSpec.safeParse(context.workload.spec);
  if (!spec.success)
    return { ok: false, problem: "The job's stored script is missing or malformed." };
  const environment: Record<string, string> = { TESSERA_WORKLOAD_ID: context.workload.id };
  if (spec.data.simSeconds) environment.TESSERA_SIM_SECONDS = String(spec.data.simSeconds);
  return {
    ok: true,
    request: {
      workloadId: context.workload.id,
      displayName: context.workload.name,
      account: accountName,
      resourceClassCode: context.resourceClassCode,
      mapping: context.mapping,
      quantity: context.workload.quantity,
      ...(spec.data.nodes ? { nodes: spec.data.nodes } : {}),
      walltimeSeconds: context.workload.walltimeSeconds,
      script: spec.data.script,
      environment,
    },
  };
}
