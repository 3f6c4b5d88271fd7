import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, Prisma } from "@tessera/db";
import { periodBounds, shiftPeriod } from "./billing-period";
import { createBulkBillingWorld } from "./bulk-billing-fixture";
import { closeDueInvoices } from "./close-due-invoices";
import { getInvoiceDraft } from "./get-invoice-draft";
import { SYSTEM_ACTOR } from "../actor";
import type { WorkloadSetup } from "../workloads/lifecycle/workload-fixture";
import { createBillingFixture, insertUsage } from "./billing-fixture";
import { finaliseInvoice } from "./finalise-invoice";
import { recordJobsUsage, type JobUsage } from "./record-job-usage";

const MONTH = "2026-10";
const DAY_MS = 86_400_000;
/** When MONTH (and its grace period) is over; and the month after it. */
const AFTER_MONTH = new Date(periodBounds(MONTH, "Europe/Brussels").end.getTime() + 10 * DAY_MS);
const AFTER_NEXT = new Date(
  periodBounds(shiftPeriod(MONTH, 1), "Europe/Brussels").end.getTime() + 10 * DAY_MS,
);

function world(organizations: number, jobsPerLine = 2) {
  return createBulkBillingWorld(db, {
    tag: `run-${randomBytes(4).toString("hex")}`,
    organizations,
    classes: 2,
    jobsPerLine,
    month: MONTH,
  });
}

/** The first allocation line of a bulk world's organisation, as insertUsage takes it. */
function lineOf(tag: string, organizationId: string): WorkloadSetup {
  const n = organizationId.slice(`${tag}-org-`.length);
  return {
    organizationId,
    resourceClassId: `${tag}-rc-1`,
    projectId: `${tag}-project-${n}`,
    allocationLineId: `${tag}-line-${n}-1`,
  } as WorkloadSetup;
}

async function meter(jobs: readonly JobUsage[], batch: number): Promise<number> {
  let written = 0;
  for (let at = 0; at < jobs.length; at += batch) {
    written += await recordJobsUsage(db, jobs.slice(at, at + batch));
  }
  return written;
}

async function metered(organizationIds: string[]): Promise<bigint> {
  const sum = await db.usageRecord.aggregate({
    where: { organizationId: { in: organizationIds } },
    _sum: { unitSeconds: true },
  });
  return sum._sum.unitSeconds ?? 0n;
}

async function invoicesOf(organizationIds: string[]) {
  return db.invoice.findMany({
    where: { organizationId: { in: organizationIds }, kind: "INVOICE" },
    include: { lines: true },
    orderBy: { period: "asc" },
  });
}

describe("metering many jobs", () => {
  it("counts Slurm jobs metered twice — again, in other batches, twice in one batch — once", async () => {
    const bulk = await world(6, 3);
    await db.cluster.update({ where: { id: `${bulk.tag}-cluster` }, data: { kind: "SLURM" } });
    expect(await meter(bulk.jobs, 7)).toBe(bulk.jobs.length);
    const once = await metered(bulk.organizationIds);
    expect(await meter(bulk.jobs, 5)).toBe(0);
    expect(await recordJobsUsage(db, [...bulk.jobs, ...bulk.jobs].reverse())).toBe(0);
    expect(await metered(bulk.organizationIds)).toBe(once);
    const records = await db.usageRecord.findMany({
      where: { organizationId: { in: bulk.organizationIds } },
      select: { source: true, sourceRef: true },
    });
    expect(records).toHaveLength(bulk.jobs.length);
    expect(records.every((r) => r.source === "SLURM_ACCOUNTING")).toBe(true);
    expect(new Set(records.map((r) => r.sourceRef)).size).toBe(bulk.jobs.length);
  });
});

