import { previewInvitation } from "@tessera/core";
import { authedProcedure } from "../../trpc";
import { invitationTokenInput } from "./token-input";

export const previewInvitationInput = invitationTokenInput;

export const previewInvitationProcedure = authedProcedure
  .input(previewInvitationInput)
  .query(({ ctx, input }) => previewInvitation(ctx.db, input.token));
