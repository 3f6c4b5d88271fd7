import { createTRPCRouter } from "../../trpc";
import { listAuditProcedure } from "./list";

export const auditRouter = createTRPCRouter({ list: listAuditProcedure });
