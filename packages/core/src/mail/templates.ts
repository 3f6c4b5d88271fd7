import type { MembershipRole } from "@tessera/db";
import type { OutgoingMail } from "./send-mail";

const ROLE_NAMES: Record<MembershipRole, string> = {
  OWNER: "an owner",
  ADMIN: "an administrator",
  MEMBER: "a member",
  BILLING: "a billing contact",
  VIEWER: "a viewer",
};

function longDate(date: Date): string {
  return (
    date.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) +
    " UTC"
  );
}

export function invitationMail(input: {
  to: string;
  organizationName: string;
  inviterName: string;
  role: MembershipRole;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `You are invited to join ${input.organizationName} on Tessera`,
    text: [
      `${input.inviterName} has invited you to join ${input.organizationName} on Tessera as ${ROLE_NAMES[input.role]}.`,
      "",
      `Accept the invitation: ${input.link}`,
      "",
      `The link works once and expires on ${longDate(input.expiresAt)}.`,
      "If you did not expect this invitation, you can ignore this message.",
    ].join("\n"),
  };
}

export function verificationDecisionMail(input: {
  to: string;
  organizationName: string;
  decision: "verified" | "rejected" | "suspended";
  reason?: string | null;
  link: string;
}): OutgoingMail {
  const headline = {
    verified: `${input.organizationName} has been verified on Tessera. You can now apply for compute.`,
    rejected: `${input.organizationName} could not be verified on Tessera.`,
    suspended: `${input.organizationName} has been suspended on Tessera.`,
  }[input.decision];
  const next = {
    verified: "",
    rejected: "You can correct your organisation's details and submit them again.",
    suspended: "Contact the platform team if you believe this is a mistake.",
  }[input.decision];
  return {
    to: input.to,
    subject: `Your organisation ${input.organizationName} was ${input.decision}`,
    text: [
      headline,
      input.reason ? `\nReason: ${input.reason}` : "",
      next ? `\n${next}` : "",
      `\n${input.link}`,
    ]
      .join("")
      .trim(),
  };
}
