import { z } from "zod";
import { changeMemberRole } from "@tessera/core";
import { membershipRoleInput, rowId } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const updateMemberRoleInput = z.object({
  membershipId: rowId("member"),
  role: membershipRoleInput,
});

export const updateMemberRoleProcedure = tenantProcedure("members.updateRole")
  .input(updateMemberRoleInput)
  .mutation(({ ctx, input }) =>
    changeMemberRole(ctx.tenant, ctx.actor, { membershipId: input.membershipId, role: input.role }),
  );
