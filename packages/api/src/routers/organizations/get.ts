import { getOrganization } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

export const getOrganizationProcedure = tenantProcedure("organization.read").query(({ ctx }) =>
  getOrganization(ctx.tenant),
);
