import { createTRPCRouter } from "../../../trpc";
import { listAllAuditProcedure } from "./list";
import { verifyAuditProcedure } from "./verify";

export const adminAuditRouter = createTRPCRouter({
  list: listAllAuditProcedure,
  verify: verifyAuditProcedure,
});
