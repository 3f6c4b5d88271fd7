import { describe, expect, it } from "vitest";
import { db } from "./client";
import { tenantScoped } from "./tenant-scope";
import { createTestOrganization, createTestUser } from "./test-helpers";

async function twoTenants() {
  const owner = await createTestUser();
  const mine = await createTestOrganization(owner.id);
  const theirs = await createTestOrganization(owner.id);
  const theirProject = await db.project.create({
    data: { organizationId: theirs.id, slug: "secret", name: "Secret project" },
  });
  return { owner, mine, theirs, theirProject };
}

describe("tenantScoped", () => {
  it("does not find another organisation's rows, by id or in lists", async () => {
    const { mine, theirProject } = await twoTenants();
    const scoped = tenantScoped(db, mine.id);
    expect(await scoped.project.findUnique({ where: { id: theirProject.id } })).toBeNull();
    expect(await scoped.project.findMany()).toEqual([]);
    expect(await scoped.organization.findMany()).toEqual([
      expect.objectContaining({ id: mine.id }),
    ]);
  });

  it("cannot change or delete another organisation's rows", async () => {
    const { mine, theirProject } = await twoTenants();
    const scoped = tenantScoped(db, mine.id);
    expect(
      (await scoped.project.updateMany({ where: { id: theirProject.id }, data: { name: "Pwned" } }))
        .count,
    ).toBe(0);
    await expect(
      scoped.project.update({ where: { id: theirProject.id }, data: { name: "Pwned" } }),
    ).rejects.toThrow();
    expect((await scoped.project.deleteMany({ where: { id: theirProject.id } })).count).toBe(0);
    expect((await db.project.findUniqueOrThrow({ where: { id: theirProject.id } })).name).toBe(
      "Secret project",
    );
  });

  it("writes new rows into its own organisation even when told otherwise", async () => {
    const { mine, theirs } = await twoTenants();
    const scoped = tenantScoped(db, mine.id);
    const project = await scoped.project.create({
      data: { organizationId: theirs.id, slug: "planted", name: "Planted" },
    });
    expect(project.organizationId).toBe(mine.id);
  });

  it("keeps its scope inside interactive transactions", async () => {
    const { mine, theirProject } = await twoTenants();
    const found = await tenantScoped(db, mine.id).$transaction((tx) =>
      tx.project.findFirst({ where: { id: theirProject.id } }),
    );
    expect(found).toBeNull();
  });

  it("refuses to create organisations", async () => {
    const { owner, mine } = await twoTenants();
    await expect(
      tenantScoped(db, mine.id).organization.create({
        data: {
          slug: "x",
          name: "x",
          kind: "SME",
          country: "DE",
          registryId: "x",
          contactName: "x",
          contactEmail: "x@x.test",
          createdById: owner.id,
        },
      }),
    ).rejects.toThrow(/not allowed through a tenant-scoped client/);
  });
});
