import { describe, expect, it } from "vitest";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  httpErrorOf,
} from "../../test-helpers";
import {
  createReviewer,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  submittedApplication,
} from "../programmes/fixtures";

async function organisationWithHistory() {
  const owner = await createTestUser();
  const org = await createTestOrganization(owner.id);
  const caller = callerFor(owner);
  for (const name of ["Alpha", "Beta", "Gamma"]) {
    await caller.projects.create({ organizationId: org.id, name, classification: "INTERNAL" });
  }
  await caller.organizations.update({ organizationId: org.id, contactName: "New Contact" });
  return { owner, org };
}

describe("audit.list", () => {
  it("shows the organisation's own events, newest first, with filters and pages", async () => {
    const { owner, org } = await organisationWithHistory();
    await organisationWithHistory(); // another organisation's events must not appear
    const caller = callerFor(owner);
    const all = await caller.audit.list({ organizationId: org.id });
    expect(all.items.map((e) => e.action)).toEqual([
      "organization.updated",
      "project.created",
      "project.created",
      "project.created",
    ]);
    expect(
      all.items.every((e) => e.organizationId === org.id && e.organizationName === org.name),
    ).toBe(true);
    expect(all.items[0]).toMatchObject({
      actorId: owner.id,
      actorEmail: owner.email,
      ip: "203.0.113.7",
    });
    expect(typeof all.items[0]!.id).toBe("string");

    const projects = await caller.audit.list({
      organizationId: org.id,
      action: "project.created",
      limit: 2,
    });
    expect(projects.items).toHaveLength(2);
    const rest = await caller.audit.list({
      organizationId: org.id,
      action: "project.created",
      cursor: projects.nextCursor,
    });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(BigInt(rest.items[0]!.id)).toBeLessThan(BigInt(projects.items[1]!.id));
  });

  it("is refused to members, billing contacts and viewers", async () => {
    const { org } = await organisationWithHistory();
    for (const role of ["MEMBER", "BILLING", "VIEWER"] as const) {
      const { user } = await createTestMember(org.id, role);
      expect((await failureOf(callerFor(user).audit.list({ organizationId: org.id }))).code).toBe(
        "FORBIDDEN",
      );
    }
  });
});

describe("admin.audit.list", () => {
  it("filters the platform-wide trail by organisation, actor, action and period", async () => {
    const { owner, org } = await organisationWithHistory();
    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const caller = callerFor(admin);

    const byOrg = await caller.admin.audit.list({ organizationId: org.id });
    expect(byOrg.items).toHaveLength(4);
    expect(byOrg.items[0]).toMatchObject({ organizationName: org.name });

    const byActor = await caller.admin.audit.list({
      actorEmail: owner.email!.toUpperCase(),
      action: "organization.updated",
    });
    expect(byActor.items.map((e) => e.organizationId)).toEqual([org.id]);

    const future = await caller.admin.audit.list({
      organizationId: org.id,
      from: new Date(Date.now() + 86_400_000),
    });
    expect(future.items).toEqual([]);
    const past = await caller.admin.audit.list({
      organizationId: org.id,
      to: new Date("2001-01-01"),
    });
    expect(past.items).toEqual([]);
    const reversed = await failureOf(
      caller.admin.audit.list({ from: new Date("2026-02-01"), to: new Date("2026-01-01") }),
    );
    expect(reversed.code).toBe("BAD_REQUEST");
  });

  it("is for platform administrators only", async () => {
    const { owner } = await organisationWithHistory();
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    expect((await failureOf(callerFor(owner).admin.audit.list({}))).code).toBe("FORBIDDEN");
    expect((await failureOf(callerFor(operator).admin.audit.list({}))).code).toBe("FORBIDDEN");
    expect((await failureOf(callerFor(operator).admin.audit.verify())).code).toBe("FORBIDDEN");
  });
});

describe("admin.audit.verify", () => {
  it("reports the chain intact after real activity", async () => {
    await organisationWithHistory();
    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const verdict = await callerFor(admin).admin.audit.verify();
    expect(verdict).toMatchObject({ ok: true, brokenAt: null, reason: null });
    expect(verdict.checked).toBeGreaterThanOrEqual(4);
  });
});

describe("audit targets and the organisation filter", () => {
  it("names each target as it is called now, for members and administrators", async () => {
    const { owner, org } = await organisationWithHistory();
    const own = await callerFor(owner).audit.list({ organizationId: org.id });
    const projects = own.items.filter((event) => event.action === "project.created");
    expect(projects.map((event) => event.target?.name).sort()).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(projects.every((event) => event.target?.organizationId === org.id)).toBe(true);
    const update = own.items.find((event) => event.action === "organization.updated");
    expect(update?.target).toMatchObject({ name: org.name, organizationId: org.id });
  });

  it("lets a platform administrator filter by part of an organisation's name, any case", async () => {
    const { org } = await organisationWithHistory();
    const other = await organisationWithHistory();
    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const fragment = org.name.slice(-8).toUpperCase();
    const page = await callerFor(admin).admin.audit.list({ organization: fragment });
    expect(page.items.length).toBeGreaterThanOrEqual(4);
    expect(page.items.every((event) => event.organizationName === org.name)).toBe(true);
    expect(page.items.some((event) => event.organizationId === other.org.id)).toBe(false);

    const none = await callerFor(admin).admin.audit.list({ organization: "no such organisation" });
    expect(none.items).toEqual([]);
  });
});

describe("review events in the platform-wide audit log", () => {
  it("name the organisation whose application was reviewed, and its filter finds them", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const programmeAdmin = await createTestUser({ platformRoles: ["PROGRAM_ADMIN"] });
    const applicationId = await submittedApplication(applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 100 },
    ]);
    const reviewer = await createReviewer();
    const review = await callerFor(programmeAdmin).reviews.admin.assign({
      applicationId,
      reviewerId: reviewer.id,
    });
    await callerFor(reviewer).reviews.score({
      reviewId: review.id,
      score: 4,
      comment: "Sound plan, hours well estimated.",
    });

    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const caller = callerFor(admin);
    const scored = await caller.admin.audit.list({ action: "review.scored", limit: 100 });
    expect(scored.items.find((event) => event.targetId === review.id)).toMatchObject({
      organizationId: applicant.org.id,
      organizationName: applicant.org.name,
    });
    // Filtering by the organisation, by id or by name, finds its reviews too.
    const byId = await caller.admin.audit.list({ organizationId: applicant.org.id });
    const byName = await caller.admin.audit.list({ organization: applicant.org.name });
    for (const page of [byId, byName]) {
      expect(page.items.map((event) => event.action)).toEqual(
        expect.arrayContaining(["review.scored", "review.assigned", "application.submitted"]),
      );
    }
    // Reviewers stay off the applicant's own audit log.
    const own = await callerFor(applicant.owner).audit.list({ organizationId: applicant.org.id });
    expect(own.items.some((event) => event.action.startsWith("review."))).toBe(false);
  });

  it("puts a period that ends before it starts beside the to date", async () => {
    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const error = await httpErrorOf(admin, "admin.audit.list", "query", {
      from: new Date("2026-02-01"),
      to: new Date("2026-01-01"),
    });
    expect(error).toEqual({
      code: "BAD_REQUEST",
      message: "The start of the period must be before its end.",
      fieldErrors: { to: ["The start of the period must be before its end."] },
    });
  });
});
