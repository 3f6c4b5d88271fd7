import type { WorkloadStatus } from "@tessera/db";
import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import type { JobSummary } from "./list-workloads";
import type { PlacementView } from "./place-workload";
import { readStoredPlacement } from "./stored-placement";
import type { WorkloadSpec } from "./submit-workload";
import { submissionDated } from "./submission-dated";
import { sumWorkloadEnergy } from "./sum-workload-energy";
import { toWorkloadSummary, WORKLOAD_SUMMARY } from "./workload-view";

export interface WorkloadDetail extends JobSummary {
  spec: WorkloadSpec;
  /**
   * The placement decision without the retired clusters, which are only counted; null when the
   * stored record cannot be read.
   */
  placement: PlacementView | null;
  outputTail: string | null;
  events: {
    id: string;
    status: WorkloadStatus;
    reason: string | null;
    message: string | null;
    createdAt: Date;
  }[];
  allocation: { id: string; programmeName: string };
  /** The template it ran from, by the name the form offered it under (null for an own script). */
  templateName: string | null;
  cancellable: boolean;
}

/**
 * One training job with its timeline (Submitted dated no later than the start: submissionDated);
 * another organisation's job is not found.
 */
export async function getWorkload(
  tenant: TenantAccess,
  workloadId: string,
): Promise<WorkloadDetail> {
  const row = await tenant.db.workload.findFirst({
    where: { id: workloadId, kind: "TRAINING_JOB" },
    include: {
      ...WORKLOAD_SUMMARY,
      events: { orderBy: { id: "asc" }, take: 500 },
      allocationLine: {
        select: { allocation: { select: { id: true, programme: { select: { name: true } } } } },
      },
      template: { select: { name: true } },
    },
  });
  if (!row) throw notFound("Job");
  const summary = toWorkloadSummary(row);
  const energies = await sumWorkloadEnergy(tenant, [row.id]);
  return {
    ...summary,
    energy: energies.get(row.id) ?? null,
    spec: row.spec as unknown as WorkloadSpec,
    placement: readStoredPlacement(row.placement),
    outputTail: row.outputTail,
    events: submissionDated(
      row.events.map((event) => ({
        id: event.id.toString(),
        status: event.status,
        reason: event.reason,
        message: event.message,
        createdAt: event.createdAt,
      })),
      row.startedAt,
    ),
    allocation: {
      id: row.allocationLine.allocation.id,
      programmeName: row.allocationLine.allocation.programme.name,
    },
    templateName: row.template?.name ?? null,
    cancellable: !summary.terminal && summary.cancelRequestedAt === null,
  };
}
