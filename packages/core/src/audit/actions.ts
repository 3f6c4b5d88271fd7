/** Every audit action Tessera records; dotted, past tense. Filters in the UI offer this list. */
export const AUDIT_ACTIONS = [
  "organization.created",
  "organization.updated",
  "organization.verified",
  "organization.rejected",
  "organization.suspended",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "membership.role_changed",
  "membership.removed",
  "membership.left",
  "project.created",
  "session.signed_in",
  "session.signed_out",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
