import { replicaNodeProblem, type NodeCluster } from "@tessera/core/node-placement";
import { checkReplicas, type ReplicaLimits } from "@tessera/core/replica-rules";
import { parseWholeNumber } from "@/components/programmes/format";
import { te } from "@/i18n";

/** What the deploy form's price box is worked out from, as typed. */
export interface PriceInputs {
  units: string;
  min: string;
  max: string;
  start: string;
}

/**
 * Pure: the units and replicas as typed, checked by the rules the server enforces (checkReplicas,
 * then replicaNodeProblem against the nodes of the clusters that serve the line's class): their
 * values, or each problem beside its field, in the words the server refuses them with.
 */
export function typedReplicas(
  typed: PriceInputs,
  limits: ReplicaLimits,
  unit: string,
  clusters: readonly Pick<NodeCluster, "unitsPerNode">[] = [],
): ReturnType<typeof checkReplicas> {
  const checked = checkReplicas(
    {
      unitsPerReplica: parseWholeNumber(typed.units),
      minReplicas: parseWholeNumber(typed.min),
      maxReplicas: parseWholeNumber(typed.max),
      replicas: parseWholeNumber(typed.start),
    },
    limits,
    unit,
  );
  const nodeProblem = checked.shape
    ? replicaNodeProblem(checked.shape.unitsPerReplica, clusters, unit)
    : null;
  if (!nodeProblem) return checked;
  return { shape: null, problems: [{ field: "unitsPerReplica", message: nodeProblem }] };
}

/**
 * Pure: the units and starting replicas the deploy form's price box may price, or what to fix
 * first — the same rule and words as the form's checks on deploy and the server's, so the box
 * never shows a figure for replicas that would be refused (empty, 0, negative, fractional, a
 * minimum above the maximum, a start outside them).
 */
export function priceInputs(
  typed: PriceInputs,
  limits: ReplicaLimits,
  unit: string,
  clusters: readonly Pick<NodeCluster, "unitsPerNode">[] = [],
): { units: number; replicas: number } | { problem: string } {
  const checked = typedReplicas(typed, limits, unit, clusters);
  if (!checked.shape) return { problem: te.form.priceFix(checked.problems[0]?.message ?? "") };
  return { units: checked.shape.unitsPerReplica, replicas: checked.shape.replicas };
}
