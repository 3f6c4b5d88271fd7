/**
 * Fixtures for integration tests. Every helper makes rows with a random suffix, so tests never
 * share rows and can run in parallel against one database. Tests only: never import from app code.
 */
import { randomBytes } from "node:crypto";
import { db } from "./client";
import type {
  Membership,
  MembershipRole,
  Organization,
  OrganizationKind,
  PlatformRole,
  User,
  VerificationStatus,
} from "./index";

export function uniqueSuffix(): string {
  return randomBytes(6).toString("hex");
}

export interface TestUserOptions {
  name?: string;
  email?: string;
  platformRoles?: PlatformRole[];
}

export async function createTestUser(options: TestUserOptions = {}): Promise<User> {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      name: options.name ?? `Test User ${suffix}`,
      email: options.email ?? `user-${suffix}@tessera.test`,
      platformRoles: options.platformRoles ?? [],
    },
  });
}

export interface TestOrganizationOptions {
  name?: string;
  kind?: OrganizationKind;
  country?: string;
  registryId?: string;
}

/** An organisation with `ownerId` as its owner, written directly (no audit event). */
export async function createTestOrganization(
  ownerId: string,
  status: VerificationStatus = "VERIFIED",
  options: TestOrganizationOptions = {},
): Promise<Organization> {
  const suffix = uniqueSuffix();
  return db.organization.create({
    data: {
      name: options.name ?? `Test Organisation ${suffix}`,
      slug: `test-org-${suffix}`,
      kind: options.kind ?? "ACADEMIC",
      country: options.country ?? "DE",
      registryId: options.registryId ?? `TEST-${suffix.toUpperCase()}`,
      contactName: "Test Contact",
      contactEmail: `contact-${suffix}@tessera.test`,
      status,
      statusReason:
        status === "REJECTED" || status === "SUSPENDED" ? "Set up by a test fixture." : null,
      createdById: ownerId,
      memberships: { create: { userId: ownerId, role: "OWNER" } },
    },
  });
}

export async function addTestMember(
  organizationId: string,
  userId: string,
  role: MembershipRole,
): Promise<Membership> {
  return db.membership.create({ data: { organizationId, userId, role } });
}

/** A user who is a member of `organizationId` with `role`. */
export async function createTestMember(
  organizationId: string,
  role: MembershipRole,
  options: TestUserOptions = {},
) {
  const user = await createTestUser(options);
  const membership = await addTestMember(organizationId, user.id, role);
  return { user, membership };
}

/** A database session, for tests that go through the HTTP edge with a session cookie. */
export async function createTestSession(userId: string): Promise<string> {
  const sessionToken = `test-session-${uniqueSuffix()}${uniqueSuffix()}`;
  await db.session.create({
    data: { sessionToken, userId, expires: new Date(Date.now() + 3_600_000) },
  });
  return sessionToken;
}
