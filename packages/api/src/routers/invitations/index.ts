import { createTRPCRouter } from "../../trpc";
import { acceptInvitationProcedure } from "./accept";
import { createInvitationProcedure } from "./create";
import { listInvitationsProcedure } from "./list";
import { previewInvitationProcedure } from "./preview";
import { revokeInvitationProcedure } from "./revoke";

export const invitationsRouter = createTRPCRouter({
  list: listInvitationsProcedure,
  create: createInvitationProcedure,
  revoke: revokeInvitationProcedure,
  preview: previewInvitationProcedure,
  accept: acceptInvitationProcedure,
});
