import { TRPCError } from "@trpc/server";
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { db } from "@tessera/db";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  invitationTokenMailedTo,
  uniqueSuffix,
} from "../../test-helpers";
import { closeRateLimiter } from "../../rate-limit";

afterAll(closeRateLimiter);

async function setup() {
  const owner = await createTestUser();
  const org = await createTestOrganization(owner.id);
  const invitee = await createTestUser();
  return { owner, org, invitee, email: invitee.email! };
}

const tokenMailedTo = invitationTokenMailedTo;

describe("invitations.create", () => {
  it("stores only the token's hash, mails the link and returns no secret", async () => {
    const { owner, org, email } = await setup();
    const before = Date.now();
    const created = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email: email.toUpperCase(),
      role: "MEMBER",
    });
    expect(Object.keys(created).sort()).toEqual(["email", "expiresAt", "id", "role"]);
    expect(created.email).toBe(email);

    const token = await tokenMailedTo(email);
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    const ttl = serverEnv().INVITATION_TTL_HOURS * 3_600_000;
    expect(stored.expiresAt.getTime()).toBeGreaterThanOrEqual(before + ttl);
    expect(stored.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + ttl);

    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toContain(org.name);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "invitation.created" },
    });
    expect(JSON.stringify(event.data)).not.toContain(token);
  });

  it("is refused to a viewer and a member, and nothing is written", async () => {
    const { org, email } = await setup();
    for (const role of ["VIEWER", "MEMBER", "BILLING"] as const) {
      const { user } = await createTestMember(org.id, role);
      const failure = await failureOf(
        callerFor(user).invitations.create({ organizationId: org.id, email, role: "MEMBER" }),
      );
      expect(failure.code).toBe("FORBIDDEN");
    }
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.mailMessage.count({ where: { to: email } })).toBe(0);
  });

  it("lets only an owner invite an owner", async () => {
    const { org, email } = await setup();
    const { user: admin } = await createTestMember(org.id, "ADMIN");
    const failure = await failureOf(
      callerFor(admin).invitations.create({ organizationId: org.id, email, role: "OWNER" }),
    );
    expect(failure.code).toBe("FORBIDDEN");
  });

  it("refuses to invite someone who is already a member", async () => {
    const { owner, org } = await setup();
    const { user } = await createTestMember(org.id, "MEMBER", {
      email: `Mixed.${uniqueSuffix()}@Case.test`,
    });
    const failure = await failureOf(
      callerFor(owner).invitations.create({
        organizationId: org.id,
        email: user.email!,
        role: "ADMIN",
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toMatch(/already a member/);
  });

  it("replaces a pending invitation to the same address: the old link stops working", async () => {
    const { owner, org, invitee, email } = await setup();
    const first = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email,
      role: "VIEWER",
    });
    const oldToken = await tokenMailedTo(email);
    const second = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email,
      role: "ADMIN",
    });
    const newToken = await tokenMailedTo(email);
    expect(newToken).not.toBe(oldToken);

    const list = await callerFor(owner).invitations.list({ organizationId: org.id });
    expect(list.find((i) => i.id === first.id)?.status).toBe("REVOKED");
    expect(list.find((i) => i.id === second.id)?.status).toBe("PENDING");
    expect((await failureOf(callerFor(invitee).invitations.accept({ token: oldToken }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    await callerFor(invitee).invitations.accept({ token: newToken });
    const membership = await db.membership.findFirstOrThrow({
      where: { organizationId: org.id, userId: invitee.id },
    });
    expect(membership.role).toBe("ADMIN");
  });
});

describe("invitations.create under concurrency", () => {
  it("leaves exactly one pending invitation when the same address is invited twice at once", async () => {
    const { owner, org, email } = await setup();
    const caller = callerFor(owner);
    await Promise.all([
      caller.invitations.create({ organizationId: org.id, email, role: "MEMBER" }),
      caller.invitations.create({ organizationId: org.id, email, role: "VIEWER" }),
    ]);
    const list = await caller.invitations.list({ organizationId: org.id });
    expect(list.map((i) => i.status).sort()).toEqual(["PENDING", "REVOKED"]);
  });
});

describe("invitations.list", () => {
  it("shows each invitation's status and who sent it, to managers only", async () => {
    const { owner, org } = await setup();
    const emails = ["pending", "accepted", "revoked", "expired"].map(
      (s) => `${s}-${uniqueSuffix()}@tessera.test`,
    );
    const ids: string[] = [];
    for (const email of emails) {
      ids.push(
        (
          await callerFor(owner).invitations.create({
            organizationId: org.id,
            email,
            role: "MEMBER",
          })
        ).id,
      );
    }
    const acceptor = await createTestUser({ email: emails[1] });
    await callerFor(acceptor).invitations.accept({ token: await tokenMailedTo(emails[1]!) });
    await callerFor(owner).invitations.revoke({ organizationId: org.id, invitationId: ids[2]! });
    await db.invitation.update({
      where: { id: ids[3] },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });

    const list = await callerFor(owner).invitations.list({ organizationId: org.id });
    const statusOf = (id: string) => list.find((i) => i.id === id)?.status;
    expect(ids.map(statusOf)).toEqual(["PENDING", "ACCEPTED", "REVOKED", "EXPIRED"]);
    expect(list[0]).toMatchObject({
      invitedBy: { name: owner.name, email: owner.email },
      role: "MEMBER",
    });
    expect(list.some((i) => "tokenHash" in i)).toBe(false);

    const { user: member } = await createTestMember(org.id, "MEMBER");
    expect(
      (await failureOf(callerFor(member).invitations.list({ organizationId: org.id }))).code,
    ).toBe("FORBIDDEN");
  });
});

describe("invitations.revoke", () => {
  it("withdraws a pending invitation once", async () => {
    const { owner, org, invitee, email } = await setup();
    const { id } = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email,
      role: "MEMBER",
    });
    const token = await tokenMailedTo(email);
    await expect(
      callerFor(owner).invitations.revoke({ organizationId: org.id, invitationId: id }),
    ).resolves.toEqual({ ok: true });
    const again = await failureOf(
      callerFor(owner).invitations.revoke({ organizationId: org.id, invitationId: id }),
    );
    expect(again).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation was already withdrawn.",
    });
    const accept = await failureOf(callerFor(invitee).invitations.accept({ token }));
    expect(accept.code).toBe("PRECONDITION_FAILED");
    expect(accept.message).toMatch(/withdrawn/);
    expect(
      await db.auditEvent.count({
        where: { organizationId: org.id, action: "invitation.revoked" },
      }),
    ).toBe(1);
  });

  it("is refused to a member", async () => {
    const { owner, org, email } = await setup();
    const { id } = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email,
      role: "MEMBER",
    });
    const { user: member } = await createTestMember(org.id, "MEMBER");
    const failure = await failureOf(
      callerFor(member).invitations.revoke({ organizationId: org.id, invitationId: id }),
    );
    expect(failure.code).toBe("FORBIDDEN");
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });
});

