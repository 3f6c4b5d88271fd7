/**
 * The invoice run under a crash: a real worker process runs the billing sweep over hundreds of
 * organisations, a few at a time per transaction, and is SIGKILLed once some invoices exist. What
 * it leaves must be whole — every invoice with its lines, totals that are their lines' sums, its
 * month's claim, its payment record and its audit event, numbers without gaps and no number taken
 * without an invoice — and a worker started afterwards must finish the rest, each month once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { periodOf, recordJobsUsage, shiftPeriod } from "@tessera/core";
import { Prisma, type Database } from "@tessera/db";
import { createBulkBillingWorld } from "../../../../packages/core/src/billing/bulk-billing-fixture";
import {
  eventually,
  startWorkerProcess,
  type WorkerProcess,
} from "../../../../infra/test/worker-process";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "../testing/queue-prefix";

const ORGANIZATIONS = 300;
const BATCH = 6;

let isolated: IsolatedDatabase;
let database: Database;
const prefix = testQueuePrefix("invoice_crash");
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  isolated = await createIsolatedDatabase("invoice_crash");
  database = isolated.database;
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await obliterateQueues(prefix);
  await isolated?.close();
});

async function billingWorker(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess({
    DATABASE_URL: isolated.url,
    REDIS_URL: serverEnv().REDIS_URL,
    QUEUE_PREFIX: prefix,
    BILLING_EVERY_MS: "1000",
    INVOICE_GRACE_DAYS: "0",
    INVOICE_BATCH_SIZE: String(BATCH),
    WORKER_POLL_MS: "60000",
    RECONCILE_EVERY_MS: "600000",
  });
  workers.push(worker);
  await worker.ready();
  return worker;
}

const count = async (sql: Prisma.Sql) =>
  Number((await database.$queryRaw<{ n: bigint }[]>(sql))[0]!.n);

/** Everything that must hold of whatever invoices exist, whole or not yet made. */
async function expectWhole(period: string): Promise<number> {
  const invoices = await count(Prisma.sql`
    SELECT count(*) AS n FROM "Invoice" WHERE "kind" = 'INVOICE' AND "period" = ${period}`);
  // Lines exist, and the totals are their sums (list, programme, tenant and energy).
  expect(
    await count(Prisma.sql`
      SELECT count(*) AS n FROM "Invoice" i
        LEFT JOIN (SELECT "invoiceId", count(*) AS lines, sum("listMinor") AS list,
                          sum("programmeMinor") AS programme, sum("tenantMinor") AS tenant,
                          sum("energyMilliWh") AS energy
                     FROM "InvoiceLine" GROUP BY 1) l ON l."invoiceId" = i."id"
       WHERE l.lines IS NULL OR l.list <> i."listMinor" OR l.programme <> i."programmeMinor"
          OR l.tenant <> i."tenantNetMinor" OR l.energy <> i."energyMilliWh"
          OR i."tenantTotalMinor" <> i."tenantNetMinor" + i."vatMinor"`),
    "invoices whose lines are missing or do not add up",
  ).toBe(0);
  // One claim, one payment record and one audit event per invoice; none without an invoice.
  for (const [what, sql] of [
    ["claims", Prisma.sql`SELECT count(*) AS n FROM "InvoicePeriodClaim"`],
    ["payment records", Prisma.sql`SELECT count(*) AS n FROM "InvoicePayment"`],
    [
      "audit events",
      Prisma.sql`SELECT count(*) AS n FROM "AuditEvent" WHERE "action" = 'invoice.finalised'`,
    ],
  ] as const) {
    expect(await count(sql), what).toBe(invoices);
  }
  // Numbers 1…n without a gap, and the series has handed out exactly those.
  const sequences = await database.invoice.findMany({
    where: { kind: "INVOICE" },
    select: { sequence: true },
    orderBy: { sequence: "asc" },
  });
  expect(sequences.map((s) => s.sequence)).toEqual(sequences.map((_, index) => index + 1));
  const series = await database.invoiceNumberSeries.findMany();
  expect(series.reduce((sum, s) => sum + s.next - 1, 0)).toBe(invoices);
  // At most one invoice per organisation and month.
  expect(
    await count(Prisma.sql`
      SELECT count(*) AS n FROM (SELECT 1 FROM "Invoice" WHERE "kind" = 'INVOICE'
                                  GROUP BY "organizationId", "period" HAVING count(*) > 1) d`),
  ).toBe(0);
  return invoices;
}

describe("the invoice run, SIGKILLed mid-run", () => {
  it("leaves only whole invoices, and a restarted worker finishes the rest exactly once", async () => {
    const period = shiftPeriod(periodOf(new Date(), "Europe/Brussels"), -2);
    const world = await createBulkBillingWorld(database, {
      tag: "crash",
      organizations: ORGANIZATIONS,
      classes: 3,
      jobsPerLine: 2,
      month: period,
    });
    for (let at = 0; at < world.jobs.length; at += 500) {
      await recordJobsUsage(database, world.jobs.slice(at, at + 500));
    }
    const meteredUnitSeconds = (
      await database.usageRecord.aggregate({ _sum: { unitSeconds: true } })
    )._sum.unitSeconds!;

    const first = await billingWorker();
    const atKill = await eventually(
      "the first invoices",
      async () => {
        const made = await database.invoice.count();
        return made > 0 ? made : undefined;
      },
      120_000,
      10,
    );
    await first.crash();
    const left = await expectWhole(period);
    expect(left, "killed before the run was over").toBeGreaterThanOrEqual(atKill);
    expect(left, "the run was over before the kill: nothing was cut short").toBeLessThan(
      ORGANIZATIONS,
    );
    // Nothing of a killed batch was kept: whole batches only.
    expect(left % BATCH).toBe(0);

    await billingWorker();
    await eventually(
      "every organisation's invoice",
      async () => ((await database.invoice.count()) === ORGANIZATIONS ? true : undefined),
      120_000,
    );
    expect(await expectWhole(period)).toBe(ORGANIZATIONS);
    // Each organisation once, and every metered unit-second on exactly one line.
    const perOrganization = await database.invoice.groupBy({
      by: ["organizationId"],
      _count: { _all: true },
    });
    expect(perOrganization).toHaveLength(ORGANIZATIONS);
    expect(perOrganization.every((row) => row._count._all === 1)).toBe(true);
    const billed = (await database.invoiceLine.aggregate({ _sum: { unitSeconds: true } }))._sum
      .unitSeconds!;
    expect(billed).toBe(meteredUnitSeconds);
  }, 300_000);
});
