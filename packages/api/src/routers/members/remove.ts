import { z } from "zod";
import { removeMember } from "@tessera/core";
import { rowId } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const removeMemberInput = z.object({ membershipId: rowId("member") });

export const removeMemberProcedure = tenantProcedure("members.remove")
  .input(removeMemberInput)
  .mutation(({ ctx, input }) =>
    removeMember(ctx.tenant, ctx.actor, { membershipId: input.membershipId }),
  );
