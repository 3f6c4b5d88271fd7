/**
 * Pure, and safe for the browser: what is wrong with the number of units a training job asks
 * for, in the unit of the allocation line's class ("CPU cores", "GPUs"), never another class's.
 * The job form says these on the field as it is typed and the API refuses with the same sentence,
 * so the person reads the same words wherever they are found.
 */

/** The class a job's units are counted in, as its allocation line names it. */
export interface JobQuantityClass {
  /** "NVIDIA H100 80 GB" */
  name: string;
  /** What one unit is called: "GPU", "CPU core", "MIG slice". */
  unit: string;
}

export interface JobQuantityLimit {
  /** The most units one job on this line may ask for. */
  max: number;
  /** The platform's limit on one job; when `max` is below it, the largest cluster set `max`. */
  platformMax: number;
}

const number = (value: number) => value.toLocaleString("en-GB");

/** "1 GPU", "64 CPU cores". */
export function countOfUnits(count: number, unit: string): string {
  return `${number(count)} ${count === 1 ? unit : `${unit}s`}`;
}

/** What to fix, one sentence each, in the class's unit. */
export const JOB_QUANTITY_MESSAGES = {
  wholeNumber: (unit: string, max: number) =>
    `Enter the number of ${unit}s as a whole number from 1 to ${number(max)}.`,
  overPlatform: (unit: string, max: number) =>
    `You can use at most ${countOfUnits(max, unit)} in one job.`,
  overCluster: (resourceClass: JobQuantityClass, max: number) =>
    `You can use at most ${countOfUnits(max, resourceClass.unit)} in one job: the largest cluster that runs ${resourceClass.name} has ${number(max)}.`,
} as const;

/**
 * Pure: the problem with `value` units of `resourceClass` for one job, or null when it may ask
 * for them. Anything but a whole number of at least 1 is asked for again; above the limit, the
 * sentence says the limit and, when a cluster set it, which.
 */
export function jobQuantityProblem(
  value: number | null,
  resourceClass: JobQuantityClass,
  limit: JobQuantityLimit,
): string | null {
  if (value === null || !Number.isSafeInteger(value) || value < 1)
    return JOB_QUANTITY_MESSAGES.wholeNumber(resourceClass.unit, limit.max);
  if (value <= limit.max) return null;
  return limit.max < limit.platformMax
    ? JOB_QUANTITY_MESSAGES.overCluster(resourceClass, limit.max)
    : JOB_QUANTITY_MESSAGES.overPlatform(resourceClass.unit, limit.max);
}
