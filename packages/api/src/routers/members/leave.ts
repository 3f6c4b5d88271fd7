import { leaveOrganization } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

// Every member may leave, so this needs only the right to see the organisation.
export const leaveOrganizationProcedure = tenantProcedure("organization.read").mutation(({ ctx }) =>
  leaveOrganization(ctx.tenant, ctx.actor),
);
