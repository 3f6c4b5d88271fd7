import type { Actor } from "../actor";
import { AppError, preconditionFailed } from "../errors";
import { callState } from "../programmes/call-state";
import { refuseIneligibleOrganization } from "../programmes/organization-eligibility";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { transitionApplication } from "./application-state";
import type { ApplicationView } from "./application-view";
import { getApplication } from "./get-application";
import { lockApplication } from "./lock-application";
import { checkPeriod, longDate, priceRequestedLines } from "./prepare-application";
import { recordApplicationChange } from "./record-application-change";

/**
 * Submits a draft, or resubmits an application after changes were requested. A first submission
 * needs the call to be open; a resubmission answers a request that came from the review, so it is
 * accepted after the call has closed. Either way the organisation must be eligible (verified, of
 * an eligible kind and country, under its cap) and the requested classes still offered; the lines
 * take today's list prices.
 */
export async function submitApplication(
  tenant: TenantAccess,
  actor: Actor,
  input: { applicationId: string },
  now: Date = new Date(),
): Promise<ApplicationView> {
  if (!actor.userId) throw new AppError("UNAUTHENTICATED", "Sign in to submit.");
  const submitterId = actor.userId;
  await tenant.db.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId, tenant.organization.id);
    const transition = transitionApplication(locked.status, "submit");
    if (!transition.ok) throw preconditionFailed(transition.message);
    const application = await tx.allocationRequest.findUniqueOrThrow({
      where: { id: locked.id },
      include: { lines: true, call: true, programme: true },
    });
    const { call, programme } = application;
    const resubmission = locked.status === "CHANGES_REQUESTED";
    if (!resubmission) {
      const state = callState(call, now);
      if (state === "UPCOMING") {
        throw preconditionFailed(
          `The call "${call.name}" opens on ${longDate(call.opensAt)}; submit then.`,
        );
      }
      if (state === "CLOSED") {
        throw preconditionFailed(`The call "${call.name}" closed on ${longDate(call.closesAt)}.`);
      }
    }
    await refuseIneligibleOrganization(tx, tenant.organization.id, programme);
    checkPeriod(application.periodStart, application.periodEnd, now);
    const priced = await priceRequestedLines(
      tx,
      application.lines.map(({ resourceClassId, unitHours }) => ({ resourceClassId, unitHours })),
      programme.currency,
    );
    for (const line of priced) {
      await tx.allocationRequestLine.updateMany({
        where: { requestId: locked.id, resourceClassId: line.resourceClassId },
        data: { listPriceMinorPerHour: line.listPriceMinorPerHour },
      });
    }
    await tx.allocationRequest.update({
      where: { id: locked.id },
      data: {
        status: transition.to,
        submittedAt: locked.submittedAt ?? now,
        submittedById: submitterId,
        updatedAt: now,
      },
    });
    await recordApplicationChange(tx, actor, {
      application: locked,
      action: "application.submitted",
      from: locked.status,
      to: transition.to,
      data: { resubmission },
      at: now,
    });
  }, TX_OPTIONS);
  return getApplication(tenant, input.applicationId);
}
