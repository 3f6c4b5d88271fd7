import type { ClusterKind, DataClassification } from "@tessera/db";
import { isClusterConnected, NOT_CONNECTED } from "../compute/cluster-connection";

import { jurisdictionRefusal } from "../compute/jurisdiction";
import { AppError } from "../errors";
import { fitsOneNode, nodeShapeOf } from "./node-placement";

export { EU_COUNTRIES, jurisdictionSatisfies } from "../compute/jurisdiction";

export interface PlacementCluster {
  id: string;
  code: string;
  name: string;
  kind: ClusterKind;
  jurisdiction: string;
  active: boolean;
  /** Whether Tessera can reach its scheduler (isClusterConnected). */
  connected: boolean;
  /** Units of the requested class on this cluster (null when the class is not offered there). */
  capacity: number | null;
  /** Units of the class that live workloads already occupy there. */
  inUse: number;
  /** Units of the class one node has (null or absent when not recorded: a job asks for one node). */
  unitsPerNode?: number | null;
}

/** A cluster as read from the database, with its capacity for one class and the units in use. */
export type ClusterRecord = Omit<PlacementCluster, "connected" | "capacity" | "inUse"> & {
  endpoint: string | null;
  capacity?: number | null;
  inUse?: number | string | null;
};

/** What placement judges of a cluster record: whether it is connected, its capacity, its use. */
export function toPlacementCluster(record: ClusterRecord): PlacementCluster {
  return {
    id: record.id,
    code: record.code,
    name: record.name,
    kind: record.kind,
    jurisdiction: record.jurisdiction,
    active: record.active,
    connected: isClusterConnected(record),
    capacity: record.capacity ?? null,
    inUse: Number(record.inUse ?? 0),
    unitsPerNode: record.unitsPerNode ?? null,
  };
}

export interface PlacementRequest {
  quantity: number;
  residency: string | null;
  classification: DataClassification;
  /** The organisation's country: RESTRICTED data stays in it. */
  organizationCountry: string;
  /**
   * What is placed: a training job (Slurm or the simulated cluster) or an inference endpoint
   * (Kubernetes or the simulated cluster). A job when absent.
   */
  purpose?: PlacementPurpose;
  /** An endpoint's units per replica: one replica is one pod, which must fit on one node. */
  unitsPerReplica?: number;
}

export type PlacementPurpose = "job" | "endpoint";

export interface PlacementCandidate {
  clusterId: string;
  clusterCode: string;
  clusterName: string;
  kind: ClusterKind;
  jurisdiction: string;
  /** Units of the class free now; null where the cluster does not offer it or takes no new work. */
  free: number | null;
  eligible: boolean;
  why: string;
}

export interface PlacementDecision {
  candidates: PlacementCandidate[];
  chosen: PlacementCandidate | null;
  reason: string;
  /**
   * Set when nothing was chosen only because of the project's data rules (residency or
   * classification): a cluster would run it otherwise, so the project is what to change.
   */
  refusedForData?: true;
}

/** Why a retired cluster is passed over, as the decision records it. */
export const RETIRED_CLUSTER = "is retired: it takes no new work";

/** Whether a recorded candidate was passed over only for being retired. */
export function isRetiredCandidate(candidate: Pick<PlacementCandidate, "why">): boolean {
  return candidate.why === RETIRED_CLUSTER;
}

/**
 * "2 clusters out of service were not considered." — out of service is the catalogue's state
 * (its "In service" box unticked), whether retired for good or not reachable from here.
 */
export function retiredClustersNotConsidered(count: number): string {
  return count === 1
    ? "1 cluster out of service was not considered."
    : `${count} clusters out of service were not considered.`;
}

/** What a person can do when only the project's data rules stand in the way: where to turn. */
function dataRulesNextStep(request: PlacementRequest): string {
  const where =
    request.classification === "RESTRICTED"
      ? request.organizationCountry
      : (request.residency ?? request.organizationCountry);
  return `To run it, choose a project whose data may go where a cluster is, or ask the platform operator for a cluster in ${where}.`;
}

