import { describe, expect, it } from "vitest";
import { db, type Prisma } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { accruingEndpointUsage, accruingEndpointUsageOf } from "../billing/accruing-endpoint-usage";
import {
  billingTenantOf,
  createBillingFixture,
  insertUsage,
  type BillingFixture,
} from "../billing/billing-fixture";
import { finaliseInvoice } from "../billing/finalise-invoice";
import { getCurrentCharges } from "../billing/get-current-charges";
import { getInvoiceDraft } from "../billing/get-invoice-draft";
import { issueCreditNote } from "../billing/issue-credit-note";
import { getProgrammeStatement } from "../billing/programme-statement";
import { after, observeReady, runningEndpoint } from "../billing/running-endpoint-fixture";
import { runningJob } from "../billing/running-job-fixture";
import { getProgrammeDashboard } from "./get-programme-dashboard";
import { loadProgrammeConsumption } from "./programme-consumption";

const HOUR = 3_600;
const SELLER = "DE";
/** Usage in February (two days) is invoiced; usage in March is still in the live drafts. */
const FEB_3 = new Date("2026-02-03T10:00:00Z");
const FEB_4 = new Date("2026-02-04T22:00:00Z");
const MAR_2 = new Date("2026-03-02T09:00:00Z");
const INVOICED_ON = new Date("2026-03-10T08:00:00Z");
const NOW = new Date("2026-03-20T12:00:00Z");

/** Two organisations with awards of one programme: €5.00 a GPU-hour, the programme pays 70 %. */
async function programmeWithTwoAwards(options: { subsidyMinor: bigint }) {
  const first = await createBillingFixture(db, {
    listPriceMinorPerHour: 500,
    subsidyRateBps: 7_000,
    subsidyMinor: options.subsidyMinor,
  });
  const second = await createBillingFixture(db, {
    listPriceMinorPerHour: 500,
    subsidyRateBps: 7_000,
    subsidyMinor: options.subsidyMinor,
  });
  await db.allocation.update({
    where: { id: second.allocationId },
    data: { programmeId: first.programmeId },
  });
  return { first, second, programmeId: first.programmeId };
}

async function programmeShareOfDraft(organizationId: string, allocationId: string, now: Date) {
  const draft = await getInvoiceDraft(db, { organizationId, sellerCountry: SELLER, now });
  return draft.lines
    .filter((line) => line.allocationId === allocationId)
    .reduce((sum, line) => sum + line.programmeMinor, 0n);
}

