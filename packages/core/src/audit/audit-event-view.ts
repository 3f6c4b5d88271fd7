import type { AuditEvent } from "@tessera/db";
import { auditTargetKey, type AuditTarget } from "./describe-audit-targets";

/** An audit event as the API shows it; the bigint id travels as a string. */
export interface AuditEventView {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  organizationId: string | null;
  organizationName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** The target as it is called now (and what a link to it needs); null when it has no name. */
  target: AuditTarget | null;
  ip: string | null;
  userAgent: string | null;
  data: unknown;
}

export function toAuditEventView(
  event: AuditEvent,
  organizationNames: ReadonlyMap<string, string>,
  targets: ReadonlyMap<string, AuditTarget> = new Map(),
): AuditEventView {
  return {
    id: event.id.toString(),
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    organizationId: event.organizationId,
    organizationName: event.organizationId
      ? (organizationNames.get(event.organizationId) ?? null)
      : null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    target: event.targetId
      ? (targets.get(auditTargetKey(event.targetType, event.targetId)) ?? null)
      : null,
    ip: event.ip,
    userAgent: event.userAgent,
    data: event.data,
  };
}

/** Audit pages run newest first by id; the cursor is the last id seen. */
export function auditCursorWhere(cursor: string | null | undefined) {
  if (!cursor) return {};
  return { id: { lt: BigInt(cursor) } };
}

export const AUDIT_CURSOR_PATTERN = /^\d{1,18}$/;
