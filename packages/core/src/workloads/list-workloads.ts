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
import { sumWorkloadEnergy, type WorkloadEnergy } from "./sum-workload-energy";
import { ACTIVE_WORKLOAD_STATUSES, TERMINAL_WORKLOAD_STATUSES } from "./workload-limits";
import { toWorkloadSummary, WORKLOAD_SUMMARY, type WorkloadSummary } from "./workload-view";

export type WorkloadFilter = "active" | "finished" | "all";

/** A job as the list shows it: its summary and the energy metered for it (null: none yet). */
export interface JobSummary extends WorkloadSummary {
  energy: WorkloadEnergy | null;
}

/** The organisation's training jobs, newest first, each with its energy. */
export async function listWorkloads(
  tenant: TenantAccess,
  input: PageInput & { filter?: WorkloadFilter | null },
): Promise<Page<JobSummary>> {
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
  const energies = await sumWorkloadEnergy(
    tenant,
    page.items.map((row) => row.id),
  );
  return {
    items: page.items.map((row) => ({
      ...toWorkloadSummary(row),
      energy: energies.get(row.id) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