describe("a programme's consumption", () => {
  it("is what its statements and the live drafts add up to, on the dashboard and in the burn-down", async () => {
    const { first, second, programmeId } = await programmeWithTwoAwards({
      subsidyMinor: 1_000_000n,
    });
    // 3 h + 2 h of one GPU in February for the first, 1 h for the second: €17.50 + €3.50 due.
    await insertUsage(db, first, [
      { start: FEB_3, unitSeconds: 3 * HOUR },
      { start: FEB_4, unitSeconds: 1 * HOUR + 1_800 },
      { start: FEB_4, unitSeconds: 1_800 },
    ]);
    await insertUsage(db, second, [{ start: FEB_3, unitSeconds: 1 * HOUR }]);
    for (const fixture of [first, second]) {
      await finaliseInvoice(db, SYSTEM_ACTOR, {
        organizationId: fixture.organizationId,
        period: "2026-02",
        sellerCountry: SELLER,
        now: INVOICED_ON,
      });
    }
    // March: 37 minutes of the first (not yet invoiced): €3.0833… list, €2.16 for the programme.
    await insertUsage(db, first, [{ start: MAR_2, unitSeconds: 37 * 60 }]);

    const february = await getProgrammeStatement(db, { programmeId, period: "2026-02" });
    expect(february.programmeMinor).toBe(2_100n);
    const uninvoiced = await programmeShareOfDraft(first.organizationId, first.allocationId, NOW);
    expect(uninvoiced).toBe(216n);

    const dashboard = await getProgrammeDashboard(
      db,
      { programmeId, from: new Date("2026-02-01T00:00:00Z"), to: NOW },
      NOW,
    );
    expect(dashboard.consumption).toEqual({
      invoiced: [{ period: "2026-02", programmeMinor: 2_100 }],
      invoicedMinor: 2_100,
      uninvoicedMinor: 216,
    });
    expect(dashboard.consumedMinor).toBe(2_100 + 216);
    // The home page and the alert sweep read the same total without the days.
    const totals = await loadProgrammeConsumption(db, programmeId, NOW, { daily: false });
    expect(totals).toMatchObject({ daily: [], totalMinor: 2_316n });
    // The burn-down ends at the same figure, with each day's part where its usage happened.
    const on = (day: string) => dashboard.burnDown.find((point) => point.day === day);
    expect(dashboard.burnDown.at(-1)?.consumedMinor).toBe(dashboard.consumedMinor);
    expect(on("2026-02-02")?.consumedMinor).toBe(0);
    // 3 of the first's 5 February hours (€10.50 of its €17.50) and the second's €3.50.
    expect(on("2026-02-03")?.consumedMinor).toBe(1_050 + 350);
    expect(on("2026-02-04")?.consumedMinor).toBe(2_100);
    expect(on("2026-03-01")?.consumedMinor).toBe(2_100);
    expect(on("2026-03-02")?.consumedMinor).toBe(2_316);
  });

  it("counts credit notes and the award's subsidy cap as the invoices do", async () => {
    // The award pays at most €20.00: February draws €14.00, March's draft only the €6.00 left.
    const { first, programmeId } = await programmeWithTwoAwards({ subsidyMinor: 2_000n });
    await insertUsage(db, first, [{ start: FEB_3, unitSeconds: 4 * HOUR }]);
    const invoice = await finaliseInvoice(db, SYSTEM_ACTOR, {
      organizationId: first.organizationId,
      period: "2026-02",
      sellerCountry: SELLER,
      now: INVOICED_ON,
    });
    await insertUsage(db, first, [{ start: MAR_2, unitSeconds: 10 * HOUR }]);
    expect(await programmeShareOfDraft(first.organizationId, first.allocationId, NOW)).toBe(600n);

    const before = await getProgrammeDashboard(
      db,
      { programmeId, from: new Date("2026-02-01T00:00:00Z"), to: NOW },
      NOW,
    );
    expect(before.consumption).toMatchObject({ invoicedMinor: 1_400, uninvoicedMinor: 600 });
    expect(before.consumedMinor).toBe(2_000);

    // February is credited (on February's statement): the subsidy is given back, and March's
    // draft draws on all of it.
    await issueCreditNote(db, SYSTEM_ACTOR, {
      organizationId: first.organizationId,
      invoiceId: invoice!.invoice.id,
      reason: "Ran on a faulty node",
      now: NOW,
    });
    const february = await getProgrammeStatement(db, { programmeId, period: "2026-02" });
    expect(february.lines.map((line) => [line.kind, line.programmeMinor])).toEqual([
      ["CREDIT_NOTE", -1_400n],
      ["INVOICE", 1_400n],
    ]);
    const after = await getProgrammeDashboard(
      db,
      { programmeId, from: new Date("2026-02-01T00:00:00Z"), to: NOW },
      NOW,
    );
    expect(after.consumption).toEqual({
      invoiced: [{ period: "2026-02", programmeMinor: Number(february.programmeMinor) }],
      invoicedMinor: 0,
      uninvoicedMinor: 2_000,
    });
    expect(after.consumedMinor).toBe(2_000);
    expect(after.burnDown.at(-1)?.consumedMinor).toBe(2_000);
    // The credited February usage weighs nothing any more; March's ten hours hold it all.
    expect(after.burnDown.find((point) => point.day === "2026-03-01")?.consumedMinor).toBe(0);
  });

  it("starts the burn-down at the first usage and reads the rate from the recent days", async () => {
    // Awards booked on NOW's day (an import, or the demo seed) but valid since January, with
    // usage on three earlier days: those days must show, not fold into the programme's first.
    const { first, second, programmeId } = await programmeWithTwoAwards({
      subsidyMinor: 1_000_000n,
    });
    await db.programme.update({ where: { id: programmeId }, data: { createdAt: NOW } });
    await db.allocation.updateMany({
      where: { id: { in: [first.allocationId, second.allocationId] } },
      data: { createdAt: NOW, validFrom: new Date("2026-01-01T00:00:00Z") },
    });
    await insertUsage(db, first, [
      { start: FEB_3, unitSeconds: 3 * HOUR },
      { start: FEB_4, unitSeconds: 2 * HOUR },
      { start: MAR_2, unitSeconds: 37 * 60 },
    ]);

    const dashboard = await getProgrammeDashboard(db, { programmeId }, NOW);
    expect(dashboard.consumedMinor).toBe(1_750 + 216);
    expect(dashboard.burnDown[0]).toMatchObject({ day: "2026-02-03", consumedMinor: 1_050 });
    expect(dashboard.burnDown.at(-1)).toMatchObject({ day: "2026-03-20", consumedMinor: 1_966 });
    const on = (day: string) => dashboard.burnDown.find((point) => point.day === day);
    expect(on("2026-02-04")?.consumedMinor).toBe(1_750);
    expect(on("2026-03-01")?.consumedMinor).toBe(1_750);
    expect(on("2026-03-02")?.consumedMinor).toBe(1_966);
    // The last 30 days (19 February to noon on 20 March: 29½ days) hold March's €2.16: €0.07 a
    // day, not one day's.
    expect(dashboard.projection).toMatchObject({
      windowFrom: "2026-02-19",
      elapsedMs: 29.5 * 86_400_000,
      recentConsumedMinor: 216,
      ratePerDayMinor: 7,
    });
  });
});

