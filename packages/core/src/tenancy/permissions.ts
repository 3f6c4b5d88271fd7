import type { MembershipRole, PlatformRole } from "@tessera/db";

const EVERY_ROLE = ["OWNER", "ADMIN", "MEMBER", "BILLING", "VIEWER"] as const;
const MANAGERS = ["OWNER", "ADMIN"] as const;

/**
 * What each organisation role may do. The API's tenant procedures name one of these actions;
 * nothing else decides tenant permissions.
 */
export const ORGANIZATION_PERMISSIONS = {
  "organization.read": EVERY_ROLE,
  "organization.update": MANAGERS,
  "members.read": EVERY_ROLE,
  "members.invite": MANAGERS,
  "members.updateRole": MANAGERS,
  "members.remove": MANAGERS,
  "invitations.read": MANAGERS,
  "invitations.revoke": MANAGERS,
  "projects.read": EVERY_ROLE,
  "projects.create": ["OWNER", "ADMIN", "MEMBER"],
  "projects.update": ["OWNER", "ADMIN", "MEMBER"],
  "audit.read": MANAGERS,
  "programmes.read": EVERY_ROLE,
  "applications.read": EVERY_ROLE,
  // Drafting, submitting and withdrawing applications: those who may start projects.
  "applications.write": ["OWNER", "ADMIN", "MEMBER"],
  "allocations.read": EVERY_ROLE,
  "workloads.read": EVERY_ROLE,
  // Launching and cancelling compute draws on the organisation's quota: those who may start projects.
  "workloads.write": ["OWNER", "ADMIN", "MEMBER"],
  "endpoints.read": EVERY_ROLE,
  // Deploying and scaling endpoints draws on the organisation's quota, as launching jobs does.
  "endpoints.write": ["OWNER", "ADMIN", "MEMBER"],
  // Gateway keys carry no secret once listed: everyone may see which exist and what they may do.
  "apiKeys.read": EVERY_ROLE,
  // Creating a key spends what the project may spend, as deploying does; one's own keys can be
  // rotated, revoked and edited.
  "apiKeys.write": ["OWNER", "ADMIN", "MEMBER"],
  // Rotating, revoking and editing anyone's key in the organisation.
  "apiKeys.manageAll": MANAGERS,
  // Invoices, charges and usage: money the organisation owes, for those who manage or pay it.
  "billing.read": ["OWNER", "ADMIN", "BILLING"],
  // The monthly budget: set by those who are told when it is reached (owners, billing members).
  "billing.manage": ["OWNER", "BILLING"],
} as const satisfies Record<string, readonly MembershipRole[]>;

export type OrganizationAction = keyof typeof ORGANIZATION_PERMISSIONS;

export function roleMay(role: MembershipRole, action: OrganizationAction): boolean {
  return (ORGANIZATION_PERMISSIONS[action] as readonly MembershipRole[]).includes(role);
}

/** What a member whose role does not allow an action is told. */
export function roleRefusal(role: MembershipRole): string {
  return `Your role (${role.toLowerCase()}) may not do this.`;
}

/** What each platform role may do, checked the same way for the admin side. */
export const PLATFORM_PERMISSIONS = {
  "organizations.review": ["PLATFORM_ADMIN"],
  "organizations.readAll": ["PLATFORM_ADMIN", "OPERATOR"],
  "audit.readAll": ["PLATFORM_ADMIN"],
  "users.readAll": ["PLATFORM_ADMIN"],
  "catalogue.read": ["OPERATOR", "PLATFORM_ADMIN", "PROGRAM_ADMIN"],
  "catalogue.manage": ["OPERATOR"],
  "programmes.manage": ["PROGRAM_ADMIN"],
  "applications.manage": ["PROGRAM_ADMIN"],
  "reviews.perform": ["REVIEWER"],
  "operations.read": ["OPERATOR", "PLATFORM_ADMIN"],
  "operations.manage": ["OPERATOR"],
  // Sharing an endpoint serves it to every organisation holding tokens of its model's tier.
  "endpoints.share": ["OPERATOR", "PLATFORM_ADMIN"],
  // The de minimis ledger: read by those who approve awards and oversee the platform; an
  // organisation's state-aid facts (acting economically, its group) are set by platform admins.
  "stateAid.read": ["PROGRAM_ADMIN", "PLATFORM_ADMIN"],
  "stateAid.manage": ["PLATFORM_ADMIN"],
} as const satisfies Record<string, readonly PlatformRole[]>;

export type PlatformAction = keyof typeof PLATFORM_PERMISSIONS;

export function platformRolesMay(roles: readonly PlatformRole[], action: PlatformAction): boolean {
  const allowed = PLATFORM_PERMISSIONS[action] as readonly PlatformRole[];
  return roles.some((role) => allowed.includes(role));
}
