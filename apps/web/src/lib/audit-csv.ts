import type { AuditExportRow } from "@tessera/core";
import { t } from "../i18n";

const COLUMNS = [
  "id",
  "occurred_at",
  "action",
  "action_code",
  "actor_email",
  "actor_id",
  "organisation",
  "organisation_id",
  "target_type",
  "target",
  "target_id",
  "ip",
  "user_agent",
  "data",
  "prev_hash",
  "hash",
] as const;

/**
 * One CSV cell: quoted when it must be, and a leading = + - @ (which a spreadsheet would run as a
 * formula) made inert with an apostrophe. The JSON Lines export, not this one, is for verifying.
 */
export function csvCell(value: string | null): string {
  if (value === null) return "";
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function auditCsvHeader(): string {
  return COLUMNS.join(",");
}

/** One event as a CSV line (without its line break), the action and target in words. */
export function auditCsvLine({ record, organizationName, targetName }: AuditExportRow): string {
  const cells: Record<(typeof COLUMNS)[number], string | null> = {
    id: record.id,
    occurred_at: record.occurredAt,
    action: t.auditActions[record.action] ?? record.action,
    action_code: record.action,
    actor_email: record.actorEmail,
    actor_id: record.actorId,
    organisation: organizationName,
    organisation_id: record.organizationId,
    target_type: t.auditTargetTypes[record.targetType] ?? record.targetType,
    target: targetName,
    target_id: record.targetId,
    ip: record.ip,
    user_agent: record.userAgent,
    data: JSON.stringify(record.data),
    prev_hash: record.prevHash,
    hash: record.hash,
  };
  return COLUMNS.map((column) => csvCell(cells[column])).join(",");
}
