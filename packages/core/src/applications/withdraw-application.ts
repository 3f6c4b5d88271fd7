import type { Actor } from "../actor";
import { preconditionFailed } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { transitionApplication } from "./application-state";
import type { ApplicationView } from "./application-view";
import { getApplication } from "./get-application";
import { lockApplication } from "./lock-application";
import { recordApplicationChange } from "./record-application-change";

/** The applicant withdraws an application that is still open. It cannot be reopened. */
export async function withdrawApplication(
  tenant: TenantAccess,
  actor: Actor,
  input: { applicationId: string; reason?: string | null },
): Promise<ApplicationView> {
  await tenant.db.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId, tenant.organization.id);
    const transition = transitionApplication(locked.status, "withdraw");
    if (!transition.ok) throw preconditionFailed(transition.message);
    await tx.allocationRequest.update({
      where: { id: locked.id },
      data: { status: transition.to },
    });
    await recordApplicationChange(tx, actor, {
      application: locked,
      action: "application.withdrawn",
      from: locked.status,
      to: transition.to,
      note: input.reason?.trim() || null,
    });
  }, TX_OPTIONS);
  return getApplication(tenant, input.applicationId);
}
