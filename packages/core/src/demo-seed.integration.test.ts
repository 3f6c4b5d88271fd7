import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, db, tenantScoped, type Database } from "@tessera/db";
import { listApplications } from "./applications/list-applications";
import { verifyAuditChain } from "./audit/verify-audit-chain";
import { getInvoiceDraft } from "./billing/get-invoice-draft";
import { JOB_TEMPLATES } from "../scripts/seed-programmes";

const DAY = 86_400_000;

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** The options the quick start (infra/up.sh) seeds the demo with: the demo as a newcomer sees it. */
function quickStartSeedOptions(): string[] {
  const upScript = readFileSync(path.join(ROOT, "infra/up.sh"), "utf8");
  const options = /^pnpm --silent db:seed(.*)$/m.exec(upScript)?.[1];
  if (options === undefined) throw new Error("infra/up.sh no longer runs db:seed");
  return options.trim().split(/\s+/).filter(Boolean);
}

function runOn(databaseUrl: string, args: string[]): void {
  execFileSync("pnpm", ["--silent", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Seeds as infra/up.sh seeds, on a fresh database or on a kept one. */
function seedAsQuickStart(databaseUrl: string): void {
  runOn(databaseUrl, ["--filter", "@tessera/core", "seed", ...quickStartSeedOptions()]);
}

/** A database of its own, named after the test database, migrated and then seeded as infra/up.sh seeds it. */
function freshSeededDatabase(): string {
  const url = new URL(
    process.env.TEST_DATABASE_URL ?? "postgresql://postgres@localhost:5432/tessera_test",
  );
  url.pathname = `${url.pathname}_seed_${randomBytes(4).toString("hex")}`;
  runOn(url.toString(), ["--filter", "@tessera/db", "migrate:deploy"]);
  seedAsQuickStart(url.toString());
  return url.toString();
}

let url: string | undefined;
let seeded: Database | undefined;

beforeAll(() => {
  url = freshSeededDatabase();
  seeded = createDatabase(url, 2);
}, 180_000);

afterAll(async () => {
  await seeded?.$disconnect();
  if (url) {
    const name = decodeURIComponent(new URL(url).pathname.slice(1)).replace(/"/g, '""');
    await db.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

describe("the demo seed", () => {
  it("tells one story: usage inside its award, drawn from the quota, awards as applied for", async () => {
    if (!seeded) throw new Error("not seeded");
    const lines = await seeded.allocationLine.findMany({
      include: {
        allocation: { select: { validFrom: true, validTo: true } },
        resourceClass: { select: { kind: true, code: true } },
      },
    });
    const records = await seeded.usageRecord.findMany({
      where: { allocationLineId: { not: null } },
      select: {
        allocationLineId: true,
        intervalStart: true,
        intervalEnd: true,
        unitSeconds: true,
        tokensIn: true,
        tokensOut: true,
      },
    });
    // The seed meters usage on the demo researcher's award: the checks below have rows to check.
    expect(records.length).toBeGreaterThan(0);
    for (const line of lines) {
      const own = records.filter((record) => record.allocationLineId === line.id);
      const used = own.reduce(
        (sum, record) =>
          sum +
          (line.resourceClass.kind === "TOKENS"
            ? (record.tokensIn ?? 0n) + (record.tokensOut ?? 0n)
            : record.unitSeconds),
        0n,
      );
      expect(line.consumedUnitSeconds, `consumed on ${line.resourceClass.code}`).toBe(used);
      // Every record lies wholly within the award's validity.
      for (const record of own) {
        const within = { from: line.allocation.validFrom, to: line.allocation.validTo };
        expect(record.intervalStart >= within.from, `${line.resourceClass.code} starts`).toBe(true);
        expect(record.intervalEnd <= within.to, `${line.resourceClass.code} ends`).toBe(true);
        expect(record.intervalStart < record.intervalEnd).toBe(true);
      }
    }

    const allocations = await seeded.allocation.findMany({
      select: {
        validFrom: true,
        validTo: true,
        request: { select: { title: true, periodStart: true, periodEnd: true } },
      },
    });
    expect(allocations.length).toBeGreaterThan(0);
    for (const allocation of allocations) {
      expect(
        { from: allocation.validFrom, to: allocation.validTo },
        allocation.request.title,
      ).toEqual({ from: allocation.request.periodStart, to: allocation.request.periodEnd });
    }
  });

  it("charges every organisation for exactly what its quota ledger consumed", async () => {
    if (!seeded) throw new Error("not seeded");
    const database = seeded;
    // Per organisation and class: the ledger's consumption (unit-seconds; tokens for a tier) ...
    const consumed = new Map<string, bigint>();
    const add = (map: Map<string, bigint>, key: string, amount: bigint) =>
      map.set(key, (map.get(key) ?? 0n) + amount);
    const lines = await database.allocationLine.findMany({
      select: {
        consumedUnitSeconds: true,
        resourceClass: { select: { code: true } },
        allocation: { select: { organizationId: true } },
      },
    });
    for (const line of lines) {
      if (line.consumedUnitSeconds === 0n) continue;
      add(
        consumed,
        `${line.allocation.organizationId} ${line.resourceClass.code}`,
        line.consumedUnitSeconds,
      );
    }
    // ... equals what its finalised invoices and its live draft charge for.
    const charged = new Map<string, bigint>();
    for (const line of await database.invoiceLine.findMany()) {
      add(
        charged,
        `${line.organizationId} ${line.resourceClassCode}`,
        line.unitSeconds + line.tokens,
      );
    }
    const organizations = await database.organization.findMany({ select: { id: true } });
    for (const { id } of organizations) {
      const draft = await getInvoiceDraft(database, { organizationId: id, sellerCountry: "BE" });
      for (const line of draft.lines) {
        add(charged, `${id} ${line.resourceClassCode}`, line.unitSeconds + line.tokens);
      }
    }
    // The seed bills the demo researcher's organisation: the comparison has something to compare.
    expect(charged.size).toBeGreaterThan(0);
    expect(Object.fromEntries(charged)).toEqual(Object.fromEntries(consumed));
  });

  it("meters a workload only while it exists", async () => {
    if (!seeded) throw new Error("not seeded");
    const outside = await seeded.$queryRaw<{ id: bigint }[]>`
      SELECT u."id" FROM "UsageRecord" u JOIN "Workload" w ON w."id" = u."workloadId"
       WHERE u."intervalStart" < w."createdAt" OR u."intervalEnd" > w."endedAt"`;
    expect(outside).toEqual([]);
  });

  it("names its calls after when they open", async () => {
    if (!seeded) throw new Error("not seeded");
    const calls = await seeded.programmeCall.findMany({ select: { name: true, opensAt: true } });
    expect(calls.length).toBeGreaterThan(0);
    const seasonOf = (month: number) =>
      ["Winter", "Spring", "Summer", "Autumn"][Math.floor(((month + 1) % 12) / 3)];
    for (const call of calls) {
      const year = call.opensAt.getUTCFullYear();
      const month = call.opensAt.getUTCMonth();
      const season = /^(Spring|Summer|Autumn|Winter) (\d{4})/.exec(call.name);
      if (season) {
        expect(season[1], call.name).toBe(seasonOf(month));
        // A winter call is named after the year its December falls in.
        expect(Number(season[2]), call.name).toBe(month === 0 || month === 1 ? year - 1 : year);
      } else {
        expect(call.name).toBe(`Rolling call ${year}`);
      }
    }
  });

  it("registers, verifies and sets up each organisation before anything it applied for or ran", async () => {
    if (!seeded) throw new Error("not seeded");
    const organizations = await seeded.organization.findMany({
      select: {
        id: true,
        name: true,
        status: true,
        createdAt: true,
        reviewedAt: true,
        projects: { select: { createdAt: true } },
        allocationRequests: { select: { title: true, createdAt: true } },
        workloads: { select: { createdAt: true } },
      },
    });
    expect(organizations.length).toBeGreaterThan(1);
    // Registered in date order: the audit log, newest first, lists them by date.
    const registrations = await seeded.auditEvent.findMany({
      where: { action: "organization.created" },
      orderBy: { id: "asc" },
      select: { occurredAt: true },
    });
    const dates = registrations.map((event) => event.occurredAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    for (const organization of organizations) {
      const { name } = organization;
      const registeredAudit = await seeded.auditEvent.findFirstOrThrow({
        where: { targetId: organization.id, action: "organization.created" },
        select: { occurredAt: true },
      });
      expect(registeredAudit.occurredAt, `${name}: registration audited then`).toEqual(
        organization.createdAt,
      );
      if (organization.status !== "VERIFIED") {
        // Waiting for verification: registered days ago, not months.
        expect(Date.now() - organization.createdAt.getTime(), name).toBeLessThan(14 * DAY);
        continue;
      }
      const verified = organization.reviewedAt!;
      expect(organization.createdAt < verified, `${name}: verified after registering`).toBe(true);
      // Its managers heard of the verification when it happened, not when the seed ran.
      const notices = await seeded.notification.findMany({
        where: { organizationId: organization.id, kind: "ORGANIZATION_STATUS" },
        select: { createdAt: true },
      });
      expect(notices.length, `${name}: verification notified`).toBeGreaterThan(0);
      for (const notice of notices) expect(notice.createdAt, name).toEqual(verified);
      for (const project of organization.projects) {
        expect(verified <= project.createdAt, `${name}: a project after verification`).toBe(true);
      }
      const firstProject = Math.min(...organization.projects.map((p) => p.createdAt.getTime()));
      for (const request of organization.allocationRequests) {
        expect(firstProject < request.createdAt.getTime(), `${name}: ${request.title}`).toBe(true);
      }
      for (const workload of organization.workloads) {
        expect(firstProject < workload.createdAt.getTime(), `${name}: a workload`).toBe(true);
      }
    }
  });

  it("decides every award before it starts and before any usage on it, and audits it then", async () => {
    if (!seeded) throw new Error("not seeded");
    const awards = await seeded.allocation.findMany({
      select: {
        validFrom: true,
        createdAt: true,
        lines: { select: { id: true } },
        request: {
          select: {
            id: true,
            title: true,
            createdAt: true,
            submittedAt: true,
            decidedAt: true,
            call: { select: { opensAt: true, closesAt: true } },
            programme: { select: { createdAt: true } },
          },
        },
      },
    });
    expect(awards.length).toBeGreaterThan(0);
    let withUsage = 0;
    for (const { request, ...award } of awards) {
      const title = request.title;
      const decided = request.decidedAt!;
      // Its programme set up first (the burn-down starts then); drafted and submitted while its
      // call was open, then decided, then awarded as decided.
      expect(request.programme.createdAt <= request.call.opensAt, `${title}: programme`).toBe(true);
      expect(request.createdAt >= request.call.opensAt, `${title}: drafted`).toBe(true);
      expect(request.submittedAt! < request.call.closesAt, `${title}: submitted`).toBe(true);
      expect(request.createdAt < request.submittedAt!, `${title}: submitted`).toBe(true);
      expect(request.submittedAt! < decided, `${title}: decided`).toBe(true);
      expect(award.createdAt, `${title}: awarded`).toEqual(decided);
      expect(decided < award.validFrom, `${title}: decided before it starts`).toBe(true);
      const first = await seeded.usageRecord.findFirst({
        where: { allocationLineId: { in: award.lines.map((line) => line.id) } },
        orderBy: { intervalStart: "asc" },
        select: { intervalStart: true },
      });
      if (first) {
        withUsage += 1;
        expect(decided < first.intervalStart, `${title}: decided before its usage`).toBe(true);
      }
      // Its history and its audit trail say the same.
      const history = await seeded.allocationRequestEvent.findMany({
        where: { requestId: request.id },
        orderBy: { createdAt: "asc" },
        select: { toStatus: true, createdAt: true },
      });
      expect(history.at(-1), title).toEqual({ toStatus: "APPROVED", createdAt: decided });
      const audited = await seeded.auditEvent.findFirstOrThrow({
        where: { targetId: request.id, action: "application.approved" },
        select: { occurredAt: true },
      });
      expect(audited.occurredAt, title).toEqual(decided);
    }
    // The demo meters usage on at least one award: the check above ran.
    expect(withUsage).toBeGreaterThan(0);
  });

  it("appends its audit log in date order, the platform's catalogue before its first tenant", async () => {
    if (!seeded) throw new Error("not seeded");
    const events = await seeded.auditEvent.findMany({
      orderBy: { id: "asc" },
      select: { action: true, occurredAt: true },
    });
    expect(events.length).toBeGreaterThan(1);
    // The chain's order is the log's order: each event dated no earlier than the one before it.
    const outOfOrder = events.flatMap((event, index) => {
      const previous = events[index - 1];
      return previous && event.occurredAt < previous.occurredAt
        ? [
            `${event.action} (${event.occurredAt.toISOString()}) after ${previous.action} (${previous.occurredAt.toISOString()})`,
          ]
        : [];
    });
    expect(outOfOrder).toEqual([]);
    const firstRegistration = events.find((event) => event.action === "organization.created");
    const catalogue = events.filter((event) => /^(resource_class|cluster)\./.test(event.action));
    expect(firstRegistration).toBeDefined();
    expect(catalogue.length).toBeGreaterThan(0);
    for (const event of catalogue) {
      expect(event.occurredAt < firstRegistration!.occurredAt, event.action).toBe(true);
    }
  });

  it("lists each application as last updated when its history last moved", async () => {
    if (!seeded) throw new Error("not seeded");
    const organizations = await seeded.organization.findMany({ select: { id: true, name: true } });
    let decided = 0;
    for (const organization of organizations) {
      const tenant = {
        organization,
        role: "OWNER" as const,
        db: tenantScoped(seeded, organization.id),
      };
      const { items } = await listApplications(tenant, {});
      for (const application of items) {
        const last = await seeded.allocationRequestEvent.findFirstOrThrow({
          where: { requestId: application.id },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        });
        expect(application.updatedAt, application.title).toEqual(last.createdAt);
        if (application.decidedAt) {
          decided += 1;
          expect(application.updatedAt, application.title).toEqual(application.decidedAt);
        }
      }
    }
    // The demo has decided applications: "Updated" is their decision's day, not the seed's.
    expect(decided).toBeGreaterThan(0);
  });

  it("leaves an audit chain that verifies", async () => {
    if (!seeded) throw new Error("not seeded");
    const verdict = await verifyAuditChain(seeded);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.checked).toBeGreaterThan(0);
  });

  // Last: it seeds the kept database again.
  it("run again on a kept database, brings the job templates it provides to its current wording and leaves an operator's own alone", async () => {
    if (!seeded || !url) throw new Error("not seeded");
    const provided = JOB_TEMPLATES.find((template) => template.code === "batch")!;
    const batch = await seeded.jobTemplate.findUniqueOrThrow({ where: { code: "batch" } });
    // A database seeded by an older Tessera, whose operator has since stopped offering the template.
    await seeded.jobTemplate.update({
      where: { id: batch.id },
      data: {
        name: "Plain batch",
        description: "Runs your command once on the GPUs allocated to the job.",
        script: '#!/bin/bash\necho "Using GPUs $CUDA_VISIBLE_DEVICES"\n{{command}}\n',
        active: false,
      },
    });
    const own = await seeded.jobTemplate.create({
      data: {
        code: "batch-own",
        name: "Plain batch (our site)",
        description: "Runs your command once on the GPUs allocated to the job.",
        kind: "BATCH",
        script: "#!/bin/bash\n{{command}}\n",
      },
    });
    const updatesBefore = await seeded.auditEvent.count({
      where: { action: "job_template.updated" },
    });

    seedAsQuickStart(url);

    expect(await seeded.jobTemplate.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({
      name: provided.name,
      description: provided.description,
      script: provided.script,
      defaultImage: provided.defaultImage,
      active: false,
    });
    expect(await seeded.jobTemplate.findUniqueOrThrow({ where: { id: own.id } })).toEqual(own);
    // Only the template whose wording differed was written, and the change is audited.
    const updates = await seeded.auditEvent.findMany({
      where: { action: "job_template.updated" },
      orderBy: { id: "asc" },
      skip: updatesBefore,
    });
    expect(updates.map((event) => event.targetId)).toEqual([batch.id]);
    expect(
      await seeded.jobTemplate.count({ where: { code: { in: ["batch", "pytorch-ddp"] } } }),
    ).toBe(2);
    expect(await verifyAuditChain(seeded)).toMatchObject({ ok: true });
  }, 180_000);
});