describe("a programme's endpoints accruing in many organisations", () => {
  /** The statements a reader of the consumption sends to the database. */
  function countingClient() {
    const client = {
      statements: 0,
      $queryRaw<R>(query: Prisma.Sql) {
        client.statements += 1;
        return db.$queryRaw<R>(query);
      },
    };
    return client;
  }

  it("reads every organisation's open windows at once, with each one's Charges-so-far share", async () => {
    const first = await runningEndpoint();
    const second = await runningEndpoint();
    const third = await runningEndpoint();
    const { programmeId } = await db.allocation.findUniqueOrThrow({
      where: { id: first.setup.allocationId },
      select: { programmeId: true },
    });
    await db.allocation.update({
      where: { id: second.setup.allocationId },
      data: { programmeId },
    });
    // The second's replicas were last seen ready five minutes in: its window counts on from there.
    await observeReady(second.ref, after(second.readyAt, 300));
    const now = after(third.readyAt, 900);
    const shareOf = async (running: typeof first) => {
      const charges = await getCurrentCharges(running.setup.tenant, { sellerCountry: SELLER, now });
      expect(charges.accruingUnitSeconds).toBeGreaterThan(0);
      return charges.lines.reduce((sum, line) => sum + line.programmeMinor, 0);
    };
    const expected = (await shareOf(first)) + (await shareOf(second));

    const twoOrganisations = countingClient();
    const two = await loadProgrammeConsumption(twoOrganisations, programmeId, now);
    expect(two.uninvoicedMinor).toBe(BigInt(expected));
    expect(two.totalMinor).toBe(BigInt(expected));
    const dashboard = await getProgrammeDashboard(db, { programmeId }, now);
    expect(dashboard.consumption.uninvoicedMinor).toBe(expected);
    expect(dashboard.burnDown.at(-1)?.consumedMinor).toBe(expected);

    // A third organisation's award adds its share, and no statement more.
    await db.allocation.update({
      where: { id: third.setup.allocationId },
      data: { programmeId },
    });
    const threeOrganisations = countingClient();
    const three = await loadProgrammeConsumption(threeOrganisations, programmeId, now);
    expect(three.uninvoicedMinor).toBe(BigInt(expected + (await shareOf(third))));
    expect(threeOrganisations.statements).toBe(twoOrganisations.statements);

    // One statement for all, window by window what each organisation's own read finds.
    const scopes = [first, second, third].map(({ setup }) => ({
      organizationId: setup.organizationId,
      period: "",
      bounds: { start: new Date(0), end: after(now, 3_600) },
      timeZone: "Europe/Brussels",
    }));
    const together = await accruingEndpointUsageOf(db, scopes, now);
    for (const scope of scopes) {
      const alone = await accruingEndpointUsage(db, scope, now);
      expect(alone).toHaveLength(1);
      expect(together.get(scope.organizationId)).toEqual(alone);
    }
  });
});

