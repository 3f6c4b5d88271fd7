import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createTestMember, createTestOrganization, createTestUser } from "@tessera/db/test-helpers";
import { findMembership } from "./find-membership";

describe("findMembership", () => {
  it("returns the membership and its organisation exactly as the ORM's include does", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization(owner.id, "SUSPENDED");
    const { user, membership } = await createTestMember(organization.id, "ADMIN");
    const found = await findMembership(db, { organizationId: organization.id, userId: user.id });
    const viaOrm = await db.membership.findUnique({
      where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
      include: { organization: true },
    });
    expect(found).toEqual(viaOrm);
    expect(found).toMatchObject({
      id: membership.id,
      role: "ADMIN",
      organization: { id: organization.id, status: "SUSPENDED" },
    });
    expect(found!.organization.statusReason).toBe(organization.statusReason);
    expect(found!.organization.createdAt).toEqual(organization.createdAt);
  });

  it("finds nothing for a stranger, another organisation or one that does not exist", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const mine = await createTestOrganization(owner.id);
    const theirs = await createTestOrganization(stranger.id);
    expect(await findMembership(db, { organizationId: mine.id, userId: stranger.id })).toBeNull();
    expect(await findMembership(db, { organizationId: theirs.id, userId: owner.id })).toBeNull();
    expect(
      await findMembership(db, { organizationId: "cnotanorganization", userId: owner.id }),
    ).toBeNull();
  });
});
