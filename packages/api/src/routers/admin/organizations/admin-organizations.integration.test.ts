import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  uniqueSuffix,
} from "../../../test-helpers";

const REASON = "The registry number does not match the company register.";

async function setup(status: "PENDING" | "VERIFIED" | "REJECTED" | "SUSPENDED" = "PENDING") {
  const owner = await createTestUser();
  const org = await createTestOrganization(owner.id, status, {
    name: `Review Target ${uniqueSuffix()}`,
  });
  const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
  return { owner, org, admin, caller: callerFor(admin) };
}

describe("admin.organizations.list", () => {
  it("finds organisations by status and text, with member count and creator", async () => {
    const { owner, org, caller } = await setup("PENDING");
    await createTestMember(org.id, "MEMBER");
    const page = await caller.admin.organizations.list({
      status: "PENDING",
      q: org.name.slice(-12),
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: org.id,
      memberCount: 2,
      createdBy: { name: owner.name, email: owner.email },
    });
    expect(
      (await caller.admin.organizations.list({ status: "VERIFIED", q: org.name })).items,
    ).toEqual([]);
  });

  it("pages without repeating an organisation", async () => {
    const owner = await createTestUser();
    const marker = `Paging ${uniqueSuffix()}`;
    for (let i = 0; i < 3; i += 1)
      await createTestOrganization(owner.id, "PENDING", { name: `${marker} ${i}` });
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const first = await callerFor(operator).admin.organizations.list({ q: marker, limit: 2 });
    const second = await callerFor(operator).admin.organizations.list({
      q: marker,
      limit: 2,
      cursor: first.nextCursor,
    });
    const ids = [...first.items, ...second.items].map((o) => o.id);
    expect(new Set(ids).size).toBe(3);
    expect(second.nextCursor).toBeNull();
  });

  it("is refused to someone without a platform role", async () => {
    const { owner } = await setup();
    expect((await failureOf(callerFor(owner).admin.organizations.list({}))).code).toBe("FORBIDDEN");
  });
});

