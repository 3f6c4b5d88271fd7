import type { AllocationRequestStatus, AuditEvent, Prisma } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent, type AuditWriter } from "../audit/record-audit-event";

export interface ApplicationChangeWriter extends AuditWriter {
  allocationRequestEvent: {
    create(args: { data: Prisma.AllocationRequestEventUncheckedCreateInput }): PromiseLike<unknown>;
  };
}

/**
 * Writes an application's history entry and the matching audit event. Call it last in the
 * transaction: the audit append takes the platform-wide chain lock, held until commit.
 */
export async function recordApplicationChange(
  tx: ApplicationChangeWriter,
  actor: Actor,
  change: {
    application: { id: string; organizationId: string };
    action: string;
    from: AllocationRequestStatus | null;
    to: AllocationRequestStatus;
    note?: string | null;
    data?: Record<string, unknown>;
    /** When it happened; now by default (see AuditInput.occurredAt). */
    at?: Date;
  },
): Promise<AuditEvent> {
  await tx.allocationRequestEvent.create({
    data: {
      requestId: change.application.id,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: actor.userId,
      note: change.note ?? null,
      ...(change.at ? { createdAt: change.at } : {}),
    },
  });
  return recordAuditEvent(tx, actor, {
    action: change.action,
    organizationId: change.application.organizationId,
    targetType: "AllocationRequest",
    targetId: change.application.id,
    data: {
      from: change.from,
      to: change.to,
      ...(change.note ? { note: change.note } : {}),
      ...change.data,
    },
    ...(change.at ? { occurredAt: change.at } : {}),
  });
}
