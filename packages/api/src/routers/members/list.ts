import { listMembers } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

export const listMembersProcedure = tenantProcedure("members.read").query(({ ctx }) =>
  listMembers(ctx.tenant),
);
