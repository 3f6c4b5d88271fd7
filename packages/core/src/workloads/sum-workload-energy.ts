import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";

/** The energy a workload's usage records were metered with, and how it was known. */
export interface WorkloadEnergy {
  milliWh: number;
  /** True when every record had measured energy; false when any was estimated from power draw. */
  measured: boolean;
}

/**
 * The energy of each of the organisation's workloads given, summed over their usage records in
 * one query (a page of jobs asks once, not once per job). A workload with no usage records yet
 * is absent: nothing metered is not "0 Wh".
 */
export async function sumWorkloadEnergy(
  tenant: TenantAccess,
  workloadIds: readonly string[],
): Promise<Map<string, WorkloadEnergy>> {
  const energies = new Map<string, WorkloadEnergy>();
  if (workloadIds.length === 0) return energies;
  const groups = await tenant.db.usageRecord.groupBy({
    by: ["workloadId", "energyBasis"],
    where: { workloadId: { in: [...workloadIds] } },
    _sum: { energyMilliWh: true },
  });
  for (const group of groups) {
    if (group.workloadId === null) continue;
    const sum = energies.get(group.workloadId) ?? { milliWh: 0, measured: true };
    sum.milliWh += toSafeNumber(group._sum.energyMilliWh ?? 0n, "energy");
    sum.measured &&= group.energyBasis === "MEASURED";
    energies.set(group.workloadId, sum);
  }
  return energies;
}
