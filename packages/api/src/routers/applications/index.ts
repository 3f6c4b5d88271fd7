import { createTRPCRouter } from "../../trpc";
import { approveApplicationProcedure } from "./admin-approve";
import { getApplicationForAdminProcedure } from "./admin-get";
import { listApplicationsForAdminProcedure } from "./admin-list";
import { rejectApplicationProcedure } from "./admin-reject";
import { requestChangesProcedure } from "./admin-request-changes";
import { startReviewProcedure } from "./admin-start-review";
import { createApplicationProcedure } from "./create";
import { getApplicationProcedure } from "./get";
import { listApplicationsProcedure } from "./list";
import { quoteApplicationProcedure } from "./quote";
import { submitApplicationProcedure } from "./submit";
import { updateApplicationProcedure } from "./update";
import { withdrawApplicationProcedure } from "./withdraw";

export const applicationsRouter = createTRPCRouter({
  list: listApplicationsProcedure,
  get: getApplicationProcedure,
  quote: quoteApplicationProcedure,
  create: createApplicationProcedure,
  update: updateApplicationProcedure,
  submit: submitApplicationProcedure,
  withdraw: withdrawApplicationProcedure,
  admin: createTRPCRouter({
    list: listApplicationsForAdminProcedure,
    get: getApplicationForAdminProcedure,
    startReview: startReviewProcedure,
    approve: approveApplicationProcedure,
    reject: rejectApplicationProcedure,
    requestChanges: requestChangesProcedure,
  }),
});
