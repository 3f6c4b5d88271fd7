import type { AuditEvent } from "@tessera/db";
import { auditTargetKey, type AuditTarget } from "./describe-audit-targets";

/** An audit event as the API shows it; the bigint id travels as a string. */
export interface AuditEventView {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  /**
   * The organisation the event concerns: its own, or for an event recorded platform-wide about
   * something of one organisation (a reviewer's score of its application), that organisation.
   */
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
  const target = event.targetId
    ? (targets.get(auditTargetKey(event.targetType, event.targetId)) ?? null)
    : null;
  const organizationId = event.organizationId ?? target?.organizationId ?? null;
  return {
    id: event.id.toString(),
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    organizationId,
    organizationName: organizationId ? (organizationNames.get(organizationId) ?? null) : null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    target,
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
