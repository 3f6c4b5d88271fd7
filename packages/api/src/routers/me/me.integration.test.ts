import { describe, expect, it } from "vitest";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  invitationTokenMailedTo,
} from "../../test-helpers";

describe("me.get", () => {
  it("returns the user, their platform roles and their organisations", async () => {
    const user = await createTestUser({ platformRoles: ["REVIEWER"] });
    const own = await createTestOrganization(user.id, "PENDING");
    const otherOwner = await createTestUser();
    const joined = await createTestOrganization(otherOwner.id, "VERIFIED");
    await createTestMember(joined.id, "MEMBER"); // someone else, must not matter
    await callerFor(otherOwner).invitations.create({
      organizationId: joined.id,
      email: user.email!,
      role: "VIEWER",
    });
    await createTestOrganization(otherOwner.id); // not a member: must not appear

    await callerFor(user).invitations.accept({ token: await invitationTokenMailedTo(user.email!) });

    const me = await callerFor(user).me.get();
    expect(me.user).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      platformRoles: ["REVIEWER"],
    });
    expect(me.memberships.map((m) => [m.organizationId, m.role])).toEqual([
      [own.id, "OWNER"],
      [joined.id, "VIEWER"],
    ]);
    expect(me.memberships[0]!.organization).toMatchObject({
      id: own.id,
      name: own.name,
      slug: own.slug,
      status: "PENDING",
    });
    expect(me.memberships[1]!.organization).toMatchObject({
      id: joined.id,
      kind: joined.kind,
      country: joined.country,
    });
  });

  it("is refused when signed out", async () => {
    expect((await failureOf(callerFor(null).me.get())).code).toBe("UNAUTHORIZED");
  });
});
