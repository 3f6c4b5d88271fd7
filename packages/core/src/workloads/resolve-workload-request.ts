import {
  Prisma,
  rawBatchQuery,
  rowsInOrder,
  type DataClassification,
  type RawBatch,
  type ResourceKind,
  type VerificationStatus,
} from "@tessera/db";
import { countsTokens } from "../catalogue/metering-unit";
import { AppError, notFound } from "../errors";
import type { QuotaClient } from "../quota/quota-client";
import { jobQuantityProblem, type JobQuantityClass } from "./job-quantity-rules";
import {
  jobSizeOnClusters,
  nodeShapeOf,
  replicaNodeProblem,
  type NodeShape,
} from "./node-placement";
import { ACTIVE_WORKLOAD_STATUSES, WORKLOAD_LIMITS } from "./workload-limits";
import {
  clustersRunning,
  placeWorkload,
  toPlacementCluster,
  type ClusterRecord,
  type PlacementCluster,
  type PlacementDecision,
  type PlacementPurpose,
} from "./place-workload";

type Reader = QuotaClient;

export interface WorkloadShape {
  projectId: string;
  allocationLineId: string;
  quantity: number;
  walltimeSeconds: number;
  /** An endpoint's units per replica (quantity is all its replicas'); absent for a job. */
  unitsPerReplica?: number;
}

export interface ResolvedWorkloadRequest {
  organization: { id: string; country: string; status: VerificationStatus };
  project: {
    id: string;
    name: string;
    residency: string | null;
    classification: DataClassification;
  };
  line: {
    id: string;
    allocationId: string;
    programmeName: string;
    grantedUnitSeconds: bigint;
    heldUnitSeconds: bigint;
    consumedUnitSeconds: bigint;
    validFrom: Date;
    validTo: Date;
  };
  resourceClass: {
    id: string;
    code: string;
    name: string;
    kind: ResourceKind;
    unit: string;
    active: boolean;
  };
  holdUnitSeconds: number;
  placement: PlacementDecision;
  /** The job's nodes on the chosen cluster (one node where it records none); null unplaced. */
  nodes: NodeShape | null;
}

/**
 * The job's time limit, checked before anything is read. Its number of units is checked once the
 * line's class is known (checkJobQuantity), so the refusal names the class's unit.
 */
export function checkWorkloadShape(shape: WorkloadShape): void {
  const { walltimeSeconds } = shape;
  if (
    !Number.isSafeInteger(walltimeSeconds) ||
    walltimeSeconds < WORKLOAD_LIMITS.minWalltimeSeconds ||
    walltimeSeconds > WORKLOAD_LIMITS.maxWalltimeSeconds
  ) {
    throw new AppError(
      "INVALID",
      "The time limit is between 1 minute and 7 days; longer runs checkpoint and resubmit.",
    );
  }
}

/** A job's number of units, in the words of the job form: "You can use at most 64 CPU cores…". */
export function checkJobQuantity(quantity: number, resourceClass: JobQuantityClass): void {
  const max = WORKLOAD_LIMITS.maxQuantity;
  const problem = jobQuantityProblem(quantity, resourceClass, { max, platformMax: max });
  if (problem) throw new AppError("INVALID", problem);
}

/**
 * A job's size against the nodes of the clusters that run its class: a job larger than a node
 * takes whole nodes, and a size no cluster with room for it can take is refused here, naming the
 * sizes that can run, before anything is written.
 */
function checkJobNodes(
  quantity: number,
  clusters: readonly PlacementCluster[],
  resourceClass: JobQuantityClass,
): void {
  const { problem } = jobSizeOnClusters(
    quantity,
    clusters,
    resourceClass,
    WORKLOAD_LIMITS.maxQuantity,
  );
  if (problem) throw new AppError("INVALID", problem, { field: "quantity" });
}

/**
 * An endpoint's replica against the nodes of the clusters that serve its class: one replica is one
 * pod on one node, so a replica larger than every such node is refused here, naming the largest
 * that fits, before anything is written.
 */
function checkReplicaNodes(
  unitsPerReplica: number,
  clusters: readonly PlacementCluster[],
  unit: string,
): void {
  const problem = replicaNodeProblem(unitsPerReplica, clusters, unit);
  if (problem) throw new AppError("INVALID", problem, { field: "unitsPerReplica" });
}

