import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
} from "../../test-helpers";

async function setup() {
  const owner = await createTestUser();
  const org = await createTestOrganization(owner.id);
  return { owner, org };
}

describe("projects.create", () => {
  it("creates a project for a member, normalises residency and audits it", async () => {
    const { org } = await setup();
    const { user } = await createTestMember(org.id, "MEMBER");
    const project = await callerFor(user).projects.create({
      organizationId: org.id,
      name: "  Protein folding  ",
      description: "AlphaFold-style structure prediction",
      classification: "CONFIDENTIAL",
      residency: "eu",
    });
    expect(project).toMatchObject({
      organizationId: org.id,
      name: "Protein folding",
      slug: "protein-folding",
      classification: "CONFIDENTIAL",
      residency: "EU",
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "project.created" },
    });
    expect(event).toMatchObject({ actorId: user.id, targetId: project.id });
  });

  it("refuses a second project with the same name", async () => {
    const { owner, org } = await setup();
    await callerFor(owner).projects.create({
      organizationId: org.id,
      name: "Vision",
      classification: "PUBLIC",
    });
    const failure = await failureOf(
      callerFor(owner).projects.create({
        organizationId: org.id,
        name: "vision",
        classification: "PUBLIC",
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(await db.project.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("is refused to a viewer and to a billing contact", async () => {
    const { org } = await setup();
    for (const role of ["VIEWER", "BILLING"] as const) {
      const { user } = await createTestMember(org.id, role);
      const failure = await failureOf(
        callerFor(user).projects.create({
          organizationId: org.id,
          name: "Nope",
          classification: "PUBLIC",
        }),
      );
      expect(failure.code).toBe("FORBIDDEN");
    }
    expect(await db.project.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("refuses a residency that is not a country or EU", async () => {
    const { owner, org } = await setup();
    const failure = await failureOf(
      callerFor(owner).projects.create({
        organizationId: org.id,
        name: "X",
        classification: "PUBLIC",
        residency: "ZZ",
      }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
  });
});

describe("projects.list", () => {
  it("pages through every project exactly once, newest first", async () => {
    const { owner, org } = await setup();
    const names = ["One", "Two", "Three", "Four", "Five"];
    for (const name of names) {
      await callerFor(owner).projects.create({
        organizationId: org.id,
        name,
        classification: "INTERNAL",
      });
    }
    const { user: viewer } = await createTestMember(org.id, "VIEWER");
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await callerFor(viewer).projects.list({
        organizationId: org.id,
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].reverse());
  });

  it("refuses a forged cursor with a readable message", async () => {
    const { owner, org } = await setup();
    const failure = await failureOf(
      callerFor(owner).projects.list({ organizationId: org.id, cursor: "bm9wZQ" }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.message).toMatch(/no longer valid/);
  });
});
