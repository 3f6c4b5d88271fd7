import type { Database } from "@tessera/db";
import { notFound } from "../errors";
import { invitationStatus } from "./invitation-status";
import { hashInvitationToken } from "./token";

/**
 * What an invitation link offers, for the page where the invitee decides. The token is the
 * capability: whoever holds the link may see whom it invites to what.
 */
export async function previewInvitation(database: Database, token: string) {
  const invitation = await database.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: {
      organization: { select: { id: true, name: true, kind: true, country: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) throw notFound("Invitation");
  return {
    organization: invitation.organization,
    role: invitation.role,
    email: invitation.email,
    invitedBy: { name: invitation.invitedBy.name },
    expiresAt: invitation.expiresAt,
    status: invitationStatus(invitation),
  };
}
