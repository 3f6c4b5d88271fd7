import { z } from "zod";
import { revokeInvitation } from "@tessera/core";
import { rowId } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const revokeInvitationInput = z.object({ invitationId: rowId("invitation") });

export const revokeInvitationProcedure = tenantProcedure("invitations.revoke")
  .input(revokeInvitationInput)
  .mutation(({ ctx, input }) =>
    revokeInvitation(ctx.tenant, ctx.actor, { invitationId: input.invitationId }),
  );
