import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  uniqueSuffix,
} from "../../test-helpers";

function details(suffix = uniqueSuffix()) {
  return {
    name: `Fjord Vision Lab ${suffix}`,
    kind: "STARTUP" as const,
    country: "no",
    registryId: ` reg  ${suffix} `,
    website: "https://fjord.example",
    contactName: "Ingrid Berg",
    contactEmail: `Ingrid.${suffix}@Fjord.Example`,
  };
}

describe("organizations.create", () => {
  it("registers a pending organisation with the caller as owner, normalised, and audits it", async () => {
    const user = await createTestUser();
    const input = details();
    const created = await callerFor(user).organizations.create(input);

    expect(created).toMatchObject({
      status: "PENDING",
      country: "NO",
      registryId: input.registryId.trim().replace(/\s+/g, " ").toUpperCase(),
      contactEmail: input.contactEmail.toLowerCase(),
      createdById: user.id,
    });
    expect(created.slug).toMatch(/^fjord-vision-lab-/);
    const membership = await db.membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: created.id, userId: user.id } },
    });
    expect(membership.role).toBe("OWNER");
    const events = await db.auditEvent.findMany({ where: { organizationId: created.id } });
    expect(events.map((e) => e.action)).toEqual(["organization.created"]);
    expect(events[0]).toMatchObject({
      actorId: user.id,
      ip: "203.0.113.7",
      userAgent: "tessera-integration-test",
    });
  });

  it("refuses a registry number already registered in the same country, whatever its spelling", async () => {
    const first = await createTestUser();
    const second = await createTestUser();
    const input = details();
    await callerFor(first).organizations.create(input);
    const failure = await failureOf(
      callerFor(second).organizations.create({
        ...details(),
        registryId: input.registryId.toLowerCase(),
        country: "NO",
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toContain("is already registered on Tessera");
    expect(await db.organization.count({ where: { createdById: second.id } })).toBe(0);
  });

  it("refuses a registry number that differs only by invisible characters or full-width forms", async () => {
    const first = await createTestUser();
    const second = await createTestUser();
    const input = details();
    const created = await callerFor(first).organizations.create({
      ...input,
      name: `\u200B${input.name}\u00AD`,
    });
    expect(created.name).toBe(input.name);
    for (const registryId of [
      `${input.registryId}\u200B`,
      `\uFEFF${input.registryId.replace(" ", " \u200D")}`,
      `\u202E${input.registryId.toUpperCase().replace("REG", "ＲＥＧ")}`,
    ]) {
      const failure = await failureOf(
        callerFor(second).organizations.create({ ...details(), registryId, country: "NO" }),
      );
      expect(failure.code, JSON.stringify(registryId)).toBe("CONFLICT");
    }
    expect(await db.organization.count({ where: { createdById: second.id } })).toBe(0);
  });

  it("refuses a registry number with a zero-width space with the same message as a plain duplicate", async () => {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const input = details();
    await callerFor(first).organizations.create(input);
    const plain = await failureOf(
      callerFor(second).organizations.create({ ...details(), registryId: input.registryId }),
    );
    const hidden = await failureOf(
      callerFor(second).organizations.create({
        ...details(),
        registryId: input.registryId.replace(/(\S)(\S)/, "$1\u200B$2"),
      }),
    );
    expect(plain.code).toBe("CONFLICT");
    expect(plain.message).toContain("is already registered on Tessera");
    expect(hidden).toEqual(plain);
    expect(await db.organization.count({ where: { createdById: second.id } })).toBe(0);
  });

  it("refuses a name already registered in the country, whatever invisible characters or spacing it hides", async () => {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const input = details();
    await callerFor(first).organizations.create(input);
    const plain = await failureOf(
      callerFor(second).organizations.create({ ...details(), name: input.name }),
    );
    expect(plain).toEqual({
      code: "CONFLICT",
      message:
        `An organisation named ${input.name} in Norway is already registered on Tessera. ` +
        "If it is yours, ask one of its owners to invite you; if it is another organisation, " +
        "add what tells the two apart to the name, for example the city.",
    });
    for (const name of [
      input.name.replace("Vision", "Vi\u200Bsion"),
      `\uFEFF${input.name.replace(/ /g, "  ")}\u200D`,
      input.name.replace("Lab", "La\u00ADb").replace(" ", "\u00A0"),
      input.name.normalize("NFD"),
    ]) {
      const failure = await failureOf(
        callerFor(second).organizations.create({ ...details(), name }),
      );
      expect(failure, JSON.stringify(name)).toEqual(plain);
    }
    const lower = await failureOf(
      callerFor(second).organizations.create({ ...details(), name: input.name.toLowerCase() }),
    );
    expect(lower.code).toBe("CONFLICT");
    expect(await db.organization.count({ where: { createdById: second.id } })).toBe(0);
    // Another country's register is another matter.
    const abroad = await callerFor(second).organizations.create({
      ...details(),
      name: input.name,
      country: "SE",
    });
    expect(abroad.name).toBe(input.name);
  });

  it("refuses a name, contact or registry number made only of invisible characters", async () => {
    const user = await createTestUser();
    for (const field of ["name", "registryId", "contactName"] as const) {
      const failure = await failureOf(
        callerFor(user).organizations.create({ ...details(), [field]: "\u200B\u200B\u200B\u200B" }),
      );
      expect(failure.code, field).toBe("BAD_REQUEST");
      expect(failure.message, field).toMatch(/invisible characters alone do not count/);
    }
    expect(await db.organization.count({ where: { createdById: user.id } })).toBe(0);
  });

  it("lets only one of two simultaneous registrations of one registry number through", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const input = details();
    const results = await Promise.allSettled([
      callerFor(a).organizations.create(input),
      callerFor(b).organizations.create({
        ...details(),
        registryId: input.registryId,
        country: input.country,
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && (rejected.reason as { code?: string }).code).toBe(
      "CONFLICT",
    );
  });

  it("allows the same registry number in another country", async () => {
    const user = await createTestUser();
    const input = details();
    await callerFor(user).organizations.create(input);
    const other = await callerFor(user).organizations.create({
      ...details(),
      registryId: input.registryId,
      country: "SE",
    });
    expect(other.country).toBe("SE");
  });

  it("gives two organisations with the same name (in two countries) different slugs", async () => {
    const user = await createTestUser();
    const name = `Same Name ${uniqueSuffix()}`;
    const a = await callerFor(user).organizations.create({ ...details(), name });
    const b = await callerFor(user).organizations.create({ ...details(), name, country: "DK" });
    expect(a.slug).not.toBe(b.slug);
  });

  it("refuses a country that is not an ISO code and anyone not signed in", async () => {
    const user = await createTestUser();
    expect(
      (await failureOf(callerFor(user).organizations.create({ ...details(), country: "XX" }))).code,
    ).toBe("BAD_REQUEST");
    expect((await failureOf(callerFor(null).organizations.create(details()))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("organizations.get", () => {
  it("shows the organisation with the caller's role and the member count", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "PENDING");
    const { user: viewer } = await createTestMember(org.id, "VIEWER");
    const seen = await callerFor(viewer).organizations.get({ organizationId: org.id });
    expect(seen).toMatchObject({
      id: org.id,
      name: org.name,
      role: "VIEWER",
      memberCount: 2,
      status: "PENDING",
    });
  });
});

describe("organizations.update", () => {
  it("lets an admin edit details and records what changed", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "PENDING");
    const { user: admin } = await createTestMember(org.id, "ADMIN");
    const updated = await callerFor(admin).organizations.update({
      organizationId: org.id,
      name: "Renamed Lab",
      website: "",
    });
    expect(updated).toMatchObject({ name: "Renamed Lab", website: null, status: "PENDING" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "organization.updated" },
    });
    expect(event.data).toMatchObject({
      changes: { name: { from: org.name, to: "Renamed Lab" } },
      resubmitted: false,
    });
  });

  it("resubmits a rejected organisation for review when it is edited", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "REJECTED");
    const updated = await callerFor(owner).organizations.update({
      organizationId: org.id,
      registryId: `NEW-${uniqueSuffix()}`,
    });
    expect(updated.status).toBe("PENDING");
    expect(updated.statusReason).toBeNull();
  });

  it("fixes the registry number once verified", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "VERIFIED");
    const failure = await failureOf(
      callerFor(owner).organizations.update({
        organizationId: org.id,
        registryId: `NEW-${uniqueSuffix()}`,
      }),
    );
    expect(failure).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).registryId).toBe(
      org.registryId,
    );
  });

  it("refuses a registry number another organisation holds", async () => {
    const owner = await createTestUser();
    const taken = await createTestOrganization(owner.id, "PENDING", { country: "FR" });
    const org = await createTestOrganization(owner.id, "PENDING", { country: "FR" });
    const failure = await failureOf(
      callerFor(owner).organizations.update({
        organizationId: org.id,
        registryId: taken.registryId,
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("refuses a new name another organisation of the country holds, even with a zero-width space", async () => {
    const owner = await createTestUser();
    const taken = await createTestOrganization(owner.id, "PENDING", { country: "FR" });
    const org = await createTestOrganization(owner.id, "PENDING", { country: "FR" });
    const failure = await failureOf(
      callerFor(owner).organizations.update({
        organizationId: org.id,
        name: taken.name.replace(/(\S)(\S)/, "$1\u200B$2"),
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toContain(`An organisation named ${taken.name} in France`);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(
      org.name,
    );
    expect(await db.auditEvent.count({ where: { organizationId: org.id } })).toBe(0);
    // Keeping its own name (in another case) is no conflict.
    const renamed = await callerFor(owner).organizations.update({
      organizationId: org.id,
      name: org.name.toUpperCase(),
    });
    expect(renamed.name).toBe(org.name.toUpperCase());
  });

  it("is refused to a member", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id);
    const { user: member } = await createTestMember(org.id, "MEMBER");
    const failure = await failureOf(
      callerFor(member).organizations.update({ organizationId: org.id, name: "Hijacked" }),
    );
    expect(failure.code).toBe("FORBIDDEN");
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(
      org.name,
    );
  });
});
