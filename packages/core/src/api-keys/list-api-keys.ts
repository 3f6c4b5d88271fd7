import type { Actor } from "../actor";
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
import { API_KEY_COLUMNS, toApiKeySummaries, type ApiKeySummary } from "./api-key-view";

/** The organisation's API keys, newest first; never a secret or its hash. */
export async function listApiKeys(
  tenant: TenantAccess,
  actor: Actor,
  input: PageInput & { projectId?: string | null },
): Promise<Page<ApiKeySummary>> {
  const size = pageSize(input.limit);
  const rows = await tenant.db.apiKey.findMany({
    where: {
      AND: [input.projectId ? { projectId: input.projectId } : {}, afterTimeCursor(input.cursor)],
    },
    select: API_KEY_COLUMNS,
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return { items: await toApiKeySummaries(tenant, actor, page.items), nextCursor: page.nextCursor };
}
