export type InvitationStatus = "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";

/** Pure: an invitation's status is derived from its timestamps, never stored twice. */
export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.revokedAt) return "REVOKED";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "PENDING";
}

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Why an invitation can no longer be accepted, in words for the person holding the link. */
export function unusableInvitationMessage(
  status: Exclude<InvitationStatus, "PENDING">,
  expiresAt: Date,
): string {
  switch (status) {
    case "ACCEPTED":
      return "This invitation has already been used. Each invitation link works once.";
    case "REVOKED":
      return "This invitation was withdrawn by the organisation. Ask them to invite you again.";
    case "EXPIRED":
      return `This invitation expired on ${LONG_DATE.format(expiresAt)}. Ask the organisation to invite you again.`;
  }
}
