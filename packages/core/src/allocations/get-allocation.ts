import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { ALLOCATION_DETAIL, toAllocationView, type AllocationView } from "./allocation-view";

export async function getAllocation(
  tenant: TenantAccess,
  allocationId: string,
  now: Date = new Date(),
): Promise<AllocationView> {
  const row = await tenant.db.allocation.findUnique({
    where: { id: allocationId },
    include: ALLOCATION_DETAIL,
  });
  if (!row) throw notFound("Allocation");
  return toAllocationView(row, now);
}
