import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { billingTenantOf } from "../billing/billing-fixture";
import { getCurrentCharges } from "../billing/get-current-charges";
import { finishJob, runningJob } from "../billing/running-job-fixture";
import { latestPriceVersionId } from "../catalogue/preview-price-change";
import { updateResourceClass } from "../catalogue/update-resource-class";
import { getJobsUsageSoFar, getJobUsageSoFar } from "./get-job-usage-so-far";
import type { TenantAccess } from "../tenancy/tenant-access";

const SELLER = "DE";
const after = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

/** The tenant, counting the raw statements (every read of the draft is one) run through it. */
function counting(tenant: TenantAccess): { tenant: TenantAccess; statements: () => number } {
  let count = 0;
  const db = new Proxy(tenant.db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop !== "$queryRaw" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        count += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { tenant: { ...tenant, db }, statements: () => count };
}

/** The job's rows of Billing's charges so far ("Accruing now"), summed. */
async function billingRowsOf(tenant: ReturnType<typeof billingTenantOf>, jobId: string, now: Date) {
  const view = await getCurrentCharges(tenant, { sellerCountry: SELLER, now });
  const rows = view.accruingWindows.filter((row) => row.workloadId === jobId);
  const sum = (pick: (row: (typeof rows)[number]) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return {
    rows: rows.length,
    unitSeconds: sum((row) => row.unitSeconds),
    cost: {
      currency: view.currency,
      listMinor: sum((row) => row.listMinor),
      programmeMinor: sum((row) => row.programmeMinor),
      tenantMinor: sum((row) => row.tenantMinor),
    },
  };
}

describe("a running job's use and cost so far", () => {
  it("are Billing's figures for the job, to the cent", async () => {
    const startedAt = new Date("2026-03-20T11:49:00Z");
    const { fixture, job } = await runningJob({ startedAt });
    const tenant = billingTenantOf(db, fixture);
    // 2 GPUs × 25 min 49 s = 3,098 unit-seconds at €5.00 an hour: €4.3028 → 430 cents, half
    // paid by the programme (215).
    const now = after(startedAt, 1_549);
    const soFar = await getJobUsageSoFar(tenant, job.id, { sellerCountry: SELLER, now });
    const billing = await billingRowsOf(tenant, job.id, now);
    expect(billing.rows).toBe(1);
    // The energy so far: the class's power draw × 3,098 unit-seconds, as Billing estimates it.
    const { powerDrawWatts } = await db.resourceClass.findUniqueOrThrow({
      where: { id: fixture.resourceClassId },
      select: { powerDrawWatts: true },
    });
    expect(powerDrawWatts).toBeGreaterThan(0);
    const energyMilliWh = Math.round((powerDrawWatts * 3_098) / 3.6);
    expect(soFar).toEqual({
      unitSeconds: billing.unitSeconds,
      cost: billing.cost,
      energyMilliWh,
      computedAt: now,
    });
    expect(soFar).toMatchObject({
      unitSeconds: 3_098,
      cost: { currency: "EUR", listMinor: 430, programmeMinor: 215, tenantMinor: 215 },
    });

    // A role that may not read billing sees the same time and energy, and no money.
    const viewer = { ...tenant, role: "VIEWER" as const };
    expect(await getJobUsageSoFar(viewer, job.id, { sellerCountry: SELLER, now })).toEqual({
      unitSeconds: 3_098,
      cost: null,
      energyMilliWh,
      computedAt: now,
    });

    // Once it has ended, its settled figures are the job's own: nothing so far — and the energy
    // its usage record carries is the energy it had so far.
    await finishJob(job, startedAt, now);
    expect(await getJobUsageSoFar(tenant, job.id, { sellerCountry: SELLER, now })).toBeNull();
    const records = await db.usageRecord.aggregate({
      where: { workloadId: job.id },
      _sum: { energyMilliWh: true },
    });
    expect(Number(records._sum.energyMilliWh)).toBe(energyMilliWh);
  });

  it("keeps the price in force when the job started after the price changes, as Billing does", async () => {
    const startedAt = new Date(Date.now() - 40 * 60_000);
    const { fixture, job } = await runningJob({ startedAt });
    const tenant = billingTenantOf(db, fixture);
    const old = (await latestPriceVersionId(db, fixture.resourceClassId))!;
    await updateResourceClass(db, SYSTEM_ACTOR, {
      resourceClassId: fixture.resourceClassId,
      listPriceMinorPerHour: 900,
      priceConfirmation: { priceVersionId: old, toPriceMinor: 900 },
    });
    const now = new Date(Date.now() + 1_000);
    const soFar = await getJobUsageSoFar(tenant, job.id, { sellerCountry: SELLER, now });
    const billing = await billingRowsOf(tenant, job.id, now);
    expect(soFar?.unitSeconds).toBe(billing.unitSeconds);
    expect(soFar?.cost).toEqual(billing.cost);
    // Still at €5.00 a unit-hour, not €9.00, each month's row rounded on its own.
    const seconds = BigInt(billing.unitSeconds);
    const atOld = Number((seconds * 500n + 1_800n) / 3_600n);
    expect(Math.abs((soFar?.cost?.listMinor ?? 0) - atOld)).toBeLessThanOrEqual(billing.rows - 1);
  });

  it("is nothing for a job not yet running, and not found in another organisation", async () => {
    const { fixture, job } = await runningJob({ startedAt: new Date("2026-03-20T08:00:00Z") });
    const tenant = billingTenantOf(db, fixture);
    await db.workload.update({ where: { id: job.id }, data: { status: "PENDING" } });
    expect(
      await getJobUsageSoFar(tenant, job.id, { sellerCountry: SELLER, now: new Date() }),
    ).toBeNull();
    const other = await runningJob({ startedAt: new Date("2026-03-20T08:00:00Z") });
    await expect(
      getJobUsageSoFar(billingTenantOf(db, other.fixture), job.id, { sellerCountry: SELLER }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("for a page of jobs are each job's own figures, from one reading of the draft", async () => {
    const startedAt = new Date("2026-03-20T11:49:00Z");
    const first = await runningJob({ startedAt });
    const { fixture } = first;
    const second = await runningJob({ fixture, startedAt: after(startedAt, 600), quantity: 1 });
    const third = await runningJob({ fixture, startedAt: after(startedAt, 900), quantity: 4 });
    const waiting = await runningJob({ fixture, startedAt });
    await db.workload.update({ where: { id: waiting.job.id }, data: { status: "PENDING" } });
    const tenant = billingTenantOf(db, fixture);
    const now = after(startedAt, 1_549);
    const ids = [first, second, third, waiting].map(({ job }) => job.id);

    for (const role of ["OWNER", "VIEWER"] as const) {
      const asRole = { ...tenant, role };
      const page = await getJobsUsageSoFar(asRole, ids, { sellerCountry: SELLER, now });
      expect([...page.keys()].sort()).toEqual(ids.slice(0, 3).sort());
      for (const id of ids)
        expect(page.get(id) ?? null, `${role} ${id}`).toEqual(
          await getJobUsageSoFar(asRole, id, { sellerCountry: SELLER, now }),
        );
    }

    // As many statements for the page as for one job: the draft is read once, not once a row.
    const forOne = counting(tenant);
    await getJobsUsageSoFar(forOne.tenant, [first.job.id], { sellerCountry: SELLER, now });
    const forPage = counting(tenant);
    await getJobsUsageSoFar(forPage.tenant, ids, { sellerCountry: SELLER, now });
    expect(forOne.statements()).toBeGreaterThan(0);
    expect(forPage.statements()).toBe(forOne.statements());

    // Nothing running on the page: no draft at all.
    const idle = counting(tenant);
    expect(
      (await getJobsUsageSoFar(idle.tenant, [waiting.job.id], { sellerCountry: SELLER, now })).size,
    ).toBe(0);
    expect(idle.statements()).toBe(0);
  });
});
