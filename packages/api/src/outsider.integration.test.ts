/**
 * A member of another organisation calls every tenant procedure against a victim organisation's
 * real rows and must get NOT_FOUND — the answer for rows that do not exist — while the victim's
 * data stays exactly as it was. The procedure list comes from the router itself: a new tenant
 * procedure without a case here fails the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Invitation, type Membership, type Organization, type Project } from "@tessera/db";
import { closeRateLimiter } from "./rate-limit";
import { appRouter } from "./root";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  uniqueSuffix,
  type TestPrincipal,
} from "./test-helpers";

afterAll(closeRateLimiter);

interface Victim {
  org: Organization;
  member: Membership;
  invitation: Invitation;
  project: Project;
}

interface Attacker {
  user: TestPrincipal;
  /** The attacker's own organisation, where they are an owner. */
  org: Organization;
}

type Case = (victim: Victim, attacker: Attacker) => Record<string, unknown>[];

/**
 * How to aim each tenant procedure at the victim. Where a procedure takes a row id, a second input
 * names the attacker's own organisation (where they hold every permission) with the victim's row:
 * the tenant-scoped client must still not find it.
 */
const CASES: Record<string, Case> = {
  "organizations.get": (v) => [{ organizationId: v.org.id }],
  "organizations.update": (v) => [
    { organizationId: v.org.id, name: "Taken over", registryId: "STOLEN-1" },
  ],
  "members.list": (v) => [{ organizationId: v.org.id }],
  "members.updateRole": (v, a) => [
    { organizationId: v.org.id, membershipId: v.member.id, role: "OWNER" },
    { organizationId: a.org.id, membershipId: v.member.id, role: "OWNER" },
  ],
  "members.remove": (v, a) => [
    { organizationId: v.org.id, membershipId: v.member.id },
    { organizationId: a.org.id, membershipId: v.member.id },
  ],
  "members.leave": (v) => [{ organizationId: v.org.id }],
  "invitations.list": (v) => [{ organizationId: v.org.id }],
  "invitations.create": (v) => [
    { organizationId: v.org.id, email: `intruder-${uniqueSuffix()}@tessera.test`, role: "OWNER" },
  ],
  "invitations.revoke": (v, a) => [
    { organizationId: v.org.id, invitationId: v.invitation.id },
    { organizationId: a.org.id, invitationId: v.invitation.id },
  ],
  "projects.list": (v) => [{ organizationId: v.org.id }],
  "projects.create": (v) => [
    { organizationId: v.org.id, name: "Planted project", classification: "PUBLIC" },
  ],
  "audit.list": (v) => [{ organizationId: v.org.id }],
};

function tenantProcedurePaths(): string[] {
  return Object.entries(appRouter._def.procedures)
    .filter(
      ([, procedure]) =>
        (procedure as unknown as { _def: { meta?: { scope?: string } } })._def.meta?.scope ===
        "tenant",
    )
    .map(([path]) => path);
}

/** Calls a procedure by its dotted path on a caller acting as `user`. */
function call(user: TestPrincipal, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(user);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** Everything of the victim's that an outsider's call could change. */
async function snapshot(organizationId: string) {
  const [org, memberships, invitations, projects, auditEvents, mail] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.project.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { organizationId } }),
    db.mailMessage.count({ where: { to: { startsWith: "intruder-" } } }),
  ]);
  return JSON.stringify({ org, memberships, invitations, projects, auditEvents, mail });
}

describe("outsiders", () => {
  let victim: Victim;
  let attacker: Attacker;

  beforeAll(async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "VERIFIED");
    const { membership: member } = await createTestMember(org.id, "MEMBER");
    const ownerCaller = callerFor(owner);
    const invited = await ownerCaller.invitations.create({
      organizationId: org.id,
      email: `victim-invitee-${uniqueSuffix()}@tessera.test`,
      role: "ADMIN",
    });
    const project = await ownerCaller.projects.create({
      organizationId: org.id,
      name: "Victim project",
      classification: "RESTRICTED",
    });
    victim = {
      org,
      member,
      invitation: await db.invitation.findUniqueOrThrow({ where: { id: invited.id } }),
      project,
    };

    const user = await createTestUser();
    attacker = { user, org: await createTestOrganization(user.id, "VERIFIED") };
  });

  it("have a case for every tenant procedure, and no case for anything else", () => {
    const paths = tenantProcedurePaths();
    expect(paths.length).toBeGreaterThan(0);
    const missing = paths.filter((path) => !(path in CASES));
    expect(missing, "add an outsider case for each of these tenant procedures").toEqual([]);
    const stale = Object.keys(CASES).filter((path) => !paths.includes(path));
    expect(stale, "these cases name procedures that are not tenant procedures").toEqual([]);
  });

  for (const path of tenantProcedurePaths()) {
    it(`get NOT_FOUND from ${path} and change nothing`, async () => {
      const make = CASES[path];
      expect(make, `no outsider case for ${path}`).toBeDefined();
      for (const input of make!(victim, attacker)) {
        const before = await snapshot(victim.org.id);
        const failure = await failureOf(call(attacker.user, path, input));
        expect(failure.code, `${path} with ${JSON.stringify(input)}`).toBe("NOT_FOUND");
        // The same words as for a row that does not exist: nothing tells the stranger it is there.
        expect(failure.message).toMatch(/^(Organisation|Member|Invitation|Project) not found\.$/);
        expect(await snapshot(victim.org.id)).toBe(before);
      }
    });
  }

  it("get the same answer for a real organisation as for one that does not exist", async () => {
    const real = await failureOf(
      callerFor(attacker.user).organizations.get({ organizationId: victim.org.id }),
    );
    const invented = await failureOf(
      callerFor(attacker.user).organizations.get({ organizationId: `nope${uniqueSuffix()}` }),
    );
    expect(real).toEqual(invented);
  });
});