describe("the invoice run over many organisations", () => {
  it("makes one invoice per organisation when two runs go at once, in batches, numbered without gaps", async () => {
    const bulk = await world(40);
    await meter(bulk.jobs, 25);
    const only = bulk.organizationIds;
    const [a, b] = await Promise.all([
      closeDueInvoices(db, {
        sellerCountry: "DE",
        graceDays: 3,
        now: AFTER_MONTH,
        organizationIds: only,
        batchSize: 7,
      }),
      closeDueInvoices(db, {
        sellerCountry: "DE",
        graceDays: 3,
        now: AFTER_MONTH,
        organizationIds: [...only].reverse(),
        batchSize: 3,
      }),
    ]);
    // Each invoice was made by exactly one of the runs.
    const made = [...a.finalised, ...b.finalised];
    expect(made).toHaveLength(40);
    expect(new Set(made).size).toBe(40);
    const invoices = await invoicesOf(only);
    expect(invoices).toHaveLength(40);
    expect(new Set(invoices.map((i) => i.organizationId)).size).toBe(40);
    for (const invoice of invoices) {
      expect(invoice.lines).toHaveLength(2);
      const sum = (pick: (l: (typeof invoice.lines)[number]) => bigint) =>
        invoice.lines.reduce((s, l) => s + pick(l), 0n);
      expect(sum((l) => l.listMinor)).toBe(invoice.listMinor);
      expect(sum((l) => l.programmeMinor)).toBe(invoice.programmeMinor);
      expect(sum((l) => l.tenantMinor)).toBe(invoice.tenantNetMinor);
      for (const line of invoice.lines) {
        expect(line.programmeMinor + line.tenantMinor).toBe(line.listMinor);
      }
    }
    const billed = invoices.flatMap((i) => i.lines).reduce((s, l) => s + l.unitSeconds, 0n);
    expect(billed).toBe(await metered(only));
    // The whole series (every test's invoices of 2026 included) has no gap.
    const numbers = await db.invoice.findMany({
      where: { kind: "INVOICE", number: { startsWith: "INV-2026-" } },
      select: { sequence: true },
      orderBy: { sequence: "asc" },
    });
    expect(numbers.map((n) => n.sequence)).toEqual(numbers.map((_, index) => index + 1));
    // A third run finds nothing left.
    const again = await closeDueInvoices(db, {
      sellerCountry: "DE",
      graceDays: 3,
      now: AFTER_MONTH,
      organizationIds: only,
    });
    expect(again.finalised).toEqual([]);
  });

  it("bills usage metered while the run is finalising once: on this invoice, or as late usage on the next", async () => {
    const bulk = await world(30, 4);
    const only = bulk.organizationIds;
    // Every organisation has half its jobs metered before the run…
    await meter(
      bulk.jobs.filter((_, index) => index % 2 === 0),
      20,
    );
    // …and the other half while the run finalises the month.
    await Promise.all([
      closeDueInvoices(db, {
        sellerCountry: "DE",
        graceDays: 3,
        now: AFTER_MONTH,
        organizationIds: only,
        batchSize: 4,
      }),
      meter(
        bulk.jobs.filter((_, index) => index % 2 === 1),
        6,
      ),
    ]);
    const total = await metered(only);
    const october = await invoicesOf(only);
    expect(october).toHaveLength(30);
    const onOctober = october.flatMap((i) => i.lines).reduce((s, l) => s + l.unitSeconds, 0n);
    // What October's invoices left out shows as late usage in the next month's draft…
    let late = 0n;
    for (const organizationId of only) {
      const draft = await getInvoiceDraft(db, {
        organizationId,
        sellerCountry: "DE",
        now: new Date(AFTER_MONTH.getTime() + 5 * DAY_MS),
      });
      expect(draft.lines.every((l) => l.kind === "LATE_USAGE" && l.usagePeriod === MONTH)).toBe(
        true,
      );
      late += draft.lines.reduce((s, l) => s + l.unitSeconds, 0n);
    }
    expect(onOctober + late).toBe(total);
    // …and is on November's invoice, as late usage; nothing twice, nothing left.
    await closeDueInvoices(db, {
      sellerCountry: "DE",
      graceDays: 3,
      now: AFTER_NEXT,
      organizationIds: only,
    });
    const all = await invoicesOf(only);
    const november = all.filter((i) => i.period === shiftPeriod(MONTH, 1));
    expect(november.flatMap((i) => i.lines).every((l) => l.kind === "LATE_USAGE")).toBe(true);
    const billed = all.flatMap((i) => i.lines).reduce((s, l) => s + l.unitSeconds, 0n);
    expect(billed).toBe(total);
    const unbilled = await db.$queryRaw<{ n: bigint }[]>(Prisma.sql`
      SELECT count(*) AS n FROM "UsageRecord" u
       WHERE u."organizationId" IN (SELECT unnest(${only}::text[]))
         AND NOT EXISTS (SELECT 1 FROM "Invoice" i
                          WHERE i."organizationId" = u."organizationId" AND i."kind" = 'INVOICE'
                            AND u."id" <= i."usageThroughId" AND u."intervalStart" < i."periodEnd")`);
    expect(unbilled[0]!.n).toBe(0n);
  });

  it("never draws more from an award than it has left when organisations of one batch share it", async () => {
    // 50 % subsidy with €10.00 left; a second organisation's usage draws on the same award.
    const first = await createBillingFixture(db, { subsidyMinor: 1_000n });
    const second = await createBillingFixture(db);
    const start = new Date(periodBounds(MONTH, "Europe/Brussels").start.getTime() + 3 * DAY_MS);
    // 10 GPU-hours each: at the rate the programme would pay far more than €10.00 in all.
    await insertUsage(db, first, [{ start, unitSeconds: 36_000 }]);
    await insertUsage(db, { ...second, allocationLineId: first.allocationLineId }, [
      { start, unitSeconds: 36_000 },
    ]);
    const organizationIds = [first.organizationId, second.organizationId];
    const { finalised } = await closeDueInvoices(db, {
      sellerCountry: "DE",
      graceDays: 3,
      now: AFTER_MONTH,
      organizationIds,
      batchSize: 2,
    });
    expect(finalised).toHaveLength(2);
    const lines = (await invoicesOf(organizationIds)).flatMap((invoice) => invoice.lines);
    expect(lines.every((line) => line.allocationId === first.allocationId)).toBe(true);
    expect(lines.reduce((sum, line) => sum + line.programmeMinor, 0n)).toBe(1_000n);
    for (const line of lines) expect(line.programmeMinor + line.tenantMinor).toBe(line.listMinor);
  });

  it("writes whole invoices through a client made elsewhere too (an ORM transaction, no COPY)", async () => {
    const bulk = await world(2);
    await meter(bulk.jobs, 10);
    for (const [organizationId, client] of [
      [bulk.organizationIds[0]!, db],
      [bulk.organizationIds[1]!, db.$extends({}) as unknown as typeof db],
    ] as const) {
      const result = await finaliseInvoice(client, SYSTEM_ACTOR, {
        organizationId,
        period: MONTH,
        sellerCountry: "DE",
        now: AFTER_MONTH,
      });
      expect(result?.created).toBe(true);
      const [invoice] = await invoicesOf([organizationId]);
      expect(invoice!.lines.map((l) => l.position).sort()).toEqual([1, 2]);
      expect(invoice!.lines.reduce((s, l) => s + l.listMinor, 0n)).toBe(invoice!.listMinor);
      expect(invoice!.lines.every((l) => l.programmeMinor + l.tenantMinor === l.listMinor)).toBe(
        true,
      );
      const billed = invoice!.lines.reduce((s, l) => s + l.unitSeconds, 0n);
      expect(billed).toBe(await metered([organizationId]));
    }
  });

  it("puts usage of a month before the latest invoice on the next invoice, never on one of its own", async () => {
    const bulk = await world(1, 1);
    await meter(bulk.jobs, 10);
    const organizationId = bulk.organizationIds[0]!;
    await closeDueInvoices(db, {
      sellerCountry: "DE",
      graceDays: 3,
      now: AFTER_MONTH,
      organizationIds: [organizationId],
    });
    // September usage arrives after October was invoiced.
    const september = shiftPeriod(MONTH, -1);
    await insertUsage(db, lineOf(bulk.tag, organizationId), [
      {
        start: new Date(periodBounds(september, "Europe/Brussels").start.getTime() + 5 * DAY_MS),
        unitSeconds: 7_200,
      },
    ]);
    expect(
      await finaliseInvoice(db, SYSTEM_ACTOR, {
        organizationId,
        period: september,
        sellerCountry: "DE",
        now: AFTER_NEXT,
      }),
    ).toBeNull();
    await closeDueInvoices(db, {
      sellerCountry: "DE",
      graceDays: 3,
      now: AFTER_NEXT,
      organizationIds: [organizationId],
    });
    const invoices = await invoicesOf([organizationId]);
    expect(invoices.map((i) => i.period)).toEqual([MONTH, shiftPeriod(MONTH, 1)]);
    expect(invoices[1]!.lines.map((l) => [l.kind, l.usagePeriod, l.unitSeconds])).toEqual([
      ["LATE_USAGE", september, 7_200n],
    ]);
    expect(invoices[1]!.usageThroughId! >= invoices[0]!.usageThroughId!).toBe(true);
  });
});
