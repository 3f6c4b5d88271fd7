import type { MembershipRole, VerificationStatus } from "@tessera/db";
import type { ProgrammeNav } from "@/components/programmes/nav-items";
import type { WorkloadNav } from "@/components/workloads/nav-items";

/** What the navigation may show, decided on the server from the permission tables. */
export interface NavOrganisation {
  id: string;
  name: string;
  status: VerificationStatus;
  role: MembershipRole;
  canReadAudit: boolean;
  canReadBilling: boolean;
  canManage: boolean;
}

export interface NavData {
  organisations: NavOrganisation[];
  /** Any platform role (reviewer, programme administrator, operator, platform administrator). */
  hasPlatformRole: boolean;
  canReviewOrganisations: boolean;
  canReadAllAudit: boolean;
  /** The de minimis ledger (programme and platform administrators). */
  canReadStateAid: boolean;
  showOutbox: boolean;
  /** Programmes, applications, reviews, catalogue and notifications by role. */
  programmes: ProgrammeNav;
  /** Jobs, job templates and operations by role. */
  workloads: WorkloadNav;
}

export interface ShellUser {
  name: string;
  email: string;
  platformRoles: string[];
}

/** The organisation a path is about, if any (`/orgs/<id>/…`). */
export function organisationIdFromPath(pathname: string): string | null {
  const match = /^\/orgs\/([^/]+)/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
