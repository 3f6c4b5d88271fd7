import { listInvitations } from "@tessera/core";
import { tenantProcedure } from "../../trpc";

export const listInvitationsProcedure = tenantProcedure("invitations.read").query(({ ctx }) =>
  listInvitations(ctx.tenant),
);
