import { createTRPCRouter } from "../../trpc";
import { leaveOrganizationProcedure } from "./leave";
import { listMembersProcedure } from "./list";
import { removeMemberProcedure } from "./remove";
import { updateMemberRoleProcedure } from "./update-role";

export const membersRouter = createTRPCRouter({
  list: listMembersProcedure,
  updateRole: updateMemberRoleProcedure,
  remove: removeMemberProcedure,
  leave: leaveOrganizationProcedure,
});
