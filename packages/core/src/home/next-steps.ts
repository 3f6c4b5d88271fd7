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
  | "CREATE_API_KEY"
  | "FIX_SHARED_ENDPOINT"
  | "INVITE";

export interface NextStepFacts {
  status: VerificationStatus;
  role: MembershipRole;
  memberCount: number;
  projectCount: number;
  openApplications: number;
  jobs: { running: number; pending: number };
  /** An active allocation has compute (not tokens) left on some line. */
  quotaLeft: boolean;
  /** An active allocation has tokens of a shared model tier left. */
  tokensLeft: boolean;
  /** API keys that still work (neither revoked nor expired). */
  apiKeys: number;
  /**
   * The organisation's inference endpoints that exist on the backend (or are on their way), and
   * how many of those it shares with every organisation holding tokens (the platform's own
   * shared endpoints) are failing: degraded (fewer replicas ready than wanted) or failed.
   */
  endpoints: { live: number; sharedFailing: number };
}

/**
 * Pure: the next steps, most important first. An unverified organisation can only wait or fix
 * its details; a verified one needs a project, then compute (apply), then work on it (submit a
 * job, unless something already runs: its jobs or its endpoints, such as the shared model
 * endpoints the platform's own organisation serves — that one is told first when a shared
 * endpoint is failing, as every token holder's calls then suffer), a key to call the shared models with
 * when it holds their tokens, and colleagues (invite) when the member is alone.
 */
export function nextStepsFor(facts: NextStepFacts): NextStep[] {
  if (facts.status === "PENDING") return ["AWAIT_VERIFICATION"];
  if (facts.status === "REJECTED")
    return roleMay(facts.role, "organization.update") ? ["FIX_DETAILS"] : [];
  if (facts.status === "SUSPENDED") return ["SUSPENDED"];
  const steps: NextStep[] = [];
  if (facts.endpoints.sharedFailing > 0 && roleMay(facts.role, "endpoints.write"))
    steps.push("FIX_SHARED_ENDPOINT");
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
    facts.endpoints.live === 0 &&
    roleMay(facts.role, "workloads.write")
  ) {
    steps.push("SUBMIT_JOB");
  }
  if (facts.tokensLeft && facts.apiKeys === 0 && roleMay(facts.role, "apiKeys.write"))
    steps.push("CREATE_API_KEY");
  if (facts.memberCount === 1 && roleMay(facts.role, "members.invite")) steps.push("INVITE");
  return steps;
}
