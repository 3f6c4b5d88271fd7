import { z } from "zod";
import { ClusterKind } from "@tessera/db";
import { toPlacementView, type PlacementDecision, type PlacementView } from "./place-workload";

const storedCandidate = z.object({
  clusterId: z.string(),
  clusterCode: z.string(),
  clusterName: z.string(),
  kind: z.enum(ClusterKind),
  jurisdiction: z.string(),
  free: z.number().nullable(),
  eligible: z.boolean(),
  why: z.string(),
});

/** The placement decision as submit writes it beside a workload (PlacementDecision). */
const storedPlacement = z.object({
  candidates: z.array(storedCandidate),
  chosen: storedCandidate.nullable(),
  reason: z.string(),
  refusedForData: z.literal(true).optional(),
}) satisfies z.ZodType<PlacementDecision>;

/**
 * Pure: the placement decision kept with a workload, as a page shows it (toPlacementView), or null
 * when the stored record is not a decision (damaged, or written by hand), so that the page can say
 * so and show the rest of the workload rather than fail.
 */
export function readStoredPlacement(stored: unknown): PlacementView | null {
  const parsed = storedPlacement.safeParse(stored);
  return parsed.success ? toPlacementView(parsed.data) : null;
}
