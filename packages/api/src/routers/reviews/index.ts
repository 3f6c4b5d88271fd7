import { createTRPCRouter } from "../../trpc";
import { assignReviewerProcedure } from "./admin-assign";
import { listReviewersProcedure } from "./admin-reviewers";
import { unassignReviewerProcedure } from "./admin-unassign";
import { declareConflictProcedure } from "./declare-conflict";
import { getMyReviewProcedure } from "./get";
import { listMyReviewsProcedure } from "./list";
import { scoreApplicationProcedure } from "./score";

export const reviewsRouter = createTRPCRouter({
  list: listMyReviewsProcedure,
  get: getMyReviewProcedure,
  declareConflict: declareConflictProcedure,
  score: scoreApplicationProcedure,
  admin: createTRPCRouter({
    reviewers: listReviewersProcedure,
    assign: assignReviewerProcedure,
    unassign: unassignReviewerProcedure,
  }),
});
