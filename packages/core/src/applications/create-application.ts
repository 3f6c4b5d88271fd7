import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { refuseIneligibleOrganization } from "../programmes/organization-eligibility";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import type { ApplicationView } from "./application-view";
import { getApplication } from "./get-application";
import { prepareApplication, type ApplicationDraftInput } from "./prepare-application";

/**
 * Drafts an application for one of the organisation's projects, to a programme it may apply to.
 * Nothing is sent until submitted.
 */
export async function createApplication(
  tenant: TenantAccess,
  actor: Actor,
  input: ApplicationDraftInput,
  now: Date = new Date(),
): Promise<ApplicationView> {
  const createdById = actor.userId;
  if (!createdById) throw new AppError("UNAUTHENTICATED", "Sign in to apply.");
  const id = await tenant.db.$transaction(async (tx) => {
    const { lines, programme, call, project, declaredAid } = await prepareApplication(
      tx,
      input,
      now,
    );
    await refuseIneligibleOrganization(tx, tenant.organization.id, programme);
    const created = await tx.allocationRequest.create({
      data: {
        organizationId: tenant.organization.id,
        projectId: project.id,
        programmeId: programme.id,
        callId: call.id,
        title: input.title.trim(),
        abstract: input.abstract.trim(),
        justification: input.justification.trim(),
        dataClassification: input.dataClassification,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        createdById,
        lines: { create: lines },
        declaredAid: { create: declaredAid ?? [] },
        createdAt: now,
        updatedAt: now,
        events: {
          create: { fromStatus: null, toStatus: "DRAFT", actorId: createdById, createdAt: now },
        },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "application.created",
      organizationId: tenant.organization.id,
      targetType: "AllocationRequest",
      targetId: created.id,
      data: {
        programmeId: programme.id,
        callId: call.id,
        projectId: project.id,
        lines: lines.length,
        otherDeMinimisAid: declaredAid?.length ?? 0,
      },
      occurredAt: now,
    });
    return created.id;
  }, TX_OPTIONS);
  return getApplication(tenant, id);
}
