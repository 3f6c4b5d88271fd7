import type { EndpointStatus } from "@tessera/db";
import type { Actor } from "../../actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { workloadStatusOfEndpoint } from "../endpoint-rules";

export interface EndpointChange {
  endpoint: { id: string; organizationId: string };
  /** The endpoint's state after the change (written to the endpoint when it differs). */
  status: EndpointStatus;
  reason: string | null;
  /** The timeline's words. */
  message: string;
  /** The outbox event the worker acts on, if the backend must change. */
  outbox?: string;
  audit: { action: string; data: Record<string, unknown> };
}

/**
 * Writes what every endpoint change writes, in the caller's transaction: the endpoint's (and its
 * workload's) status, a timeline entry, the outbox event for the worker tier and the audit event.
 */
export async function recordEndpointChange(
  tx: TenantTransaction,
  actor: Actor,
  change: EndpointChange,
): Promise<void> {
  const { endpoint } = change;
  const workloadStatus = workloadStatusOfEndpoint(change.status);
  const ended = change.status === "DELETED" || change.status === "FAILED";
  await tx.endpoint.update({
    where: { workloadId: endpoint.id },
    data: { status: change.status, statusReason: change.reason },
  });
  await tx.workload.update({
    where: { id: endpoint.id },
    data: {
      status: workloadStatus,
      statusReason: change.reason,
      ...(ended ? { endedAt: new Date() } : {}),
    },
  });
  await tx.workloadEvent.create({
    data: {
      organizationId: endpoint.organizationId,
      workloadId: endpoint.id,
      status: workloadStatus,
      endpointStatus: change.status,
      reason: change.reason,
      message: change.message,
    },
  });
  if (change.outbox) {
    await tx.outboxEvent.create({
      data: { type: change.outbox, aggregateId: endpoint.id, payload: { workloadId: endpoint.id } },
    });
  }
  await recordAuditEvent(tx, actor, {
    action: change.audit.action,
    organizationId: endpoint.organizationId,
    targetType: "Endpoint",
    targetId: endpoint.id,
    data: change.audit.data,
  });
}
