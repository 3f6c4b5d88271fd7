import { describe, expect, it } from "vitest";
import { db, tenantScoped, type MembershipRole, type Organization } from "@tessera/db";
import { createTestMember, createTestOrganization, createTestUser } from "@tessera/db/test-helpers";
import type { Actor } from "../actor";
import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";

const actorFor = (user: { id: string; email: string | null }): Actor => ({
  userId: user.id,
  email: user.email,
  ip: null,
  userAgent: "members-test",
});

/** Tenant access as the tenant procedure built it, with the role it read then. */
const asChecked = (organization: Organization, role: MembershipRole) => ({
  organization,
  role,
  db: tenantScoped(db, organization.id),
});

describe("member changes judge the caller by their role under the organisation lock", () => {
  it("refuses an owner who was demoted after their request was checked", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization(owner.id);
    const second = await createTestMember(organization.id, "OWNER");
    const member = await createTestMember(organization.id, "MEMBER");
    // The request was checked while the second owner was an owner; then they were demoted.
    await db.membership.update({ where: { id: second.membership.id }, data: { role: "MEMBER" } });
    await expect(
      changeMemberRole(asChecked(organization, "OWNER"), actorFor(second.user), {
        membershipId: member.membership.id,
        role: "OWNER",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Your role (member) may not do this." });
    await expect(
      removeMember(asChecked(organization, "OWNER"), actorFor(second.user), {
        membershipId: member.membership.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await db.membership.findUniqueOrThrow({ where: { id: member.membership.id } }),
    ).toMatchObject({ role: "MEMBER" });
  });

  it("answers not found to a caller removed from the organisation meanwhile", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization(owner.id);
    const admin = await createTestMember(organization.id, "ADMIN");
    const member = await createTestMember(organization.id, "MEMBER");
    await db.membership.delete({ where: { id: admin.membership.id } });
    await expect(
      removeMember(asChecked(organization, "ADMIN"), actorFor(admin.user), {
        membershipId: member.membership.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.membership.count({ where: { id: member.membership.id } })).toBe(1);
  });
});
