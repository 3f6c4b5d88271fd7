/**
 * Pure, and safe for the browser: how a training job's units sit on a cluster's nodes. A job that
 * fits on one node asks for one node; a larger job takes whole nodes, all of each, so that the
 * scheduler is never asked for more of a class on one node than a node has. Where a cluster has
 * not recorded its units per node, a job asks for one node, as it always did.
 */
import { countOfUnits, type JobQuantityClass } from "./job-quantity-rules";

/** `nodes` nodes with `unitsPerNode` units of the class on each. */
export interface NodeShape {
  nodes: number;
  unitsPerNode: number;
}

/** What the node rule needs of a cluster that runs the class. */
export interface NodeCluster {
  name: string;
  /** Units of the class on the cluster; null when it does not offer the class. */
  capacity: number | null;
  /** Units of the class one node has; null or absent when not recorded. */
  unitsPerNode?: number | null;
}

/** How many whole-node sizes a refusal lists before it elides the middle ("8, 12, 16 … 64"). */
const LISTED_SIZES = 5;

const number = (value: number) => value.toLocaleString("en-GB");

/**
 * Pure: the nodes `quantity` units take where one node has `unitsPerNode` of them — one node when
 * they fit on one (or when the cluster has not said how many a node has), else `quantity /
 * unitsPerNode` whole nodes; null when the quantity is more than a node and not a whole number of
 * nodes.
 */
export function nodeShapeOf(
  quantity: number,
  unitsPerNode: number | null | undefined,
): NodeShape | null {
  if (unitsPerNode == null || quantity <= unitsPerNode) {
    return { nodes: 1, unitsPerNode: quantity };
  }
  if (quantity % unitsPerNode !== 0) return null;
  return { nodes: quantity / unitsPerNode, unitsPerNode };
}

/** Pure: the most units one job may ask for on a cluster: the platform's limit or its capacity. */
export function jobCeilingOn(cluster: Pick<NodeCluster, "capacity">, platformMax: number): number {
  return Math.min(platformMax, cluster.capacity ?? 0);
}

/** Pure: the sizes larger than one node that a job may take, up to `ceiling`: 2, 3 … whole nodes. */
export function wholeNodeSizes(unitsPerNode: number, ceiling: number): number[] {
  const sizes: number[] = [];
  for (let size = 2 * unitsPerNode; size <= ceiling; size += unitsPerNode) sizes.push(size);
  return sizes;
}

/** "8, 12 or 16"; "8, 12, 16 … 64" when there are many. */
function sizeList(sizes: readonly number[]): string {
  const shown = sizes.map(number);
  if (shown.length > LISTED_SIZES) return `${shown.slice(0, 3).join(", ")} … ${shown.at(-1)}`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
}

/**
 * Pure: why `quantity` units cannot run on this cluster's nodes, naming the sizes that can, or
 * null when they can (or when the cluster's capacity, not its nodes, is what stands in the way).
 */
export function nodeShapeProblem(
  quantity: number,
  cluster: NodeCluster,
  resourceClass: JobQuantityClass,
  platformMax: number,
): string | null {
  const ceiling = jobCeilingOn(cluster, platformMax);
  if (quantity > ceiling || nodeShapeOf(quantity, cluster.unitsPerNode) !== null) return null;
  const perNode = cluster.unitsPerNode!;
  const sizes = wholeNodeSizes(perNode, ceiling);
  const node = countOfUnits(perNode, resourceClass.unit);
  if (sizes.length === 0) {
    return `On ${cluster.name} a job of ${resourceClass.name} runs on one node, which has ${node}: ask for at most ${number(perNode)}.`;
  }
  return `On ${cluster.name} a job of more than ${node} of ${resourceClass.name} takes whole nodes of ${number(perNode)}: ask for at most ${number(perNode)}, or ${sizeList(sizes)} ${resourceClass.unit}s.`;
}

/**
 * Pure: whether one inference replica of `unitsPerReplica` units fits on one node. A replica is one
 * pod, and a pod never spans nodes; a cluster that has not recorded its nodes takes any size.
 */
export function fitsOneNode(unitsPerReplica: number, unitsPerNode: number | null | undefined) {
  return nodeShapeOf(unitsPerReplica, unitsPerNode)?.nodes === 1;
}

/**
 * Pure: why a replica of `unitsPerReplica` units fits on no node of the clusters that serve
 * endpoints of the class, naming the largest replica that does; null when one of them takes it
 * (or none records its nodes). Placement passes over the clusters whose nodes are too small.
 */