/**
 * A decision as a page shows it: the candidates without the retired clusters (they take no new
 * work, so they say nothing about this job), and how many were left out. The decision kept with
 * the workload still lists every cluster, for the audit.
 */
export interface PlacementView extends PlacementDecision {
  retiredClusters: number;
}

export function toPlacementView(decision: PlacementDecision): PlacementView {
  const candidates = decision.candidates.filter((c) => !isRetiredCandidate(c));
  return {
    ...decision,
    candidates,
    retiredClusters: decision.candidates.length - candidates.length,
  };
}

function judge(cluster: PlacementCluster, request: PlacementRequest): string | null {
  // Retired in the catalogue: kept for its history, never placed on.
  if (!cluster.active) return RETIRED_CLUSTER;
  const purpose = request.purpose ?? "job";
  if (purpose === "job" && cluster.kind === "KUBERNETES")
    return "serves inference endpoints, not training jobs";
  if (purpose === "endpoint" && cluster.kind === "SLURM")
    return "runs training jobs, not inference endpoints";
  if (!cluster.connected) return NOT_CONNECTED;
  if (cluster.capacity === null) return "does not offer this resource class";
  if (cluster.capacity < request.quantity)
    return `has only ${cluster.capacity} units of this class`;
  // A job larger than one node takes whole nodes (node-placement.ts says which sizes).
  if (purpose === "job" && nodeShapeOf(request.quantity, cluster.unitsPerNode) === null)
    return `takes a job of more than ${cluster.unitsPerNode} units only on whole nodes of ${cluster.unitsPerNode}`;
  // An endpoint's replica runs on one node (fitsOneNode).
  if (
    purpose === "endpoint" &&
    request.unitsPerReplica !== undefined &&
    !fitsOneNode(request.unitsPerReplica, cluster.unitsPerNode)
  )
    return `has nodes of ${cluster.unitsPerNode} units, too small for a replica of ${request.unitsPerReplica}`;
  return jurisdictionRefusal(cluster.jurisdiction, request);
}

/**
 * Pure: picks the cluster a training job (or, with purpose "endpoint", an inference endpoint)
 * lands on. Eligible clusters offer the class with enough
 * units, accept work, and lie in a jurisdiction the project's residency and classification allow;
 * among them the one with the most free units wins (ties by code, so the choice is repeatable).
 * Every candidate carries why it was or was not eligible — that record is kept and audited.
 */
export function placeWorkload(
  clusters: readonly PlacementCluster[],
  request: PlacementRequest,
): PlacementDecision {
  const candidates = clusters
    .map((cluster): PlacementCandidate => {
      const problem = judge(cluster, request);
      const free =
        cluster.capacity === null || !cluster.active
          ? null
          : Math.max(0, cluster.capacity - cluster.inUse);
      return {
        clusterId: cluster.id,
        clusterCode: cluster.code,
        clusterName: cluster.name,
        kind: cluster.kind,
        jurisdiction: cluster.jurisdiction,
        free,
        eligible: problem === null,
        why: problem ?? `eligible, ${free} units free`,
      };
    })
    .sort((a, b) => a.clusterCode.localeCompare(b.clusterCode));
  const eligible = candidates
    .filter((c) => c.eligible)
    .sort((a, b) => (b.free ?? 0) - (a.free ?? 0) || a.clusterCode.localeCompare(b.clusterCode));
  const chosen = eligible[0] ?? null;
  if (!chosen) {
    // The clusters that could have taken it say why not first; retired ones are only counted.
    const retired = candidates.filter(isRetiredCandidate).length;
    const offered = candidates.filter(
      (c) => !isRetiredCandidate(c) && !c.why.startsWith("does not offer"),
    );
    const refusal =
      offered.length === 0
        ? "No cluster offers this resource class."
        : `No cluster may run this ${request.purpose === "endpoint" ? "endpoint" : "job"}: ${offered.map((c) => `${c.clusterName} ${c.why}`).join("; ")}.`;
    // A cluster that would take it were the data free to go anywhere: the project is what stops it.
    const anywhere = { ...request, residency: null, classification: "PUBLIC" as const };
    const refusedForData = clusters.some((cluster) => judge(cluster, anywhere) === null);
    const reason = [
      refusal,
      ...(retired === 0 ? [] : [retiredClustersNotConsidered(retired)]),
      ...(refusedForData ? [dataRulesNextStep(request)] : []),
    ].join(" ");
    return { candidates, chosen: null, reason, ...(refusedForData ? { refusedForData } : {}) };
  }
  const constraint = request.residency
    ? `the project's data must stay in ${request.residency}`
    : "the project has no residency requirement";
  const queued =
    (chosen.free ?? 0) < request.quantity ? " It will queue until enough units are free." : "";
  return {
    candidates,
    chosen,
    reason: `${chosen.clusterName} (${chosen.jurisdiction}): ${constraint}, and it has the most free units of ${eligible.length} eligible cluster${eligible.length === 1 ? "" : "s"} (${chosen.free} free).${queued}`,
  };
}

