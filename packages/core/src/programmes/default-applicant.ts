import type { MembershipRole, VerificationStatus } from "@tessera/db";
import { roleMay } from "../tenancy/permissions";

export interface ApplicantMembership {
  role: MembershipRole;
  organization: { id: string; status: VerificationStatus };
}

/**
 * Pure: which of a person's organisations the programmes page shows eligibility for when they
 * have not chosen one: the first that is verified and in which they may apply, else the first
 * verified one, else the first. An organisation still waiting for verification is eligible for
 * nothing, so it is shown only when there is no other.
 */
export function defaultApplicant<M extends ApplicantMembership>(
  memberships: readonly M[],
): M | null {
  const verified = memberships.filter((m) => m.organization.status === "VERIFIED");
  return (
    verified.find((m) => roleMay(m.role, "applications.write")) ??
    verified[0] ??
    memberships[0] ??
    null
  );
}
