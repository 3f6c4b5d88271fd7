import { createTRPCRouter } from "../../../trpc";
import { getOrganizationForReviewProcedure } from "./get";
import { listOrganizationsProcedure } from "./list";
import { rejectOrganizationProcedure } from "./reject";
import { suspendOrganizationProcedure } from "./suspend";
import { verifyOrganizationProcedure } from "./verify";

export const adminOrganizationsRouter = createTRPCRouter({
  list: listOrganizationsProcedure,
  get: getOrganizationForReviewProcedure,
  verify: verifyOrganizationProcedure,
  reject: rejectOrganizationProcedure,
  suspend: suspendOrganizationProcedure,
});
