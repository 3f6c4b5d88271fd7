import { createTRPCRouter } from "../../trpc";
import { adminAuditRouter } from "./audit";
import { adminOrganizationsRouter } from "./organizations";

export const adminRouter = createTRPCRouter({
  organizations: adminOrganizationsRouter,
  audit: adminAuditRouter,
});
