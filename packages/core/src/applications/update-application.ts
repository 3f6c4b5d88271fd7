import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { preconditionFailed } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { describeApplicationStatus, isEditable } from "./application-state";
import type { ApplicationView } from "./application-view";
import { getApplication } from "./get-application";
import { lockApplication } from "./lock-application";
import { prepareApplication, type ApplicationDraftInput } from "./prepare-application";

export type UpdateApplicationInput = Partial<Omit<ApplicationDraftInput, "programmeId">> & {
  applicationId: string;
};

/**
 * Edits a draft, or an application sent back for changes. The programme stays (start a new
 * application for another one); the call may change to another call of the same programme.
 * Lines, when given, replace the requested lines and take today's list prices.
 */
export async function updateApplication(
  tenant: TenantAccess,
  actor: Actor,
  input: UpdateApplicationInput,
  now: Date = new Date(),
): Promise<ApplicationView> {
  await tenant.db.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId, tenant.organization.id);
    if (!isEditable(locked.status)) {
      throw preconditionFailed(
        `This application is ${describeApplicationStatus(locked.status)}; it can be edited only as a draft or when changes are requested.`,
      );
    }
    const current = await tx.allocationRequest.findUniqueOrThrow({
      where: { id: locked.id },
      include: { lines: true },
    });
    const merged: ApplicationDraftInput = {
      projectId: input.projectId ?? current.projectId,
      programmeId: current.programmeId,
      callId: input.callId ?? current.callId,
      title: input.title ?? current.title,
      abstract: input.abstract ?? current.abstract,
      justification: input.justification ?? current.justification,
      dataClassification: input.dataClassification ?? current.dataClassification,
      periodStart: input.periodStart ?? current.periodStart,
      periodEnd: input.periodEnd ?? current.periodEnd,
      lines:
        input.lines ??
        current.lines.map(({ resourceClassId, unitHours }) => ({ resourceClassId, unitHours })),
      otherDeMinimisAid: input.otherDeMinimisAid,
    };
    const prepared = await prepareApplication(tx, merged, now);
    await tx.allocationRequest.update({
      where: { id: locked.id },
      data: {
        projectId: prepared.project.id,
        callId: prepared.call.id,
        title: merged.title.trim(),
        abstract: merged.abstract.trim(),
        justification: merged.justification.trim(),
        dataClassification: merged.dataClassification,
        updatedAt: now,
        periodStart: merged.periodStart,
        periodEnd: merged.periodEnd,
        lines: { deleteMany: {}, create: prepared.lines },
        ...(prepared.declaredAid
          ? { declaredAid: { deleteMany: {}, create: prepared.declaredAid } }
          : {}),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "application.updated",
      organizationId: tenant.organization.id,
      targetType: "AllocationRequest",
      targetId: locked.id,
      data: {
        fields: Object.keys(input).filter(
          (key) => key !== "applicationId" && key !== "organizationId",
        ),
      },
    });
  }, TX_OPTIONS);
  return getApplication(tenant, input.applicationId);
}
