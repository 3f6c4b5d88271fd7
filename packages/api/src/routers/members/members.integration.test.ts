import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
} from "../../test-helpers";

async function organisationWithTeam() {
  const owner = await createTestUser();
  const org = await createTestOrganization(owner.id);
  const ownerMembership = await db.membership.findFirstOrThrow({
    where: { organizationId: org.id, userId: owner.id },
  });
  const admin = await createTestMember(org.id, "ADMIN");
  const member = await createTestMember(org.id, "MEMBER");
  const viewer = await createTestMember(org.id, "VIEWER");
  return { owner, ownerMembership, org, admin, member, viewer };
}

const ownersOf = (organizationId: string) =>
  db.membership.count({ where: { organizationId, role: "OWNER" } });

describe("members.list", () => {
  it("lists every member with their role, for any member", async () => {
    const { org, owner, viewer, admin, member } = await organisationWithTeam();
    const members = await callerFor(viewer.user).members.list({ organizationId: org.id });
    expect(members.map((m) => [m.user.id, m.role])).toEqual([
      [owner.id, "OWNER"],
      [admin.user.id, "ADMIN"],
      [member.user.id, "MEMBER"],
      [viewer.user.id, "VIEWER"],
    ]);
    expect(members[0]).toMatchObject({ user: { email: owner.email, name: owner.name } });
  });
});

describe("members.updateRole", () => {
  it("changes a role and audits the change", async () => {
    const { org, admin, member } = await organisationWithTeam();
    const updated = await callerFor(admin.user).members.updateRole({
      organizationId: org.id,
      membershipId: member.membership.id,
      role: "VIEWER",
    });
    expect(updated.role).toBe("VIEWER");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "membership.role_changed" },
    });
    expect(event).toMatchObject({ actorId: admin.user.id, targetId: member.membership.id });
    expect(event.data).toMatchObject({ from: "MEMBER", to: "VIEWER", userId: member.user.id });
  });

  it("refuses to demote the last owner", async () => {
    const { org, owner, ownerMembership } = await organisationWithTeam();
    const failure = await failureOf(
      callerFor(owner).members.updateRole({
        organizationId: org.id,
        membershipId: ownerMembership.id,
        role: "ADMIN",
      }),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toMatch(/at least one owner/);
    expect(await ownersOf(org.id)).toBe(1);
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const { org, owner, ownerMembership } = await organisationWithTeam();
    const second = await createTestMember(org.id, "OWNER");
    const results = await Promise.allSettled([
      callerFor(owner).members.updateRole({
        organizationId: org.id,
        membershipId: second.membership.id,
        role: "MEMBER",
      }),
      callerFor(second.user).members.updateRole({
        organizationId: org.id,
        membershipId: ownerMembership.id,
        role: "MEMBER",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // Whoever comes second is a member by then, whether that shows before or under the lock.
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "FORBIDDEN", message: "Your role (member) may not do this." },
    });
    expect(await ownersOf(org.id)).toBe(1);
  });

  it("lets only an owner create or demote owners", async () => {
    const { org, admin, member, ownerMembership } = await organisationWithTeam();
    const promote = await failureOf(
      callerFor(admin.user).members.updateRole({
        organizationId: org.id,
        membershipId: member.membership.id,
        role: "OWNER",
      }),
    );
    expect(promote).toMatchObject({
      code: "FORBIDDEN",
      message: "Only an owner can make someone an owner.",
    });
    const demote = await failureOf(
      callerFor(admin.user).members.updateRole({
        organizationId: org.id,
        membershipId: ownerMembership.id,
        role: "VIEWER",
      }),
    );
    expect(demote.code).toBe("FORBIDDEN");
    expect(await ownersOf(org.id)).toBe(1);
  });

  it("is refused to a member and says NOT_FOUND for a membership of another organisation", async () => {
    const { org, member, viewer } = await organisationWithTeam();
    expect(
      (
        await failureOf(
          callerFor(member.user).members.updateRole({
            organizationId: org.id,
            membershipId: viewer.membership.id,
            role: "ADMIN",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const other = await organisationWithTeam();
    expect(
      (
        await failureOf(
          callerFor(other.owner).members.updateRole({
            organizationId: other.org.id,
            membershipId: viewer.membership.id,
            role: "ADMIN",
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: viewer.membership.id } })).role,
    ).toBe("VIEWER");
  });
});

describe("members.remove", () => {
  it("removes a member, who then loses access", async () => {
    const { org, admin, member } = await organisationWithTeam();
    await expect(
      callerFor(admin.user).members.remove({
        organizationId: org.id,
        membershipId: member.membership.id,
      }),
    ).resolves.toEqual({ ok: true });
    expect(await db.membership.findUnique({ where: { id: member.membership.id } })).toBeNull();
    expect(
      (await failureOf(callerFor(member.user).organizations.get({ organizationId: org.id }))).code,
    ).toBe("NOT_FOUND");
    expect(
      await db.auditEvent.count({
        where: { organizationId: org.id, action: "membership.removed" },
      }),
    ).toBe(1);
  });

  it("refuses to remove the last owner", async () => {
    const { org, owner, ownerMembership } = await organisationWithTeam();
    const failure = await failureOf(
      callerFor(owner).members.remove({ organizationId: org.id, membershipId: ownerMembership.id }),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(await ownersOf(org.id)).toBe(1);
  });

  it("keeps one owner when two owners remove each other at the same moment", async () => {
    const { org, owner, ownerMembership } = await organisationWithTeam();
    const second = await createTestMember(org.id, "OWNER");
    const results = await Promise.allSettled([
      callerFor(owner).members.remove({
        organizationId: org.id,
        membershipId: second.membership.id,
      }),
      callerFor(second.user).members.remove({
        organizationId: org.id,
        membershipId: ownerMembership.id,
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await ownersOf(org.id)).toBe(1);
  });

  it("is refused to a viewer and to an admin removing an owner", async () => {
    const { org, viewer, member, admin, ownerMembership } = await organisationWithTeam();
    expect(
      (
        await failureOf(
          callerFor(viewer.user).members.remove({
            organizationId: org.id,
            membershipId: member.membership.id,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await failureOf(
          callerFor(admin.user).members.remove({
            organizationId: org.id,
            membershipId: ownerMembership.id,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(4);
  });
});

describe("members.leave", () => {
  it("lets a member leave and audits it", async () => {
    const { org, viewer } = await organisationWithTeam();
    await expect(callerFor(viewer.user).members.leave({ organizationId: org.id })).resolves.toEqual(
      { ok: true },
    );
    expect(await db.membership.findUnique({ where: { id: viewer.membership.id } })).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "membership.left" },
    });
    expect(event.actorId).toBe(viewer.user.id);
  });

  it("does not let the last owner leave, but lets an owner leave when another remains", async () => {
    const { org, owner } = await organisationWithTeam();
    const failure = await failureOf(callerFor(owner).members.leave({ organizationId: org.id }));
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toMatch(/last owner/);
    const second = await createTestMember(org.id, "OWNER");
    await callerFor(second.user).members.leave({ organizationId: org.id });
    expect(await ownersOf(org.id)).toBe(1);
  });

  it("keeps one owner when both owners leave at the same moment", async () => {
    const { org, owner } = await organisationWithTeam();
    const second = await createTestMember(org.id, "OWNER");
    const results = await Promise.allSettled([
      callerFor(owner).members.leave({ organizationId: org.id }),
      callerFor(second.user).members.leave({ organizationId: org.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await ownersOf(org.id)).toBe(1);
  });
});
