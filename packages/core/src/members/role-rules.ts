import type { MembershipRole } from "@tessera/db";

/**
 * Who may hand out or take away which role, beyond the permission table: only an owner may make
 * someone an owner, or change or remove an existing owner. Returns the refusal message, or null.
 */
export function roleChangeRefusal(
  actorRole: MembershipRole,
  targetRole: MembershipRole | null,
  newRole: MembershipRole | null,
): string | null {
  if (actorRole === "OWNER") return null;
  if (newRole === "OWNER") return "Only an owner can make someone an owner.";
  if (targetRole === "OWNER") return "Only an owner can change or remove another owner.";
  return null;
}

export const LAST_OWNER_MESSAGE =
  "An organisation needs at least one owner. Make another member an owner first.";

/** Whether taking `role` away from one member leaves the organisation without an owner. */
export function removesLastOwner(role: MembershipRole, ownerCount: number): boolean {
  return role === "OWNER" && ownerCount <= 1;
}
