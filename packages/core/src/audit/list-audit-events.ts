import { AppError } from "../errors";
import { pageSize, toPage, type Page, type PageInput } from "../pagination";
import type { TenantAccess } from "../tenancy/tenant-access";
import {
  AUDIT_CURSOR_PATTERN,
  auditCursorWhere,
  toAuditEventView,
  type AuditEventView,
} from "./audit-event-view";
import { describeAuditTargets } from "./describe-audit-targets";

export interface ListAuditEventsInput extends PageInput {
  action?: string | null;
}

/** One organisation's audit trail, newest first, read through the tenant-scoped client. */
export async function listAuditEvents(
  tenant: TenantAccess,
  input: ListAuditEventsInput,
): Promise<Page<AuditEventView>> {
  if (input.cursor && !AUDIT_CURSOR_PATTERN.test(input.cursor)) {
    throw new AppError(
      "INVALID",
      "That page link is no longer valid. Start again from the first page.",
    );
  }
  const size = pageSize(input.limit);
  const rows = await tenant.db.auditEvent.findMany({
    where: { ...auditCursorWhere(input.cursor), ...(input.action ? { action: input.action } : {}) },
    orderBy: { id: "desc" },
    take: size + 1,
  });
  const names = new Map([[tenant.organization.id, tenant.organization.name]]);
  const page = toPage(rows, size, (row) => row.id.toString());
  const targets = await describeAuditTargets(tenant.db, page.items);
  return {
    items: page.items.map((row) => toAuditEventView(row, names, targets)),
    nextCursor: page.nextCursor,
  };
}
