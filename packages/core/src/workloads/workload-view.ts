import type { Prisma, WorkloadStatus } from "@tessera/db";
import { toSafeNumber } from "../programmes/money";
import { isTerminalWorkloadStatus } from "./workload-limits";

export const WORKLOAD_SUMMARY = {
  resourceClass: { select: { code: true, name: true, unit: true } },
  project: { select: { id: true, name: true } },
  cluster: { select: { code: true, name: true, jurisdiction: true, kind: true } },
  createdBy: { select: { name: true, email: true } },
} as const satisfies Prisma.WorkloadInclude;

export type WorkloadSummaryRow = Prisma.WorkloadGetPayload<{ include: typeof WORKLOAD_SUMMARY }>;

export interface WorkloadSummary {
  id: string;
  name: string;
  status: WorkloadStatus;
  statusReason: string | null;
  quantity: number;
  walltimeSeconds: number;
  resourceClass: { code: string; name: string; unit: string };
  project: { id: string; name: string };
  cluster: { code: string; name: string; jurisdiction: string; kind: string };
  externalId: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  heldUnitSeconds: number;
  consumedUnitSeconds: number | null;
  exitCode: number | null;
  createdBy: { name: string };
  cancelRequestedAt: Date | null;
  terminal: boolean;
}

export function toWorkloadSummary(row: WorkloadSummaryRow): WorkloadSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    statusReason: row.statusReason,
    quantity: row.quantity,
    walltimeSeconds: row.walltimeSeconds,
    resourceClass: row.resourceClass,
    project: row.project,
    cluster: row.cluster,
    externalId: row.externalId,
    createdAt: row.createdAt,
    submittedAt: row.submittedAt,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    heldUnitSeconds: toSafeNumber(row.heldUnitSeconds, "quota"),
    consumedUnitSeconds:
      row.consumedUnitSeconds === null ? null : toSafeNumber(row.consumedUnitSeconds, "quota"),
    exitCode: row.exitCode,
    createdBy: { name: row.createdBy.name ?? row.createdBy.email ?? "Unknown" },
    cancelRequestedAt: row.cancelRequestedAt,
    terminal: isTerminalWorkloadStatus(row.status),
  };
}