describe("invitations.preview", () => {
  it("shows what the link offers", async () => {
    const { owner, org, invitee, email } = await setup();
    await callerFor(owner).invitations.create({ organizationId: org.id, email, role: "BILLING" });
    const preview = await callerFor(invitee).invitations.preview({
      token: await tokenMailedTo(email),
    });
    expect(preview).toMatchObject({
      organization: { id: org.id, name: org.name, kind: org.kind, country: org.country },
      role: "BILLING",
      email,
      invitedBy: { name: owner.name },
      status: "PENDING",
    });
  });

  it("answers NOT_FOUND for an unknown token and UNAUTHORIZED when signed out", async () => {
    const user = await createTestUser();
    const unknown = "A".repeat(43);
    expect((await failureOf(callerFor(user).invitations.preview({ token: unknown }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failureOf(callerFor(null).invitations.preview({ token: unknown }))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("invitations.accept", () => {
  it("makes the invitee a member with the invited role and audits it", async () => {
    const { owner, org, invitee, email } = await setup();
    const { id } = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email,
      role: "MEMBER",
    });
    const result = await callerFor(invitee).invitations.accept({
      token: await tokenMailedTo(email),
    });
    expect(result).toEqual({ organizationId: org.id });
    const membership = await db.membership.findFirstOrThrow({
      where: { organizationId: org.id, userId: invitee.id },
    });
    expect(membership.role).toBe("MEMBER");
    const invitation = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(invitation).toMatchObject({ acceptedById: invitee.id });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "invitation.accepted" },
    });
    expect(event).toMatchObject({ actorId: invitee.id, targetId: id });
    const me = await callerFor(invitee).me.get();
    expect(me.memberships.map((m) => m.organizationId)).toContain(org.id);
  });

  it("matches the signed-in email without regard to case", async () => {
    const { owner, org } = await setup();
    const invitee = await createTestUser({ email: `Camel.Case.${uniqueSuffix()}@Example.TEST` });
    await callerFor(owner).invitations.create({
      organizationId: org.id,
      email: invitee.email!,
      role: "VIEWER",
    });
    await callerFor(invitee).invitations.accept({
      token: await tokenMailedTo(invitee.email!.toLowerCase()),
    });
    expect(
      await db.membership.count({ where: { organizationId: org.id, userId: invitee.id } }),
    ).toBe(1);
  });

  it("works once: a second use is refused", async () => {
    const { owner, org, invitee, email } = await setup();
    await callerFor(owner).invitations.create({ organizationId: org.id, email, role: "MEMBER" });
    const token = await tokenMailedTo(email);
    await callerFor(invitee).invitations.accept({ token });
    const failure = await failureOf(callerFor(invitee).invitations.accept({ token }));
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toMatch(/already been used/);
  });

  it("works once even when accepted twice at the same moment", async () => {
    const { owner, org, invitee, email } = await setup();
    await callerFor(owner).invitations.create({ organizationId: org.id, email, role: "MEMBER" });
    const token = await tokenMailedTo(email);
    const results = await Promise.allSettled([
      callerFor(invitee).invitations.accept({ token }),
      callerFor(invitee).invitations.accept({ token }),
      callerFor(invitee).invitations.accept({ token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "fulfilled") continue;
      const reason: unknown = result.reason;
      expect(reason).toBeInstanceOf(TRPCError);
      expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain((reason as TRPCError).code);
    }
    expect(
      await db.membership.count({ where: { organizationId: org.id, userId: invitee.id } }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { organizationId: org.id, action: "invitation.accepted" },
      }),
    ).toBe(1);
  });

  it("refuses someone signed in with another email", async () => {
    const { owner, org, email } = await setup();
    await callerFor(owner).invitations.create({ organizationId: org.id, email, role: "ADMIN" });
    const stranger = await createTestUser();
    const failure = await failureOf(
      callerFor(stranger).invitations.accept({ token: await tokenMailedTo(email) }),
    );
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toContain(email);
    expect(
      await db.membership.count({ where: { organizationId: org.id, userId: stranger.id } }),
    ).toBe(0);
  });

  it("refuses an expired invitation with the date it expired", async () => {
    const { owner, org, invitee, email } = await setup();
    const { id } = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email,
      role: "MEMBER",
    });
    await db.invitation.update({
      where: { id },
      data: { expiresAt: new Date("2026-01-15T12:00:00Z") },
    });
    const failure = await failureOf(
      callerFor(invitee).invitations.accept({ token: await tokenMailedTo(email) }),
    );
    expect(failure).toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "This invitation expired on 15 January 2026. Ask the organisation to invite you again.",
    });
    expect(
      await db.membership.count({ where: { organizationId: org.id, userId: invitee.id } }),
    ).toBe(0);
  });

  it("refuses someone who already joined, and leaves the invitation usable by nobody else", async () => {
    const { owner, org, invitee, email } = await setup();
    const { id } = await callerFor(owner).invitations.create({
      organizationId: org.id,
      email,
      role: "ADMIN",
    });
    await db.membership.create({
      data: { organizationId: org.id, userId: invitee.id, role: "VIEWER" },
    });
    const failure = await failureOf(
      callerFor(invitee).invitations.accept({ token: await tokenMailedTo(email) }),
    );
    expect(failure.code).toBe("CONFLICT");
    const membership = await db.membership.findFirstOrThrow({
      where: { organizationId: org.id, userId: invitee.id },
    });
    expect(membership.role).toBe("VIEWER");
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
  });

  it("answers NOT_FOUND for a token that does not exist", async () => {
    const user = await createTestUser();
    expect(
      (await failureOf(callerFor(user).invitations.accept({ token: "B".repeat(43) }))).code,
    ).toBe("NOT_FOUND");
  });
});
