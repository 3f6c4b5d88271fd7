import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { createDatabase, db, tenantScoped, type Database, type Organization } from "@tessera/db";
import { createTestOrganization, createTestUser } from "@tessera/db/test-helpers";
import { deploy } from "../../../db/scripts/migrate";
import type { Actor } from "../actor";
import { createOrganization } from "../onboarding/create-organization";
import { createProject } from "../projects/create-project";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

const repositoryRoot = path.resolve(import.meta.dirname, "../../../..");
const run = promisify(execFile);

function actorFor(user: { id: string; email: string | null }): Actor {
  return { userId: user.id, email: user.email, ip: "198.51.100.1", userAgent: "audit-test" };
}

function tenantOf(database: Database, organization: Organization) {
  return { organization, role: "OWNER" as const, db: tenantScoped(database, organization.id) };
}

describe("the audit chain", () => {
  it("verifies events whose data holds dates and undefined keys", async () => {
    const user = await createTestUser();
    const event = await db.$transaction((tx) =>
      recordAuditEvent(tx, actorFor(user), {
        action: "test.recorded",
        targetType: "Test",
        data: {
          opensAt: new Date("2027-06-10T16:44:00.754Z"),
          dropped: undefined,
          nested: { n: 1 },
        },
      }),
    );
    expect(event.data).toEqual({ opensAt: "2027-06-10T16:44:00.754Z", nested: { n: 1 } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("still verifies after concurrent changes in many organisations", async () => {
    const organizations = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const owner = await createTestUser();
        return { owner, organization: await createTestOrganization(owner.id) };
      }),
    );
    const created = await Promise.all(
      organizations.flatMap(({ owner, organization }) =>
        Array.from({ length: 5 }, (_, i) =>
          createProject(tenantOf(db, organization), actorFor(owner), {
            name: `Parallel ${i}`,
            classification: "INTERNAL",
          }),
        ),
      ),
    );
    expect(created).toHaveLength(40);

    const events = await db.auditEvent.findMany({
      where: { organizationId: { in: organizations.map((o) => o.organization.id) } },
    });
    expect(events).toHaveLength(40);
    // No fork: no two of these events continue from the same predecessor.
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(40);
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: true });
  });

  it("cannot be changed, deleted or truncated: the database refuses", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization(owner.id);
    const project = await createProject(tenantOf(db, organization), actorFor(owner), {
      name: "Immutable",
      classification: "PUBLIC",
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: project.id } });

    await expect(
      db.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${event.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`TRUNCATE "AuditEvent"`);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it("names a tampered event when the CLI verifies it, and exits with 1", async () => {
    const name = `tessera_audit_${randomBytes(6).toString("hex")}`;
    const url = new URL(serverEnv().DATABASE_URL);
    url.pathname = `/${name}`;
    const scratchUrl = url.toString();
    const admin = createDatabase(new URL("/postgres", url).toString(), 1);
    const scratch = createDatabase(scratchUrl, 2);
    try {
      await deploy(scratchUrl);
      const user = await scratch.user.create({
        data: { email: "auditor@tessera.test", name: "Auditor" },
      });
      const organization = await createOrganization(scratch, actorFor(user), {
        name: "Scratch Lab",
        kind: "ACADEMIC",
        country: "DE",
        registryId: "SCRATCH-1",
        contactName: "Auditor",
        contactEmail: "auditor@tessera.test",
      });
      for (const projectName of ["First", "Second", "Third"]) {
        await createProject(tenantOf(scratch, organization), actorFor(user), {
          name: projectName,
          classification: "INTERNAL",
        });
      }
      const events = await scratch.auditEvent.findMany({ orderBy: { id: "asc" } });
      expect(events).toHaveLength(4);

      const intact = await verifyCli(scratchUrl);
      expect(intact).toMatchObject({ code: 0 });
      expect(intact.output).toContain("Audit chain intact: 4 events verified.");

      const target = events[2]!;
      // What someone with direct database access might do: switch the guard off, edit a row.
      await scratch.$executeRawUnsafe(
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`,
      );
      await scratch.$executeRaw`UPDATE "AuditEvent" SET "data" = '{"name":"Quietly renamed"}' WHERE "id" = ${target.id}`;

      const broken = await verifyCli(scratchUrl);
      expect(broken.code).toBe(1);
      expect(broken.output).toContain(`Audit chain broken at event ${target.id}`);
      expect(broken.output).toContain("content does not match its hash");
    } finally {
      await scratch.$disconnect();
      await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.$disconnect();
    }
  }, 60_000);
});

/** Runs `pnpm --filter @tessera/core audit:verify <url>` as an operator would. */
async function verifyCli(url: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      "pnpm",
      ["--silent", "--filter", "@tessera/core", "audit:verify", url],
      {
        cwd: repositoryRoot,
        env: process.env,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : -1,
      output: `${failed.stdout}${failed.stderr}`,
    };
  }
}
