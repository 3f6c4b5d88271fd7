import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { APPLICATION_DETAIL, toApplicationView, type ApplicationView } from "./application-view";

/** One of the organisation's applications, with its priced lines and history. */
export async function getApplication(
  tenant: TenantAccess,
  applicationId: string,
): Promise<ApplicationView> {
  const row = await tenant.db.allocationRequest.findUnique({
    where: { id: applicationId },
    include: APPLICATION_DETAIL,
  });
  if (!row) throw notFound("Application");
  return toApplicationView(row);
}
