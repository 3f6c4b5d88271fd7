import type { AuditInput } from "../../audit/record-audit-event";
import { formatDuration, formatQuota } from "../format-usage";
import type { ObservationPlan } from "./observation-plan";
import type { Settlement } from "./settlement";

export type ProgressPlan = Extract<ObservationPlan, { kind: "progress" }>;
export type EndPlan = Extract<ObservationPlan, { kind: "end" }>;

const END_ACTIONS = {
  COMPLETED: "workload.completed",
  FAILED: "workload.failed",
  CANCELLED: "workload.cancelled",
} as const;

/** The timeline's words for a job that was queued, started or put back in the queue. */
export function progressMessage(from: string, plan: ProgressPlan): string {
  const because = plan.reason ? ` (${plan.reason})` : "";
  if (plan.to === "RUNNING") return "Running on the cluster.";
  if (from === "RUNNING") return `Put back in the cluster's queue${because}.`;
  return `Waiting in the cluster's queue${because}.`;
}

/** The timeline's words for a job that ended, with what its hold became, in the class's unit. */
export function endMessage(
  plan: EndPlan,
  hold: { heldUnitSeconds: bigint; unit: string },
  settlement: Settlement,
): string {
  const held = formatQuota(hold.heldUnitSeconds, hold.unit);
  const exit = plan.exitCode === null ? "" : ` with exit code ${plan.exitCode}`;
  const lead =
    plan.to === "COMPLETED"
      ? `Completed${exit}`
      : plan.to === "FAILED"
        ? `Failed${exit}`
        : settlement.kind === "release"
          ? "Cancelled before it started"
          : "Cancelled";
  if (settlement.kind === "release") {
    return `${lead}; the whole hold of ${held} went back to the allocation.`;
  }
  return (
    `${lead} after ${formatDuration(settlement.elapsedSeconds)}; ` +
    `used ${formatQuota(settlement.unitSeconds, hold.unit)} of the ${held} held, ` +
    `the rest went back to the allocation.`
  );
}

/** Unit-seconds a settlement turns into consumption (0 for a release). */
export function consumedBy(settlement: Settlement): bigint {
  return settlement.kind === "settle" ? BigInt(settlement.unitSeconds) : 0n;
}

/** The audit event of a job's end: workload.completed, .failed or .cancelled, with its numbers. */
export function endAudit(
  workload: {
    id: string;
    organizationId: string;
    externalId: string | null;
    heldUnitSeconds: bigint;
  },
  clusterCode: string,
  plan: EndPlan,
  settlement: Settlement,
): AuditInput {
  return {
    action: END_ACTIONS[plan.to],
    organizationId: workload.organizationId,
    targetType: "Workload",
    targetId: workload.id,
    data: {
      cluster: clusterCode,
      externalId: workload.externalId,
      exitCode: plan.exitCode,
      elapsedSeconds: settlement.kind === "settle" ? settlement.elapsedSeconds : 0,
      heldUnitSeconds: workload.heldUnitSeconds.toString(),
      consumedUnitSeconds: consumedBy(settlement).toString(),
      hold: settlement.kind === "settle" ? "settled" : "released",
    },
  };
}
