import type { AuditEvent, Database } from "@tessera/db";
import type { Actor } from "../actor";
import { auditTargetKey, describeAuditTargets } from "./describe-audit-targets";
import type { HashedAuditFields } from "./hash";
import { recordAuditEvent } from "./record-audit-event";

export type AuditExportFormat = "csv" | "jsonl";

/**
 * One event exactly as the chain hashes it, plus its id and hashes: a line of the JSON Lines
 * export. `packages/core/scripts/verify-audit-export.mjs` recomputes the chain from these alone.
 */
export interface AuditExportRecord extends Omit<HashedAuditFields, "occurredAt"> {
  id: string;
  occurredAt: string;
  hash: string;
}

/** An exported event with the names a reader wants beside it (not covered by the hashes). */
export interface AuditExportRow {
  record: AuditExportRecord;
  organizationName: string | null;
  targetName: string | null;
}

function toRecord(event: AuditEvent): AuditExportRecord {
  return {
    id: event.id.toString(),
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    organizationId: event.organizationId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    ip: event.ip,
    userAgent: event.userAgent,
    data: event.data,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/**
 * The whole chain from its first event, oldest first, in pages — so the export can be checked
 * offline from the genesis hash on. Reads as it goes (a stream, never the whole log in memory).
 */
export async function* exportAuditEvents(
  database: Database,
  pageSize = 1000,
): AsyncGenerator<AuditExportRow[]> {
  let after: bigint | undefined;
  for (;;) {
    const page = await database.auditEvent.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (page.length === 0) return;
    const organizationIds = [
      ...new Set(page.flatMap((event) => (event.organizationId ? [event.organizationId] : []))),
    ];
    const [organizations, targets] = await Promise.all([
      database.organization.findMany({
        where: { id: { in: organizationIds } },
        select: { id: true, name: true },
      }),
      describeAuditTargets(database, page),
    ]);
    const names = new Map(organizations.map((org) => [org.id, org.name]));
    yield page.map((event) => ({
      record: toRecord(event),
      organizationName: event.organizationId ? (names.get(event.organizationId) ?? null) : null,
      targetName: event.targetId
        ? (targets.get(auditTargetKey(event.targetType, event.targetId))?.name ?? null)
        : null,
    }));
    after = page[page.length - 1]!.id;
  }
}

/**
 * One line of the JSON Lines export (without its newline). U+2028 and U+2029 are escaped: JSON
 * allows them raw inside strings, but some line readers break lines there. Parsing gives back the
 * same text, so the hashes are unchanged.
 */
export function auditExportJsonLine(record: AuditExportRecord): string {
  return JSON.stringify(record)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Who exported the log, and in which format, is itself part of the chain. */
export async function recordAuditExport(
  database: Database,
  actor: Actor,
  format: AuditExportFormat,
): Promise<void> {
  await database.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "audit.exported",
      targetType: "AuditLog",
      data: { format },
    }),
  );
}