describe("admin.organizations.get", () => {
  it("shows the organisation with its creator and members", async () => {
    const { owner, org, caller } = await setup();
    const seen = await caller.admin.organizations.get({ organizationId: org.id });
    expect(seen).toMatchObject({
      id: org.id,
      createdBy: { name: owner.name, email: owner.email },
      members: [{ role: "OWNER", user: { name: owner.name, email: owner.email } }],
    });
  });

  it("points out organisations of the same country with the same registry number or name", async () => {
    const { owner, caller } = await setup();
    const suffix = uniqueSuffix();
    const registryId = `HRB ${suffix}`.toUpperCase();
    // Rows as they could be stored before invisible characters were removed on entry.
    const original = await createTestOrganization(owner.id, "VERIFIED", {
      name: `Vela Vision ${suffix}`,
      registryId,
    });
    const copy = await createTestOrganization(owner.id, "PENDING", {
      name: `Vela\u200B Vision ${suffix}`,
      registryId: `${registryId}\u200B`,
    });
    const sameName = await createTestOrganization(owner.id, "PENDING", {
      name: `vela vision ${suffix}`,
    });
    await createTestOrganization(owner.id, "VERIFIED", {
      name: `Vela Vision ${suffix}`,
      registryId,
      country: "FR",
    });
    const seen = await caller.admin.organizations.get({ organizationId: copy.id });
    expect(seen.lookalikes).toEqual([
      expect.objectContaining({ id: original.id, sameRegistryId: true, sameName: true }),
      expect.objectContaining({ id: sameName.id, sameRegistryId: false, sameName: true }),
    ]);
    const unrelated = await setup();
    expect(
      (await caller.admin.organizations.get({ organizationId: unrelated.org.id })).lookalikes,
    ).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown organisation", async () => {
    const { caller } = await setup();
    expect((await failureOf(caller.admin.organizations.get({ organizationId: "nope" }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("admin.organizations.verify", () => {
  it("asks the worker tier to provision the tenant on every active Slurm cluster", async () => {
    const slurm = await db.cluster.create({
      data: {
        code: `slurm-${uniqueSuffix()}`,
        name: "Provisioning test cluster",
        kind: "SLURM",
        region: "test",
        jurisdiction: "DE",
        endpoint: "http://127.0.0.1:1",
      },
    });
    const { org, caller } = await setup("PENDING");
    await caller.admin.organizations.verify({ organizationId: org.id });
    const events = await db.outboxEvent.findMany({
      where: { type: "tenant.provision", aggregateId: org.id },
    });
    expect(events.map((e) => e.payload)).toContainEqual({
      organizationId: org.id,
      clusterId: slurm.id,
    });
    // Rejecting writes none.
    const other = await setup("PENDING");
    await other.caller.admin.organizations.reject({ organizationId: other.org.id, reason: REASON });
    expect(await db.outboxEvent.count({ where: { aggregateId: other.org.id } })).toBe(0);
    await db.cluster.update({ where: { id: slurm.id }, data: { active: false } });
  });

  it("verifies a pending organisation, records who and when, audits and tells the contact", async () => {
    const { org, admin, caller, owner } = await setup("PENDING");
    const verified = await caller.admin.organizations.verify({ organizationId: org.id });
    expect(verified).toMatchObject({
      status: "VERIFIED",
      reviewedById: admin.id,
      statusReason: null,
    });
    expect(verified.reviewedAt).toBeInstanceOf(Date);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "organization.verified" },
    });
    expect(event).toMatchObject({ actorId: admin.id });
    expect(event.data).toMatchObject({ from: "PENDING", to: "VERIFIED" });
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: org.contactEmail } });
    expect(mail.subject).toContain("verified");
    const me = await callerFor(owner).me.get();
    expect(me.memberships.find((m) => m.organizationId === org.id)?.organization.status).toBe(
      "VERIFIED",
    );
  });

  it("refuses to verify an organisation that is already verified or rejected", async () => {
    for (const status of ["VERIFIED", "REJECTED"] as const) {
      const { org, caller } = await setup(status);
      const failure = await failureOf(
        caller.admin.organizations.verify({ organizationId: org.id }),
      );
      expect(failure.code).toBe("PRECONDITION_FAILED");
      expect(await db.auditEvent.count({ where: { organizationId: org.id } })).toBe(0);
    }
  });

  it("reinstates a suspended organisation", async () => {
    const { org, caller } = await setup("SUSPENDED");
    expect((await caller.admin.organizations.verify({ organizationId: org.id })).status).toBe(
      "VERIFIED",
    );
  });

  it("is refused to an operator and to a plain user", async () => {
    const { org, owner } = await setup();
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    expect(
      (await failureOf(callerFor(operator).admin.organizations.verify({ organizationId: org.id })))
        .code,
    ).toBe("FORBIDDEN");
    expect(
      (await failureOf(callerFor(owner).admin.organizations.verify({ organizationId: org.id })))
        .code,
    ).toBe("FORBIDDEN");
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe(
      "PENDING",
    );
  });

  it("does not let an administrator review an organisation they belong to", async () => {
    const { org, admin, caller } = await setup();
    await db.membership.create({
      data: { organizationId: org.id, userId: admin.id, role: "MEMBER" },
    });
    const failure = await failureOf(caller.admin.organizations.verify({ organizationId: org.id }));
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toMatch(/another administrator/);
  });
});

describe("admin.organizations.reject", () => {
  it("rejects with a reason the members then see", async () => {
    const { org, owner, caller } = await setup("PENDING");
    const rejected = await caller.admin.organizations.reject({
      organizationId: org.id,
      reason: REASON,
    });
    expect(rejected).toMatchObject({ status: "REJECTED", statusReason: REASON });
    const seen = await callerFor(owner).organizations.get({ organizationId: org.id });
    expect(seen).toMatchObject({ status: "REJECTED", statusReason: REASON });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "organization.rejected" },
    });
    expect(event.data).toMatchObject({ reason: REASON });
  });

  it("needs a reason of at least 10 characters", async () => {
    const { org, caller } = await setup("PENDING");
    const failure = await failureOf(
      caller.admin.organizations.reject({ organizationId: org.id, reason: "   no   " }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.message).toBe("Reason must be at least 10 characters; you gave 2.");
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe(
      "PENDING",
    );
  });

  it("refuses to reject a verified organisation (suspend it instead)", async () => {
    const { org, caller } = await setup("VERIFIED");
    const failure = await failureOf(
      caller.admin.organizations.reject({ organizationId: org.id, reason: REASON }),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toMatch(/only an organisation that is pending review/);
  });

  it("lets a rejected organisation resubmit by editing, and then be verified", async () => {
    const { org, owner, caller } = await setup("PENDING");
    await caller.admin.organizations.reject({ organizationId: org.id, reason: REASON });
    await callerFor(owner).organizations.update({
      organizationId: org.id,
      registryId: `FIXED-${uniqueSuffix()}`,
    });
    expect((await caller.admin.organizations.verify({ organizationId: org.id })).status).toBe(
      "VERIFIED",
    );
  });
});

describe("admin.organizations.suspend", () => {
  it("suspends a verified organisation with a reason", async () => {
    const { org, caller } = await setup("VERIFIED");
    const suspended = await caller.admin.organizations.suspend({
      organizationId: org.id,
      reason: "Unpaid invoices for three months.",
    });
    expect(suspended).toMatchObject({
      status: "SUSPENDED",
      statusReason: "Unpaid invoices for three months.",
    });
  });

  it("refuses to suspend a pending organisation", async () => {
    const { org, caller } = await setup("PENDING");
    const failure = await failureOf(
      caller.admin.organizations.suspend({ organizationId: org.id, reason: REASON }),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
  });
});
