import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import type { Project } from "@tessera/db";
import type { TenantAccess } from "../tenancy/tenant-access";

/** The organisation's projects, newest first. */
export async function listProjects(tenant: TenantAccess, input: PageInput): Promise<Page<Project>> {
  const size = pageSize(input.limit);
  const rows = await tenant.db.project.findMany({
    where: afterTimeCursor(input.cursor),
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  return toPage(rows, size, timeCursorOf);
}