export function replicaNodeProblem(
  unitsPerReplica: number,
  clusters: readonly Pick<NodeCluster, "unitsPerNode">[],
  unit: string,
): string | null {
  const fits = clusters.some((cluster) => fitsOneNode(unitsPerReplica, cluster.unitsPerNode));
  if (fits || clusters.length === 0) return null;
  const largest = Math.max(...clusters.map((cluster) => cluster.unitsPerNode ?? 0));
  const nodes =
    clusters.length === 1 ? "this cluster's nodes have" : "the largest nodes that serve it have";
  return `A replica must fit on one node: ${nodes} ${countOfUnits(largest, unit)}; ask for at most ${number(largest)} per replica.`;
}

/**
 * Pure: the most units one replica may ask for on the clusters that serve the class — the
 * platform's limit, or the largest node among them when that is smaller (a replica must fit on one
 * node: replicaNodeProblem); the platform's limit when a cluster's nodes are not recorded, or no
 * cluster is known.
 */
export function replicaUnitCeiling(
  clusters: readonly Pick<NodeCluster, "unitsPerNode">[],
  platformMax: number,
): number {
  if (clusters.length === 0 || clusters.some((cluster) => cluster.unitsPerNode == null)) {
    return platformMax;
  }
  return Math.min(platformMax, Math.max(...clusters.map((cluster) => cluster.unitsPerNode ?? 0)));
}

/** Where a job of some size would run, cluster by cluster: its node shape, or why none fits. */
export interface JobSizeOnClusters {
  /** The node shape on each cluster that has room for the job and records its nodes. */
  shapes: ({ clusterName: string } & NodeShape)[];
  /** Why no cluster with room for the job can take its size on whole nodes; null otherwise. */
  problem: string | null;
}

/**
 * Pure: the node shape of `quantity` units on each cluster that runs the class and has room for
 * them, or — when every such cluster refuses it for its nodes — each one's refusal. Clusters
 * without room are placement's to refuse (for capacity), not this rule's.
 */
export function jobSizeOnClusters(
  quantity: number,
  clusters: readonly NodeCluster[],
  resourceClass: JobQuantityClass,
  platformMax: number,
): JobSizeOnClusters {
  const roomy = clusters.filter((cluster) => quantity <= jobCeilingOn(cluster, platformMax));
  const shapes = roomy.flatMap((cluster) => {
    const shape = nodeShapeOf(quantity, cluster.unitsPerNode);
    return shape && cluster.unitsPerNode != null ? [{ clusterName: cluster.name, ...shape }] : [];
  });
  const problems = roomy
    .map((cluster) => nodeShapeProblem(quantity, cluster, resourceClass, platformMax))
    .filter((problem) => problem !== null);
  const refusedEverywhere = roomy.length > 0 && problems.length === roomy.length;
  return { shapes, problem: refusedEverywhere ? problems.join(" ") : null };
}

/** "2 nodes × 4 GPUs", "1 node × 3 CPU cores". */
export function describeNodeShape(shape: NodeShape, unit: string): string {
  const nodes = shape.nodes === 1 ? "1 node" : `${number(shape.nodes)} nodes`;
  return `${nodes} × ${countOfUnits(shape.unitsPerNode, unit)}`;
}

/**
 * Pure: what is wrong with the units per node an operator records for a class on a cluster, or
 * null. It is a whole number of at least 1, no more than the cluster's capacity, and the capacity
 * is a whole number of nodes of it (a capacity of 0, a class being withdrawn, keeps its nodes).
 */
export function unitsPerNodeProblem(
  unitsPerNode: number,
  capacity: number,
  unit: string,
): string | null {
  if (!Number.isSafeInteger(unitsPerNode) || unitsPerNode < 1)
    return `Enter the ${unit}s one node has as a whole number of at least 1, or leave it empty.`;
  if (capacity === 0) return null;
  if (unitsPerNode > capacity)
    return `One node cannot have more than the cluster's capacity of ${countOfUnits(capacity, unit)}.`;
  if (capacity % unitsPerNode !== 0) {
    const below = capacity - (capacity % unitsPerNode);
    return `A capacity of ${countOfUnits(capacity, unit)} is not a whole number of nodes of ${number(unitsPerNode)}: make the capacity a multiple of ${number(unitsPerNode)} (${number(below)} or ${number(below + unitsPerNode)}), or correct the units per node.`;
  }
  return null;
}

/**
 * Pure: the nodes a driver asks the scheduler for — those the job was accepted for when it
 * carries them (and they add up to its quantity), else what the cluster's units per node give;
 * null when neither is a whole-node shape of the quantity.
 */
export function nodesOfRequest(request: {
  quantity: number;
  nodes?: NodeShape;
  mapping: { unitsPerNode?: number | null };
}): NodeShape | null {
  const { quantity, nodes } = request;
  if (nodes) return nodes.nodes * nodes.unitsPerNode === quantity ? nodes : null;
  return nodeShapeOf(quantity, request.mapping.unitsPerNode);
}
