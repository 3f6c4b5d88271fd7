import type { FormLine } from "@/components/workloads/types";

/** What a member of an organisation with no usage yet is pointed to, to have some. */
export type UsageAction = "JOB" | "ENDPOINT" | "API_KEY" | "APPLY";

/**
 * What the organisation's allocations allow it to start with: a training job when one of its
 * lines runs jobs on some cluster; an endpoint when its lines only serve inference; an API key
 * when all it holds is tokens of the platform's shared models (spent through the gateway, no job
 * or endpoint of its own); and otherwise an application to a programme.
 */
export function usageActionOf(
  lines: readonly Pick<FormLine, "maxQuantity" | "endpointClusters">[],
  holdsSharedTokens: boolean,
): UsageAction {
  if (lines.some((line) => line.maxQuantity > 0)) return "JOB";
  if (lines.some((line) => line.endpointClusters.length > 0)) return "ENDPOINT";
  if (holdsSharedTokens) return "API_KEY";
  return "APPLY";
}
