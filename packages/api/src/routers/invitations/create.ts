import { z } from "zod";
import { inviteMember } from "@tessera/core";
import { enforceRateLimit } from "../../rate-limit";
import { emailInput, membershipRoleInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const INVITATIONS_PER_HOUR = 20;

export const createInvitationInput = z.object({ email: emailInput, role: membershipRoleInput });

export const createInvitationProcedure = tenantProcedure("members.invite")
  .input(createInvitationInput)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(
      `invitations:${ctx.user.id}:${ctx.tenant.organization.id}`,
      INVITATIONS_PER_HOUR,
      3600,
      "invitations from you for this organisation",
    );
    const { invitation } = await inviteMember(ctx.tenant, ctx.actor, {
      email: input.email,
      role: input.role,
    });
    // The token travels only in the mail, never back to the browser.
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  });