describe("a programme's burn-down with a job running", () => {
  /** One organisation's award: €5.00 a GPU-hour, the programme pays 70 %, in Brussels. */
  async function award(subsidyMinor: bigint) {
    const fixture = await createBillingFixture(db, {
      listPriceMinorPerHour: 500,
      subsidyRateBps: 7_000,
      subsidyMinor,
    });
    return { fixture, programmeId: fixture.programmeId };
  }
  /** The programme's share of "Charges so far": the live draft with what is accruing up to now. */
  const chargesSoFar = async (fixture: BillingFixture, now: Date) => {
    const charges = await getCurrentCharges(billingTenantOf(db, fixture), {
      sellerCountry: SELLER,
      now,
    });
    return charges.lines.reduce((sum, line) => sum + line.programmeMinor, 0);
  };
  const MARCH = new Date("2026-03-01T00:00:00Z");
  const consumedOn = async (programmeId: string, now: Date) => {
    const dashboard = await getProgrammeDashboard(db, { programmeId, from: MARCH, to: now }, now);
    const by = new Map(dashboard.burnDown.map((point) => [point.day, point.consumedMinor]));
    return { dashboard, on: (day: string) => by.get(day) };
  };

  /**
   * 3 GPU-hours settled on 1 March (€15.00, €10.50 of it the programme's), then a job of 2 GPUs
   * from 10:00 on 31 March, still running: the same line (class, price, award line, March).
   */
  async function settledHoursThenRunningJob(subsidyMinor: bigint) {
    const { fixture, programmeId } = await award(subsidyMinor);
    await insertUsage(db, fixture, [
      { start: new Date("2026-03-01T09:00:00Z"), unitSeconds: 3 * HOUR },
    ]);
    const startedAt = new Date("2026-03-31T10:00:00Z");
    await runningJob({ fixture, quantity: 2, walltimeSeconds: 2 * 86_400, startedAt });
    return { fixture, programmeId };
  }
  const noon = new Date("2026-03-31T12:00:00Z");

  it("books a running job's share on the day it started, and an earlier day keeps its own", async () => {
    const { fixture, programmeId } = await settledHoursThenRunningJob(1_000_000n);
    // At noon it has run 2 × 2 h: the line is 7 GPU-hours, €35.00, the programme's €24.50.
    expect(await chargesSoFar(fixture, noon)).toBe(2_450);
    const first = await consumedOn(programmeId, noon);
    expect(first.dashboard.consumedMinor).toBe(2_450);
    expect(first.on("2026-03-01")).toBe(1_050);
    expect(first.on("2026-03-30")).toBe(1_050);
    expect(first.on("2026-03-31")).toBe(2_450);
    // The last 30 days start on 2 March: they hold the job's €14.00, not the settled hours'.
    expect(first.dashboard.projection).toMatchObject({
      windowFrom: "2026-03-02",
      recentConsumedMinor: 1_400,
    });

    // Later the job has run on (2 × 3 h 17 min 13 s): only today's step grows.
    const later = new Date("2026-03-31T13:17:13Z");
    const total = await chargesSoFar(fixture, later);
    // 10,800 + 23,666 unit-seconds: €47.8694… → €47.87 list, €33.509 → €33.51 the programme's.
    expect(total).toBe(3_351);
    const second = await consumedOn(programmeId, later);
    expect(second.on("2026-03-01")).toBe(1_050);
    expect(second.on("2026-03-30")).toBe(1_050);
    expect(second.on("2026-03-31")).toBe(3_351);
    expect(second.dashboard.projection.recentConsumedMinor).toBe(3_351 - 1_050);
  });

  it("leaves the settled day its share when the running job takes what the award has left", async () => {
    // The award pays at most €20.00: the settled hours draw €10.50, the job only the €9.50 left.
    const { fixture, programmeId } = await settledHoursThenRunningJob(2_000n);
    expect(await chargesSoFar(fixture, noon)).toBe(2_000);
    const { on } = await consumedOn(programmeId, noon);
    expect(on("2026-03-01")).toBe(1_050);
    expect(on("2026-03-30")).toBe(1_050);
    expect(on("2026-03-31")).toBe(2_000);
  });

  it("books a job running since last month on its start and on the month's start", async () => {
    const { fixture, programmeId } = await award(1_000_000n);
    // One GPU since 20:00 on 26 February; Brussels' March starts at 23:00 UTC on 28 February.
    const startedAt = new Date("2026-02-26T20:00:00.750Z");
    await runningJob({ fixture, quantity: 1, walltimeSeconds: 10 * 86_400, startedAt });
    const now = new Date("2026-03-02T08:00:00Z");
    const dashboard = await getProgrammeDashboard(
      db,
      { programmeId, from: new Date("2026-02-25T00:00:00Z"), to: now },
      now,
    );
    const on = (day: string) => dashboard.burnDown.find((point) => point.day === day);
    // February's 51 h (€255.00, €178.50 the programme's) from the 26th; March's 33 h (€165.00,
    // €115.50) from the month's start, 28 February at 23:00 UTC.
    expect(on("2026-02-25")?.consumedMinor).toBe(0);
    expect(on("2026-02-26")?.consumedMinor).toBe(17_850);
    expect(on("2026-02-27")?.consumedMinor).toBe(17_850);
    expect(on("2026-02-28")?.consumedMinor).toBe(17_850 + 11_550);
    expect(on("2026-03-02")?.consumedMinor).toBe(17_850 + 11_550);
    expect(dashboard.consumedMinor).toBe(17_850 + 11_550);
  });
});
