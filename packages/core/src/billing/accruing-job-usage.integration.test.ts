import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { loadProgrammeConsumption } from "../programmes/programme-consumption";
import { billingTenantOf, insertUsage } from "./billing-fixture";
import { finaliseInvoice } from "./finalise-invoice";
import { getCurrentCharges } from "./get-current-charges";
import { getInvoiceDraft } from "./get-invoice-draft";
import type { BillingFixture } from "./billing-fixture";
import { finishJob, runningJob } from "./running-job-fixture";
import {
  recordWorkloadsSeen,
  UNSEEN_ACCRUAL_SECONDS,
} from "../workloads/lifecycle/record-workloads-seen";

const SELLER = "DE";
const after = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

async function charges(fixture: BillingFixture, now: Date) {
  const view = await getCurrentCharges(billingTenantOf(db, fixture), {
    sellerCountry: SELLER,
    now,
  });
  return {
    lines: view.lines.map((line) => ({
      usagePeriod: line.usagePeriod,
      unitSeconds: line.unitSeconds,
      accruing: line.accruingUnitSeconds,
      list: line.listMinor,
      programme: line.programmeMinor,
      energy: line.energyMilliWh,
    })),
    total: view.tenantTotalMinor,
    accruing: view.accruingUnitSeconds,
    windows: view.accruingWindows.map((window) => [window.workload, window.unitSeconds]),
  };
}

describe("charges so far this month: running jobs", () => {
  it("counts a running job's units × time so far at its price, and once after it finishes", async () => {
    const startedAt = new Date("2026-03-20T11:49:00Z");
    const { fixture, job } = await runningJob({ startedAt });
    const now = after(startedAt, 660);
    // 2 GPUs × 11 minutes = 1,320 unit-seconds at €5.00 an hour: €1.8333 → 183 cents, half paid by
    // the programme (92, half to even of 91.5); 700 W × 1,320 s = 256.667 Wh.
    const accruing = await charges(fixture, now);
    expect(accruing.lines).toEqual([
      {
        usagePeriod: "2026-03",
        unitSeconds: 1_320,
        accruing: 1_320,
        list: 183,
        programme: 92,
        energy: 256_667,
      },
    ]);
    expect(accruing.accruing).toBe(1_320);
    expect(accruing.windows).toEqual([["job", 1_320]]);

    // It finishes: its record is written and the draft counts it once, settled.
    await finishJob(job, startedAt, now);
    const settled = await charges(fixture, now);
    expect(settled.lines).toEqual([{ ...accruing.lines[0], accruing: 0 }]);
    expect(settled.total).toBe(accruing.total);
    expect(settled.windows).toEqual([]);
  });

  it("never counts more than the job's hold (units × walltime)", async () => {
    const startedAt = new Date("2026-03-20T08:00:00Z");
    const { fixture } = await runningJob({ startedAt, walltimeSeconds: 3_600 });
    const view = await charges(fixture, after(startedAt, 3 * 3_600));
    expect(view.lines.map((line) => [line.unitSeconds, line.accruing])).toEqual([[7_200, 7_200]]);
  });

  it("stops counting a job the backend no longer reports a few minutes after it was last seen", async () => {
    const startedAt = new Date("2026-03-20T08:00:00Z");
    const { fixture, job } = await runningJob({ startedAt });
    const unitSeconds = async (now: Date) =>
      (await charges(fixture, now)).lines.map((line) => [line.unitSeconds, line.accruing]);
    // The tracker last saw it an hour in; then the backend went quiet.
    const lastSeen = after(startedAt, 3_600);
    await recordWorkloadsSeen(db, [job.id], lastSeen);
    // A minute later it is still running as far as anyone can tell: 2 GPUs × 61 minutes.
    expect(await unitSeconds(after(lastSeen, 60))).toEqual([[7_320, 7_320]]);
    // Four hours later it has counted only up to a little after it was last seen, not 5 hours.
    const quiet = 2 * (3_600 + UNSEEN_ACCRUAL_SECONDS);
    expect(await unitSeconds(after(startedAt, 5 * 3_600))).toEqual([[quiet, quiet]]);
    // The backend answers again (it was only unreachable): the whole time counts once more.
    await recordWorkloadsSeen(db, [job.id], after(startedAt, 5 * 3_600 - 30));
    expect(await unitSeconds(after(startedAt, 5 * 3_600))).toEqual([[36_000, 36_000]]);
  });

  it("splits a job past a month boundary as its records will be split", async () => {
    // 22:30 UTC on 28 February is 23:30 in Brussels: half an hour in February, then March.
    const startedAt = new Date("2026-02-28T22:30:00Z");
    const now = after(startedAt, 3_600);
    const { fixture, job } = await runningJob({ startedAt });
    const accruing = await charges(fixture, now);
    expect(
      accruing.lines.map((line) => [line.usagePeriod, line.unitSeconds, line.accruing]),
    ).toEqual([
      ["2026-02", 3_600, 3_600],
      ["2026-03", 3_600, 3_600],
    ]);

    await finishJob(job, startedAt, now);
    const records = await db.usageRecord.findMany({
      where: { workloadId: job.id },
      orderBy: { intervalStart: "asc" },
    });
    expect(records.map((record) => record.unitSeconds)).toEqual([3_600n, 3_600n]);
    const settled = await charges(fixture, now);
    expect(settled.lines).toEqual(accruing.lines.map((line) => ({ ...line, accruing: 0 })));
    expect(settled.total).toBe(accruing.total);
  });

  it("is in the programme's not-yet-invoiced figure, and not in a finalised invoice", async () => {
    const startedAt = new Date("2026-02-27T10:00:00Z");
    const { fixture } = await runningJob({ startedAt, walltimeSeconds: 30 * 86_400 });
    await insertUsage(db, fixture, [
      { start: new Date("2026-02-03T10:00:00Z"), unitSeconds: 3_600 },
    ]);
    const invoicedOn = new Date("2026-03-10T08:00:00Z");
    const draft = await getInvoiceDraft(db, {
      organizationId: fixture.organizationId,
      sellerCountry: SELLER,
      now: invoicedOn,
      accruing: true,
    });
    const draftProgramme = draft.lines.reduce((sum, line) => sum + line.programmeMinor, 0n);
    // 3,600 unit-seconds settled; the job's 2 units × 10 days 22 hours accruing.
    expect(draft.lines.reduce((sum, line) => sum + line.unitSeconds, 0n)).toBe(
      3_600n + 2n * (10n * 86_400n + 22n * 3_600n),
    );
    const consumption = await loadProgrammeConsumption(db, fixture.programmeId, invoicedOn, {
      daily: false,
    });
    expect(consumption.uninvoicedMinor).toBe(draftProgramme);

    const result = await finaliseInvoice(db, SYSTEM_ACTOR, {
      organizationId: fixture.organizationId,
      period: "2026-02",
      sellerCountry: SELLER,
      now: invoicedOn,
    });
    const lines = await db.invoiceLine.findMany({ where: { invoiceId: result!.invoice.id } });
    expect(lines.map((line) => line.unitSeconds)).toEqual([3_600n]);
  });
});
