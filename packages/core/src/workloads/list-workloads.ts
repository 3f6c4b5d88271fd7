import type { Prisma } from "@tessera/db";
import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import type { TenantAccess } from "../tenancy/tenant-access";
import { ACTIVE_WORKLOAD_STATUSES, TERMINAL_WORKLOAD_STATUSES } from "./workload-limits";
import { toWorkloadSummary, WORKLOAD_SUMMARY, type WorkloadSummary } from "./workload-view";

export type WorkloadFilter = "active" | "finished" | "all";

/** The organisation's training jobs, newest first. */
export async function listWorkloads(
  tenant: TenantAccess,
  input: PageInput & { filter?: WorkloadFilter | null },
): Promise<Page<WorkloadSummary>> {
  const size = pageSize(input.limit);
  const status: Prisma.WorkloadWhereInput =
    input.filter === "active"
      ? { status: { in: [...ACTIVE_WORKLOAD_STATUSES] } }
      : input.filter === "finished"
        ? { status: { in: [...TERMINAL_WORKLOAD_STATUSES] } }
        : {};
  const rows = await tenant.db.workload.findMany({
    where: { AND: [{ kind: "TRAINING_JOB" }, status, afterTimeCursor(input.cursor)] },
    include: WORKLOAD_SUMMARY,
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return { items: page.items.map(toWorkloadSummary), nextCursor: page.nextCursor };
}
