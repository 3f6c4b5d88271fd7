import { acceptInvitation } from "@tessera/core";
import { authedProcedure } from "../../trpc";
import { invitationTokenInput } from "./token-input";

export const acceptInvitationInput = invitationTokenInput;

export const acceptInvitationProcedure = authedProcedure
  .input(acceptInvitationInput)
  .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.actor, input.token));