function chosenNodes(
  placement: PlacementDecision,
  clusters: readonly PlacementCluster[],
  quantity: number,
): NodeShape | null {
  const chosen = clusters.find((cluster) => cluster.id === placement.chosen?.clusterId);
  return chosen ? nodeShapeOf(quantity, chosen.unitsPerNode) : null;
}

interface RequestKey {
  organizationId: string;
  projectId: string;
  allocationLineId: string;
}

interface RequestRow {
  /** Which of a batch's keys the row answers (1-based). */
  ord: bigint;
  country: string;
  organizationStatus: VerificationStatus;
  projectId: string | null;
  projectName: string | null;
  residency: string | null;
  classification: DataClassification | null;
  lineId: string | null;
  allocationId: string | null;
  grantedUnitSeconds: bigint | null;
  heldUnitSeconds: bigint | null;
  consumedUnitSeconds: bigint | null;
  validFrom: Date | null;
  validTo: Date | null;
  programmeName: string | null;
  resourceClassId: string | null;
  resourceClassCode: string | null;
  resourceClassName: string | null;
  resourceClassUnit: string | null;
  resourceClassActive: boolean | null;
  resourceClassKind: ResourceKind | null;
  /** Each cluster as the statement returns it (JSON), before placement judges it. */
  clusters: ClusterRecord[] | string | null;
}

/**
 * The read for one or several requests at once (the submits that queued behind the one being
 * read in this process go in the next statement): for each key, its organisation, project,
 * allocation line and class, and every cluster with its capacity for the class and the units in
 * use there.
 */
const WORKLOAD_REQUESTS: RawBatch<RequestKey, RequestRow, RequestRow | undefined> = {
  key: "workload-request",
  line: "workload-request",
  statement: (keys) => Prisma.sql`
    SELECT k."ord", o."country", o."status"::text AS "organizationStatus",
           p."id" AS "projectId", p."name" AS "projectName", p."residency",
           p."classification"::text AS "classification",
           l."id" AS "lineId", l."allocationId", l."grantedUnitSeconds", l."heldUnitSeconds",
           l."consumedUnitSeconds", l."validFrom", l."validTo", l."programmeName",
           l."resourceClassId", l."resourceClassCode", l."resourceClassName", l."resourceClassUnit",
           l."resourceClassActive", l."resourceClassKind",
           CASE WHEN l."id" IS NULL THEN NULL ELSE (
             SELECT COALESCE(json_agg(json_build_object(
                      'id', c."id", 'code', c."code", 'name', c."name", 'kind', c."kind",
                      'jurisdiction', c."jurisdiction", 'active', c."active",
                      'endpoint', c."endpoint",
                      'capacity', cr."capacity", 'unitsPerNode', cr."unitsPerNode",
                      'inUse', (SELECT COALESCE(SUM(w."quantity" * COALESCE(e."desiredReplicas", 1)), 0)
                                  FROM "Workload" w
                                  -- An endpoint occupies its units once per replica it wants.
                                  LEFT JOIN "Endpoint" e ON e."workloadId" = w."id"
                                 WHERE w."clusterId" = c."id"
                                   AND w."resourceClassId" = l."resourceClassId"
                                   AND w."status" = ANY(${[...ACTIVE_WORKLOAD_STATUSES]}::"WorkloadStatus"[])))),
                    '[]'::json)
               FROM "Cluster" c
               LEFT JOIN "ClusterResource" cr
                 ON cr."clusterId" = c."id" AND cr."resourceClassId" = l."resourceClassId")
           END AS "clusters"
      FROM unnest(${keys.map((k) => k.organizationId)}::text[],
                  ${keys.map((k) => k.projectId)}::text[],
                  ${keys.map((k) => k.allocationLineId)}::text[])
             WITH ORDINALITY AS k("organizationId", "projectId", "allocationLineId", "ord")
      JOIN "Organization" o ON o."id" = k."organizationId"
      LEFT JOIN "Project" p ON p."id" = k."projectId" AND p."organizationId" = o."id"
      LEFT JOIN LATERAL (
        SELECT l."id", l."allocationId", l."grantedUnitSeconds", l."heldUnitSeconds",
               l."consumedUnitSeconds", l."resourceClassId", a."organizationId",
               a."validFrom", a."validTo", pr."name" AS "programmeName",
               rc."code" AS "resourceClassCode", rc."name" AS "resourceClassName",
               rc."unit" AS "resourceClassUnit", rc."active" AS "resourceClassActive",
               rc."kind"::text AS "resourceClassKind"
          FROM "AllocationLine" l
          JOIN "Allocation" a ON a."id" = l."allocationId"
          JOIN "Programme" pr ON pr."id" = a."programmeId"
          JOIN "ResourceClass" rc ON rc."id" = l."resourceClassId"
         WHERE l."id" = k."allocationLineId" AND a."organizationId" = k."organizationId"
      ) l ON true`,
  results: rowsInOrder,
};

