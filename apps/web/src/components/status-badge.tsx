import { Badge, type Tone } from "@tessera/ui";
import type { VerificationStatus } from "@tessera/db";
import { t } from "@/i18n";

/**
 * The one badge vocabulary for statuses: each status has a tone (colour and mark) and a word.
 * Pages never pick colours for statuses themselves.
 */
const VERIFICATION_TONE: Record<VerificationStatus, Tone> = {
  PENDING: "warning",
  VERIFIED: "success",
  REJECTED: "danger",
  SUSPENDED: "danger",
};

export type InvitationStatus = "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";

const INVITATION_TONE: Record<InvitationStatus, Tone> = {
  PENDING: "info",
  ACCEPTED: "success",
  REVOKED: "neutral",
  EXPIRED: "warning",
};

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  return <Badge tone={VERIFICATION_TONE[status]}>{t.status.verification[status]}</Badge>;
}

export function InvitationBadge({ status }: { status: InvitationStatus }) {
  return <Badge tone={INVITATION_TONE[status]}>{t.status.invitation[status]}</Badge>;
}

export function verificationTone(status: VerificationStatus): Tone {
  return VERIFICATION_TONE[status];
}
