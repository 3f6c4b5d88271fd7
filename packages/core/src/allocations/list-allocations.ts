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
import { ALLOCATION_DETAIL, toAllocationViews, type AllocationView } from "./allocation-view";

/** The organisation's allocations, newest first, each line with granted, held, consumed and remaining. */
export async function listAllocations(
  tenant: TenantAccess,
  input: PageInput & { activeOnly?: boolean | null },
  now: Date = new Date(),
): Promise<Page<AllocationView>> {
  const size = pageSize(input.limit);
  const rows = await tenant.db.allocation.findMany({
    where: {
      AND: [
        input.activeOnly ? { validFrom: { lte: now }, validTo: { gt: now } } : {},
        afterTimeCursor(input.cursor),
      ],
    },
    include: ALLOCATION_DETAIL,
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return {
    items: await toAllocationViews(tenant.db, tenant.organization.id, page.items, now),
    nextCursor: page.nextCursor,
  };
}
