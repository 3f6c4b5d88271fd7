/**
 * Pure, and safe for the browser: an endpoint's units per replica and replicas, and what to fix
 * when they would be refused. The deploy form's price box, its checks on deploy, the API's input
 * schema and deployEndpoint all say a problem in these words, so the person reads the same
 * sentence wherever it is found.
 */

/** The fields an endpoint's size is made of, by their names in the deploy input. */
export type ReplicaField = "unitsPerReplica" | "minReplicas" | "maxReplicas" | "replicas";

/** An endpoint's size, once every part of it is a whole number within its bounds. */
export type ReplicaShape = Record<ReplicaField, number>;

export interface ReplicaProblem {
  field: ReplicaField;
  message: string;
}

export interface ReplicaLimits {
  maxReplicas: number;
  maxUnitsPerReplica: number;
}

/** What to fix, one sentence per problem; each names the field as the form labels it. */
export const REPLICA_MESSAGES = {
  units: (unit: string, max: number) =>
    `Enter the ${unit}s per replica as a whole number from 1 to ${max}.`,
  min: "Enter the minimum replicas as a whole number, 0 or more.",
  max: (max: number) => `Enter the maximum replicas as a whole number from 1 to ${max}.`,
  minAboveMax: (min: number, max: number) =>
    `The minimum (${min}) is above the maximum (${max}). Lower the minimum or raise the maximum.`,
  start: (from: number, to: number) =>
    from === to
      ? `Enter ${from} as the replicas to start with (it must lie between the minimum and the maximum, and be at least 1).`
      : `Enter the replicas to start with as a whole number from ${from} to ${to} (between the minimum and the maximum, and at least 1).`,
} as const;

/** A whole number (or null for anything else: empty, fractional, not a number at all). */
function whole(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}

/**
 * Pure: the endpoint's size, or every problem with it (at most one per field, in the form's
 * order). Units run from 1 to the limit; the minimum is 0 or more; the maximum from 1 to the
 * limit and not below the minimum (said on the minimum, naming both); the replicas to start with
 * lie between them and are at least 1 — checked only once the minimum and maximum stand, since
 * they bound it. `unit` is what one unit of the class is called ("GPU"); "unit" when unknown.
 */
export function checkReplicas(
  input: Record<ReplicaField, unknown>,
  limits: ReplicaLimits,
  unit = "unit",
): { shape: ReplicaShape; problems: [] } | { shape: null; problems: ReplicaProblem[] } {
  const units = whole(input.unitsPerReplica);
  const min = whole(input.minReplicas);
  const max = whole(input.maxReplicas);
  const start = whole(input.replicas);
  const problems: ReplicaProblem[] = [];
  const add = (field: ReplicaField, message: string) => problems.push({ field, message });
  if (units === null || units < 1 || units > limits.maxUnitsPerReplica)
    add("unitsPerReplica", REPLICA_MESSAGES.units(unit, limits.maxUnitsPerReplica));
  const minFits = min !== null && min >= 0;
  const maxFits = max !== null && max >= 1 && max <= limits.maxReplicas;
  if (!minFits) add("minReplicas", REPLICA_MESSAGES.min);
  if (!maxFits) add("maxReplicas", REPLICA_MESSAGES.max(limits.maxReplicas));
  if (minFits && maxFits) {
    if (min > max) add("minReplicas", REPLICA_MESSAGES.minAboveMax(min, max));
    else if (start === null || start < Math.max(min, 1) || start > max)
      add("replicas", REPLICA_MESSAGES.start(Math.max(min, 1), max));
  }
  if (problems.length > 0 || units === null || min === null || max === null || start === null)
    return { shape: null, problems };
  return {
    shape: { unitsPerReplica: units, minReplicas: min, maxReplicas: max, replicas: start },
    problems: [],
  };
}

/**
 * The replicas a running endpoint may be scaled to: from its minimum (at least 1: a scale always
 * leaves a replica serving) to its maximum; none only through scaling it to zero, which only an
 * endpoint whose minimum is 0 may be (scaleToZeroRefusal). The endpoint's page, its scale field
 * and scaleEndpoint all say and apply the bounds from here.
 */
export interface ScaleRange {
  from: number;
  to: number;
  /** Whether it may also be scaled to zero (its minimum is 0). */
  toZero: boolean;
}

export function scaleRangeOf(endpoint: { minReplicas: number; maxReplicas: number }): ScaleRange {
  return {
    from: Math.max(endpoint.minReplicas, 1),
    to: endpoint.maxReplicas,
    toZero: endpoint.minReplicas === 0,
  };
}

/** Pure: whether `replicas` (as parsed: null when not a whole number) lies in the range. */
export function inScaleRange(range: ScaleRange, replicas: number | null): replicas is number {
  return (
    replicas !== null &&
    Number.isSafeInteger(replicas) &&
    replicas >= range.from &&
    replicas <= range.to
  );
}
