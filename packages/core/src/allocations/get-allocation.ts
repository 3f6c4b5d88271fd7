import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { ALLOCATION_DETAIL, toAllocationViews, type AllocationView } from "./allocation-view";

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
  const [view] = await toAllocationViews(tenant.db, tenant.organization.id, [row], now);
  return view!;
}