/**
 * The launch's refusal when placement chose nothing, in its words; when only the project's data
 * rules stand in the way it names the project field, so a form puts it there.
 */
export function placementRefusal(decision: PlacementDecision): AppError {
  return new AppError(
    "PRECONDITION_FAILED",
    decision.reason,
    decision.refusedForData ? { field: "projectId" } : undefined,
  );
}

/** A one-unit job from a project free to run anywhere: what any cluster that runs the class takes. */
const ONE_UNIT_ANYWHERE: PlacementRequest = {
  quantity: 1,
  residency: null,
  classification: "PUBLIC",
  organizationCountry: "",
};

export interface ClassReach {
  /** The most units one job of the class may ask for; 0 when no cluster runs the class. */
  maxQuantity: number;
  /** Why no cluster runs the class, in placement's words (null when one does). */
  reason: string | null;
}

/**
 * Pure: how many units of a class one job may ask for — the largest capacity among the clusters
 * placement would take a one-unit job on, capped at `limit`. A job larger than every such cluster
 * could never be placed. Residency and classification are the project's, and placement explains
 * them when it refuses; they do not narrow this figure.
 */
export function reachOfClass(clusters: readonly PlacementCluster[], limit: number): ClassReach {
  const capacities = clustersRunning(clusters, "job").map((cluster) => cluster.capacity ?? 0);
  if (capacities.length === 0) {
    return { maxQuantity: 0, reason: placeWorkload(clusters, ONE_UNIT_ANYWHERE).reason };
  }
  return { maxQuantity: Math.min(limit, Math.max(...capacities)), reason: null };
}

/**
 * Pure: the clusters placement would take a one-unit workload of the class on from a project free
 * to run anywhere — those that run it for this purpose at all.
 */
export function clustersRunning(
  clusters: readonly PlacementCluster[],
  purpose: PlacementPurpose,
): PlacementCluster[] {
  return clusters.filter((cluster) => judge(cluster, { ...ONE_UNIT_ANYWHERE, purpose }) === null);
}

export interface ProjectReach {
  /** The cluster a one-unit workload of the project would land on now; null when none may. */
  clusterName: string | null;
  /** Placement's refusal, in the words a launch of one unit would meet (null when it lands). */
  problem: string | null;
  /**
   * Jurisdictions of the clusters that run the class for this purpose, whatever the data rules:
   * where a project whose residency and classification allowed it could run.
   */
  jurisdictions: string[];
}

/**
 * Pure: whether a project's workloads of a class may land anywhere — placement's own decision for
 * one unit, so a form can say before launch what the launch would be told — and, when they may
 * not, where the class does run, so the person knows which residency would allow it.
 */
export function reachOfProject(
  clusters: readonly PlacementCluster[],
  rules: Omit<PlacementRequest, "quantity">,
): ProjectReach {
  const decision = placeWorkload(clusters, { ...rules, quantity: 1 });
  const jurisdictions = [
    ...new Set(
      clustersRunning(clusters, rules.purpose ?? "job").map((cluster) => cluster.jurisdiction),
    ),
  ].sort();
  return {
    clusterName: decision.chosen?.clusterName ?? null,
    problem: decision.chosen ? null : decision.reason,
    jurisdictions,
  };
}
