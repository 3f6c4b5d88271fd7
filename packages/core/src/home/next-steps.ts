import type { MembershipRole, VerificationStatus } from "@tessera/db";
import { roleMay } from "../tenancy/permissions";

/** What a member can usefully do next in an organisation; the page words and links each kind. */
export type NextStep =
  | "AWAIT_VERIFICATION"
  | "FIX_DETAILS"
  | "SUSPENDED"
  | "CREATE_PROJECT"
  | "APPLY"
  | "SUBMIT_JOB"
  | "INVITE";

export interface NextStepFacts {
  status: VerificationStatus;
  role: MembershipRole;
  memberCount: number;
  projectCount: number;
  openApplications: number;
  jobs: { running: number; pending: number };
  /** An active allocation has quota left on some line. */
  quotaLeft: boolean;
}

/**
 * Pure: the next steps, most important first. An unverified organisation can only wait or fix
 * its details; a verified one needs a project, then compute (apply), then work (submit), and
 * colleagues (invite) when the member is alone.
 */
export function nextStepsFor(facts: NextStepFacts): NextStep[] {
  if (facts.status === "PENDING") return ["AWAIT_VERIFICATION"];
  if (facts.status === "REJECTED")
    return roleMay(facts.role, "organization.update") ? ["FIX_DETAILS"] : [];
  if (facts.status === "SUSPENDED") return ["SUSPENDED"];
  const steps: NextStep[] = [];
  if (facts.projectCount === 0 && roleMay(facts.role, "projects.create"))
    steps.push("CREATE_PROJECT");
  if (
    !facts.quotaLeft &&
    facts.openApplications === 0 &&
    roleMay(facts.role, "applications.write")
  ) {
    steps.push("APPLY");
  }
  if (
    facts.quotaLeft &&
    facts.projectCount > 0 &&
    facts.jobs.running + facts.jobs.pending === 0 &&
    roleMay(facts.role, "workloads.write")
  ) {
    steps.push("SUBMIT_JOB");
  }
  if (facts.memberCount === 1 && roleMay(facts.role, "members.invite")) steps.push("INVITE");
  return steps;
}
