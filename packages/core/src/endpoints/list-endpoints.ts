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
import { ENDPOINT_SUMMARY, toEndpointSummary, type EndpointSummary } from "./endpoint-view";

/** The organisation's inference endpoints, newest first; deleted ones only when asked for. */
export async function listEndpoints(
  tenant: TenantAccess,
  input: PageInput & { includeDeleted?: boolean | null },
): Promise<Page<EndpointSummary>> {
  const size = pageSize(input.limit);
  const rows = await tenant.db.workload.findMany({
    where: {
      AND: [
        { kind: "INFERENCE_ENDPOINT" },
        input.includeDeleted ? {} : { endpoint: { status: { not: "DELETED" } } },
        afterTimeCursor(input.cursor),
      ],
    },
    include: ENDPOINT_SUMMARY,
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return { items: page.items.map(toEndpointSummary), nextCursor: page.nextCursor };
}