/**
 * A token tier's allocation is spent by calling the platform's shared models through the gateway:
 * it has no hardware to run a job or an endpoint on.
 */
export function tokensRunNothing(className: string, purpose: PlacementPurpose): AppError {
  return new AppError(
    "INVALID",
    `${className} is tokens of a shared model, spent by calling it through the gateway with an API key; it cannot run ${purpose === "job" ? "a job" : "an endpoint"}. Choose an allocation line of GPUs, MIG slices or CPU cores.`,
  );
}

/**
 * Reads what a launch needs — the organisation, the project, the allocation line and its class,
 * every cluster with its capacity for the class and the platform-wide units in use there — in one
 * statement, and decides placement. Raw SQL, so the tenancy rule is written out: the project and
 * the allocation are read only where their `organizationId` is this organisation's, so another
 * organisation's project or allocation is simply not found. The occupancy sums are platform-wide
 * on purpose (capacity is shared by every tenant).
 */
export async function resolveWorkloadRequest(
  tx: Reader,
  organizationId: string,
  shape: WorkloadShape,
  purpose: PlacementPurpose = "job",
): Promise<ResolvedWorkloadRequest> {
  // An endpoint's shape (replicas, lease window) is checked by deployEndpoint against its own limits.
  if (purpose === "job") checkWorkloadShape(shape);
  const row = await rawBatchQuery(tx, WORKLOAD_REQUESTS, {
    organizationId,
    projectId: shape.projectId,
    allocationLineId: shape.allocationLineId,
  });
  if (!row) throw notFound("Organisation");
  if (!row.projectId) throw notFound("Project");
  if (!row.lineId) throw notFound("Allocation");
  if (!row.resourceClassActive) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `${row.resourceClassName} is no longer offered; choose another allocation line.`,
    );
  }
  if (countsTokens(row.resourceClassKind!)) throw tokensRunNothing(row.resourceClassName!, purpose);
  if (purpose === "job") {
    checkJobQuantity(shape.quantity, {
      name: row.resourceClassName!,
      unit: row.resourceClassUnit!,
    });
  }
  const clusters: ClusterRecord[] =
    typeof row.clusters === "string"
      ? (JSON.parse(row.clusters) as ClusterRecord[])
      : (row.clusters ?? []);
  const placementClusters = clusters.map(toPlacementCluster);
  if (purpose === "job") {
    checkJobNodes(shape.quantity, clustersRunning(placementClusters, "job"), {
      name: row.resourceClassName!,
      unit: row.resourceClassUnit!,
    });
  } else if (shape.unitsPerReplica !== undefined) {
    checkReplicaNodes(
      shape.unitsPerReplica,
      clustersRunning(placementClusters, "endpoint"),
      row.resourceClassUnit!,
    );
  }
  const project = {
    id: row.projectId,
    name: row.projectName!,
    residency: row.residency,
    classification: row.classification!,
  };
  const placement = placeWorkload(placementClusters, {
    quantity: shape.quantity,
    residency: project.residency,
    classification: project.classification,
    organizationCountry: row.country,
    purpose,
    unitsPerReplica: shape.unitsPerReplica,
  });
  return {
    organization: { id: organizationId, country: row.country, status: row.organizationStatus },
    project,
    line: {
      id: row.lineId,
      allocationId: row.allocationId!,
      programmeName: row.programmeName!,
      grantedUnitSeconds: row.grantedUnitSeconds!,
      heldUnitSeconds: row.heldUnitSeconds!,
      consumedUnitSeconds: row.consumedUnitSeconds!,
      validFrom: row.validFrom!,
      validTo: row.validTo!,
    },
    resourceClass: {
      id: row.resourceClassId!,
      code: row.resourceClassCode!,
      name: row.resourceClassName!,
      kind: row.resourceClassKind!,
      unit: row.resourceClassUnit!,
      active: true,
    },
    holdUnitSeconds: shape.quantity * shape.walltimeSeconds,
    placement,
    nodes: chosenNodes(placement, placementClusters, shape.quantity),
  };
}
