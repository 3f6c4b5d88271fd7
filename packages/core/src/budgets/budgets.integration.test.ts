import { describe, expect, it } from "vitest";
import { db, tenantScoped } from "@tessera/db";
import { createTestMember, createTestUser } from "@tessera/db/test-helpers";
import type { Actor } from "../actor";
import { createBillingFixture, insertUsage, type BillingFixture } from "../billing/billing-fixture";
import { AppError } from "../errors";
import { finishJob, runningJob } from "../billing/running-job-fixture";
import { getProgrammeDashboard } from "../programmes/get-programme-dashboard";
import type { TenantAccess } from "../tenancy/tenant-access";
import { getBudget } from "./get-budget";
import { setMonthlyBudget } from "./set-monthly-budget";
import { sweepBudgetAlerts } from "./sweep-budget-alerts";
import { sweepProgrammeBudgetAlerts } from "./sweep-programme-budget-alerts";

const SELLER = "DE";
const HOUR = 3_600;
const DAY = 86_400_000;
/** The fixture's class costs €2.95 an hour and the award pays nothing: the tenant pays it all. */
const BUDGET = 1_000n;

function tenantOf(fixture: BillingFixture): TenantAccess {
  return {
    organization: { id: fixture.organizationId, name: "Budget Lab" },
    role: "OWNER",
    db: tenantScoped(db, fixture.organizationId),
  };
}

function actorFor(userId: string): Actor {
  return { userId, email: null, ip: "127.0.0.1", userAgent: "vitest" };
}

/** An organisation with a €10.00 monthly budget, its owner, a billing member and two others. */
async function budgeted(options: { timeZone?: string; now: Date }) {
  const fixture = await createBillingFixture(db, {
    subsidyRateBps: 0,
    timeZone: options.timeZone ?? "Europe/Brussels",
  });
  const billing = await createTestMember(fixture.organizationId, "BILLING");
  const admin = await createTestMember(fixture.organizationId, "ADMIN");
  const member = await createTestMember(fixture.organizationId, "MEMBER");
  await setMonthlyBudget(tenantOf(fixture), actorFor(fixture.userId), {
    budgetMinor: BUDGET,
    sellerCountry: SELLER,
    now: options.now,
  });
  const owner = await db.user.findUniqueOrThrow({ where: { id: fixture.userId } });
  return { fixture, owner, billing: billing.user, admin: admin.user, member: member.user };
}

async function budgetNotices(userId: string) {
  return db.notification.findMany({
    where: { userId, kind: "BUDGET_ALERT" },
    orderBy: { createdAt: "asc" },
  });
}

async function claims(organizationId: string) {
  const rows = await db.budgetAlert.findMany({
    where: { organizationId },
    orderBy: [{ period: "asc" }, { thresholdPercent: "asc" }],
  });
  return rows.map((row) => `${row.period}:${row.thresholdPercent}`);
}

/** Runs the sweep twice at once, as overlapping workers would, then once more. */
async function sweepRepeatedly(now: Date) {
  await Promise.all([
    sweepBudgetAlerts(db, { sellerCountry: SELLER, now }),
    sweepBudgetAlerts(db, { sellerCountry: SELLER, now }),
  ]);
  await sweepBudgetAlerts(db, { sellerCountry: SELLER, now });
}

// Each test keeps to months of its own, so that sweeps of tests running side by side, which
// measure every budgeted organisation in the month of their own `now`, find nothing of another's.
describe("monthly budget alerts", () => {
  it("tell owners and billing members once at 50 %, 80 % and 100 %, however often the sweep runs", async () => {
    const now = new Date("2030-03-20T10:00:00Z");
    const { fixture, owner, billing, admin, member } = await budgeted({ now });
    // 2 hours: €5.90 of €10.00.
    await insertUsage(db, fixture, [
      { start: new Date("2030-03-02T08:00:00Z"), unitSeconds: 2 * HOUR },
    ]);
    await sweepRepeatedly(now);
    for (const user of [owner, billing]) {
      const notices = await budgetNotices(user.id);
      expect(notices.map((n) => n.title)).toEqual([
        expect.stringMatching(/has used 50% of its budget for March 2030$/),
      ]);
      expect(notices[0]!.body).toContain("has spent €5.90 of its €10.00 monthly budget");
      expect(notices[0]!.link).toBe(`/orgs/${fixture.organizationId}/billing/budget`);
    }
    for (const user of [admin, member]) expect(await budgetNotices(user.id)).toHaveLength(0);
    expect(await claims(fixture.organizationId)).toEqual(["2030-03:50"]);

    // A third hour: €8.85 (88 %).
    await insertUsage(db, fixture, [
      { start: new Date("2030-03-12T08:00:00Z"), unitSeconds: HOUR },
    ]);
    await sweepRepeatedly(now);
    // A fourth: €11.80, over the budget.
    await insertUsage(db, fixture, [
      { start: new Date("2030-03-15T08:00:00Z"), unitSeconds: HOUR },
    ]);
    await sweepRepeatedly(now);
    for (const user of [owner, billing]) {
      expect((await budgetNotices(user.id)).map((n) => n.title)).toEqual([
        expect.stringMatching(/used 50% of its budget/),
        expect.stringMatching(/used 80% of its budget/),
        expect.stringMatching(/has reached its budget for March 2030$/),
      ]);
      const mails = await db.mailMessage.findMany({ where: { to: user.email! } });
      expect(mails.map((m) => m.subject).sort()).toHaveLength(3);
    }
    expect(await claims(fixture.organizationId)).toEqual([
      "2030-03:50",
      "2030-03:80",
      "2030-03:100",
    ]);
  });

  it("claims every threshold passed at once and says only the highest", async () => {
    const now = new Date("2030-04-20T10:00:00Z");
    const { fixture, owner } = await budgeted({ now });
    await insertUsage(db, fixture, [
      { start: new Date("2030-04-03T08:00:00Z"), unitSeconds: 5 * HOUR },
    ]);
    await sweepRepeatedly(now);
    expect((await budgetNotices(owner.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/has reached its budget for April 2030$/),
    ]);
    expect(await claims(fixture.organizationId)).toEqual([
      "2030-04:50",
      "2030-04:80",
      "2030-04:100",
    ]);
  });

  it("starts again each billing month, and counts a month's usage in that month only", async () => {
    const may = new Date("2030-05-25T10:00:00Z");
    const { fixture, owner } = await budgeted({ now: may });
    // 3 hours in May: 88 %.
    await insertUsage(db, fixture, [
      { start: new Date("2030-05-10T08:00:00Z"), unitSeconds: 3 * HOUR },
    ]);
    await sweepRepeatedly(may);
    // Early June: May's usage is still unbilled (the draft shows it as late usage), but it is
    // May's spending, not June's.
    const june = new Date("2030-06-02T10:00:00Z");
    await sweepRepeatedly(june);
    expect(await claims(fixture.organizationId)).toEqual(["2030-05:50", "2030-05:80"]);
    // 2 hours in June: 59 % of June's budget.
    await insertUsage(db, fixture, [
      { start: new Date("2030-06-01T12:00:00Z"), unitSeconds: 2 * HOUR },
    ]);
    await sweepRepeatedly(june);
    expect((await budgetNotices(owner.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/used 80% of its budget for May 2030$/),
      expect.stringMatching(/used 50% of its budget for June 2030$/),
    ]);
    expect(await claims(fixture.organizationId)).toEqual([
      "2030-05:50",
      "2030-05:80",
      "2030-06:50",
    ]);
  });

  it("cuts months in each organisation's billing time zone", async () => {
    const setUpAt = new Date("2030-08-20T10:00:00Z");
    const auckland = await budgeted({ timeZone: "Pacific/Auckland", now: setUpAt });
    const brussels = await budgeted({ timeZone: "Europe/Brussels", now: setUpAt });
    for (const { fixture } of [auckland, brussels]) {
      await insertUsage(db, fixture, [
        // 31 August 20:00–23:00 in Auckland (UTC+12), 10:00–13:00 in Brussels (UTC+2).
        { start: new Date("2030-08-31T08:00:00Z"), unitSeconds: 3 * HOUR },
        // 1 September 01:00 in Auckland; still 31 August, 15:00, in Brussels.
        { start: new Date("2030-08-31T13:00:00Z"), unitSeconds: 2 * HOUR },
      ]);
    }
    // 31 August 16:00 in Brussels, 1 September 02:00 in Auckland.
    const now = new Date("2030-08-31T14:00:00Z");
    await sweepRepeatedly(now);
    // Auckland's September holds 2 hours (59 %); Brussels' August all 5 (148 %).
    expect(await claims(auckland.fixture.organizationId)).toEqual(["2030-09:50"]);
    expect(await claims(brussels.fixture.organizationId)).toEqual([
      "2030-08:50",
      "2030-08:80",
      "2030-08:100",
    ]);
    expect((await budgetNotices(auckland.owner.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/used 50% of its budget for September 2030$/),
    ]);
    // Brussels' September starts at 22:00 UTC on 31 August, with nothing spent yet.
    await sweepRepeatedly(new Date("2030-08-31T22:30:00Z"));
    expect(await claims(brussels.fixture.organizationId)).toHaveLength(3);
    expect(await budgetNotices(brussels.owner.id)).toHaveLength(1);
  });

  it("re-arms the thresholds a changed budget has not reached, and says nothing without a budget", async () => {
    const now = new Date("2030-10-20T10:00:00Z");
    const { fixture, owner } = await budgeted({ now });
    const tenant = tenantOf(fixture);
    const actor = actorFor(owner.id);
    await insertUsage(db, fixture, [
      { start: new Date("2030-10-05T08:00:00Z"), unitSeconds: 3 * HOUR },
    ]);
    await sweepRepeatedly(now);
    expect(await claims(fixture.organizationId)).toEqual(["2030-10:50", "2030-10:80"]);

    // €20.00: €8.85 is 44 % of it, so 50 % and 80 % are ahead again.
    const raised = await setMonthlyBudget(tenant, actor, {
      budgetMinor: 2_000n,
      sellerCountry: SELLER,
      now,
    });
    // 44.25 % reads 44.2 %: an exact half goes to the even tenth, as money rounds.
    expect(raised).toMatchObject({ budgetMinor: 2_000, spentMinor: 885, percentUsed: 44.2 });
    expect(await claims(fixture.organizationId)).toEqual([]);
    await sweepRepeatedly(now);
    expect(await budgetNotices(owner.id)).toHaveLength(1);
    await insertUsage(db, fixture, [
      { start: new Date("2030-10-06T08:00:00Z"), unitSeconds: 2 * HOUR },
    ]);
    await sweepRepeatedly(now);
    expect((await budgetNotices(owner.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/used 80% of its budget/),
      expect.stringMatching(/used 50% of its budget/),
    ]);

    const cleared = await setMonthlyBudget(tenant, actor, {
      budgetMinor: null,
      sellerCountry: SELLER,
      now,
    });
    expect(cleared).toMatchObject({ budgetMinor: null, percentUsed: null, currency: "EUR" });
    await insertUsage(db, fixture, [
      { start: new Date("2030-10-07T08:00:00Z"), unitSeconds: 9 * HOUR },
    ]);
    await sweepRepeatedly(now);
    expect(await budgetNotices(owner.id)).toHaveLength(2);
    const audit = await db.auditEvent.findMany({
      where: { organizationId: fixture.organizationId, action: "billing.budget_changed" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => event.data)).toEqual([
      { from: null, to: { minor: 1_000, currency: "EUR" }, period: "2030-10" },
      {
        from: { minor: 1_000, currency: "EUR" },
        to: { minor: 2_000, currency: "EUR" },
        period: "2030-10",
      },
      { from: { minor: 2_000, currency: "EUR" }, to: null, period: "2030-10" },
    ]);
    expect(audit.every((event) => event.actorId === owner.id)).toBe(true);
  });

  it("tells of a budget set below what is spent at once, naming the share spent and the highest threshold passed", async () => {
    const now = new Date("2031-02-20T10:00:00Z");
    const fixture = await createBillingFixture(db, { subsidyRateBps: 0 });
    const billing = (await createTestMember(fixture.organizationId, "BILLING")).user;
    const admin = (await createTestMember(fixture.organizationId, "ADMIN")).user;
    // 3 hours before there is any budget: €8.85.
    await insertUsage(db, fixture, [
      { start: new Date("2031-02-03T08:00:00Z"), unitSeconds: 3 * HOUR },
    ]);
    // €12.00: €8.85 is 73.75 % of it, past 50 % but not 80 %.
    await setMonthlyBudget(tenantOf(fixture), actorFor(fixture.userId), {
      budgetMinor: 1_200n,
      sellerCountry: SELLER,
      now,
    });
    await sweepRepeatedly(now);
    for (const userId of [fixture.userId, billing.id]) {
      const notices = await budgetNotices(userId);
      expect(notices.map((n) => n.title)).toEqual([
        "Budget Lab has already used 73.8% of its budget for February 2031, past the 50% warning",
      ]);
      expect(notices[0]!.body).toContain(
        "When its monthly budget was set to €12.00, Budget Lab had already spent €8.85 in February 2031 (73.8% of it, past the 50% warning;",
      );
      expect(notices[0]!.body).toContain("The next warning comes at 80%.");
      const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
      expect(await db.mailMessage.count({ where: { to: user.email! } })).toBe(1);
    }
    expect(await budgetNotices(admin.id)).toHaveLength(0);
    expect(await claims(fixture.organizationId)).toEqual(["2031-02:50"]);

    // Spend growing past the next threshold is told as before: a fourth hour, €11.80 (98 %).
    await insertUsage(db, fixture, [
      { start: new Date("2031-02-04T08:00:00Z"), unitSeconds: HOUR },
    ]);
    await sweepRepeatedly(now);
    expect((await budgetNotices(fixture.userId)).map((n) => n.title)).toEqual([
      "Budget Lab has already used 73.8% of its budget for February 2031, past the 50% warning",
      expect.stringMatching(/has used 80% of its budget for February 2031$/),
    ]);
    expect(await claims(fixture.organizationId)).toEqual(["2031-02:50", "2031-02:80"]);
  });

  it("tells once of the thresholds a lowered budget is already past, and nothing of a raised one", async () => {
    const now = new Date("2031-03-20T10:00:00Z");
    const { fixture, owner } = await budgeted({ now });
    const change = (budgetMinor: bigint) =>
      setMonthlyBudget(tenantOf(fixture), actorFor(owner.id), {
        budgetMinor,
        sellerCountry: SELLER,
        now,
      });
    const titles = async () => (await budgetNotices(owner.id)).map((n) => n.title);
    // 2 hours: €5.90 of €10.00, told by the sweep.
    await insertUsage(db, fixture, [
      { start: new Date("2031-03-02T08:00:00Z"), unitSeconds: 2 * HOUR },
    ]);
    await sweepRepeatedly(now);
    expect(await titles()).toEqual([expect.stringMatching(/has used 50% of its budget/)]);

    // €7.00: 84.3 %. 50 % was told of the budget before; 80 % is new.
    await change(700n);
    await sweepRepeatedly(now);
    expect((await titles()).slice(1)).toEqual([
      "Budget Lab has already used 84.3% of its budget for March 2031, past the 80% warning",
    ]);
    expect(await claims(fixture.organizationId)).toEqual(["2031-03:50", "2031-03:80"]);

    // €5.00: 118 %, past the budget itself — one notice, no next warning.
    await change(500n);
    await sweepRepeatedly(now);
    const over = (await budgetNotices(owner.id)).slice(2);
    expect(over.map((n) => n.title)).toEqual([
      "Budget Lab has already used 118.0% of its budget for March 2031, past the 100% warning",
    ]);
    expect(over[0]!.body).not.toContain("next warning");

    // €20.00: 29.5 %, nothing passed; setting it again changes nothing.
    await change(2_000n);
    await change(2_000n);
    await sweepRepeatedly(now);
    expect(await claims(fixture.organizationId)).toEqual([]);
    expect(await titles()).toHaveLength(3);

    // €11.00 from nothing claimed: 53.6 %, past 50 % once more under this budget.
    await change(1_100n);
    await sweepRepeatedly(now);
    expect((await titles()).slice(3)).toEqual([
      "Budget Lab has already used 53.6% of its budget for March 2031, past the 50% warning",
    ]);
    expect(await claims(fixture.organizationId)).toEqual(["2031-03:50"]);
  });

  it("shows the budget beside the spend so far, its projection and the thresholds told", async () => {
    const now = new Date("2030-11-11T11:00:00Z");
    const { fixture } = await budgeted({ now });
    await insertUsage(db, fixture, [
      { start: new Date("2030-11-03T08:00:00Z"), unitSeconds: 2 * HOUR },
    ]);
    await sweepBudgetAlerts(db, { sellerCountry: SELLER, now });
    const view = await getBudget(tenantOf(fixture), { sellerCountry: SELLER, now });
    const bounds = {
      periodStart: new Date("2030-10-31T23:00:00Z"),
      periodEnd: new Date("2030-11-30T23:00:00Z"),
    };
    expect(view).toMatchObject({
      budgetMinor: 1_000,
      currency: "EUR",
      currencyMismatch: false,
      period: "2030-11",
      ...bounds,
      timeZone: "Europe/Brussels",
      spentMinor: 590,
      percentUsed: 59,
      // Nothing runs now: the month ends at what is spent, not at the spend spread over the days.
      projectedMinor: 590,
      running: [],
      canChange: true,
    });
    expect(view.thresholds.map((t) => [t.percent, t.reached, t.notifiedAt !== null])).toEqual([
      [50, true, true],
      [80, false, false],
      [100, false, false],
    ]);
  });

  it("counts a running job as it runs, telling once, and a finished job once", async () => {
    const startedAt = new Date("2031-01-10T08:00:00Z");
    const running = new Date("2031-01-10T09:00:00Z");
    const { fixture, owner, billing } = await budgeted({ now: running });
    const { job } = await runningJob({ fixture, quantity: 2, startedAt });
    // Nothing settled yet: 2 GPUs × 1 hour so far at €2.95 is €5.90 (59 %), accruing.
    await sweepRepeatedly(running);
    await sweepRepeatedly(new Date("2031-01-10T09:10:00Z"));
    for (const user of [owner, billing]) {
      const notices = await budgetNotices(user.id);
      expect(notices.map((n) => n.title)).toEqual([
        expect.stringMatching(/has used 50% of its budget for January 2031$/),
      ]);
      expect(notices[0]!.body).toContain("has spent €5.90 of its €10.00 monthly budget");
      // As the page projects it: €5.90 so far + 23 more hours of its 24-hour walltime at €5.90.
      expect(notices[0]!.body).toContain("the month would end at €141.60.");
    }
    expect(await claims(fixture.organizationId)).toEqual(["2031-01:50"]);

    // It ends after 1½ hours: 3 GPU-hours settled, €8.85 (88 %) — not that again as accruing
    // (€17.70 would pass 100 %).
    await finishJob(job, startedAt, new Date("2031-01-10T09:30:00Z"));
    const later = new Date("2031-01-10T12:00:00Z");
    expect(await getBudget(tenantOf(fixture), { sellerCountry: SELLER, now: later })).toMatchObject(
      { spentMinor: 885 },
    );
    await sweepRepeatedly(later);
    expect(await claims(fixture.organizationId)).toEqual(["2031-01:50", "2031-01:80"]);
    expect((await budgetNotices(owner.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/used 50% of its budget/),
      expect.stringMatching(/used 80% of its budget/),
    ]);
  });

  it("refuses a budget of nothing or less, changing nothing", async () => {
    const now = new Date("2030-12-10T10:00:00Z");
    const { fixture, owner } = await budgeted({ now });
    for (const budgetMinor of [0n, -5n, 10n ** 18n]) {
      await expect(
        setMonthlyBudget(tenantOf(fixture), actorFor(owner.id), {
          budgetMinor,
          sellerCountry: SELLER,
          now,
        }),
      ).rejects.toBeInstanceOf(AppError);
    }
    const account = await db.billingAccount.findUniqueOrThrow({
      where: { organizationId: fixture.organizationId },
    });
    expect(account.monthlyBudgetMinor).toBe(BUDGET);
    expect(
      await db.auditEvent.count({
        where: { organizationId: fixture.organizationId, action: "billing.budget_changed" },
      }),
    ).toBe(1);
    // The database refuses what the domain would never write.
    await expect(
      db.billingAccount.update({
        where: { organizationId: fixture.organizationId },
        data: { monthlyBudgetCurrency: null },
      }),
    ).rejects.toThrow();
  });
});

describe("programme budget alerts", () => {
  async function programmeAdminNotices(userId: string, programmeId: string) {
    return db.notification.findMany({
      where: { userId, kind: "PROGRAMME_BUDGET_ALERT", link: `/admin/programmes/${programmeId}` },
      orderBy: { createdAt: "asc" },
    });
  }

  it("tell programme administrators once at 80 % awarded and once at 80 % consumed", async () => {
    const admin = await createTestUser({ platformRoles: ["PROGRAM_ADMIN"] });
    const bystander = await createTestUser();
    // €5.00 an hour with a 50 % subsidy: €2.50 of programme money per GPU-hour.
    const quota = await createBillingFixture(db, {
      listPriceMinorPerHour: 500,
      subsidyRateBps: 5_000,
    });
    await db.programme.update({
      where: { id: quota.programmeId },
      data: { budgetMinor: 10_000n, awardedMinor: 7_999n },
    });
    const sweep = async () => {
      await Promise.all([sweepProgrammeBudgetAlerts(db), sweepProgrammeBudgetAlerts(db)]);
      await sweepProgrammeBudgetAlerts(db);
    };
    await sweep();
    expect(await programmeAdminNotices(admin.id, quota.programmeId)).toHaveLength(0);

    await db.programme.update({
      where: { id: quota.programmeId },
      data: { awardedMinor: 9_000n },
    });
    await sweep();
    // Consumption is the programme's share of the usage metered on its awards, as rated.
    const consume = (hours: number) =>
      insertUsage(db, quota, [{ start: new Date(Date.now() - 1_000), unitSeconds: hours * HOUR }]);
    // 31 GPU-hours: €77.50 of €100.00 consumed.
    await consume(31);
    await sweep();
    expect((await programmeAdminNotices(admin.id, quota.programmeId)).map((n) => n.title)).toEqual([
      expect.stringMatching(/: 90% of the budget is awarded$/),
    ]);
    // One more: €80.00.
    await consume(1);
    await sweep();
    const notices = await programmeAdminNotices(admin.id, quota.programmeId);
    expect(notices.map((n) => n.title)).toEqual([
      expect.stringMatching(/: 90% of the budget is awarded$/),
      expect.stringMatching(/: 80% of the budget is consumed$/),
    ]);
    expect(notices[1]!.body).toContain("has consumed €80.00 of its €100.00 budget");
    expect(await programmeAdminNotices(bystander.id, quota.programmeId)).toHaveLength(0);
    expect(
      await db.programmeBudgetAlert.findMany({
        where: { programmeId: quota.programmeId },
        select: { measure: true, amountMinor: true },
        orderBy: { measure: "asc" },
      }),
    ).toEqual([
      { measure: "AWARDED", amountMinor: 9_000n },
      { measure: "CONSUMED", amountMinor: 8_000n },
    ]);
  });

  it("projects the exhaustion date from the recent rate, or says it will not come before the end", async () => {
    const quota = await createBillingFixture(db, {
      listPriceMinorPerHour: 500,
      subsidyRateBps: 5_000,
    });
    await db.programme.update({
      where: { id: quota.programmeId },
      data: { budgetMinor: 10_000n, awardedMinor: 10_000n },
    });
    // €80.00 consumed since the award became valid 37 minutes ago: too early for a daily rate
    // (it is not €80.00 a day, nor the €3,113.51 a day 37 minutes make of it).
    const now = new Date();
    await db.allocation.update({
      where: { id: quota.allocationId },
      data: { validFrom: new Date(now.getTime() - 37 * 60_000) },
    });
    await insertUsage(db, quota, [{ start: now, unitSeconds: 32 * HOUR }]);
    const early = await getProgrammeDashboard(db, { programmeId: quota.programmeId }, now);
    expect(early.projection).toMatchObject({
      elapsedMs: 37 * 60_000,
      recentConsumedMinor: 8_000,
      ratePerDayMinor: 0,
      outcome: { kind: "tooEarly" },
    });
    // Valid for 8 hours: €80.00 in 8 hours is €240.00 a day; €20.00 left is 2 hours.
    await db.allocation.update({
      where: { id: quota.allocationId },
      data: { validFrom: new Date(now.getTime() - 8 * HOUR * 1_000) },
    });
    const dashboard = await getProgrammeDashboard(db, { programmeId: quota.programmeId }, now);
    expect(dashboard.projection).toMatchObject({
      elapsedMs: 8 * HOUR * 1_000,
      recentConsumedMinor: 8_000,
      ratePerDayMinor: 24_000,
      remainingMinor: 2_000,
      outcome: { kind: "projected", date: new Date(now.getTime() + 2 * HOUR * 1_000) },
    });
    // The last award ends in an hour, but a call still open can bring more awards: the programme
    // runs at least until that call closes, so the budget still runs out first.
    await db.allocation.update({
      where: { id: quota.allocationId },
      data: { validTo: new Date(now.getTime() + 3_600_000) },
    });
    await db.programmeCall.updateMany({
      where: { programmeId: quota.programmeId },
      data: { opensAt: new Date(now.getTime() - 2 * DAY), closesAt: new Date(now.getTime() + DAY) },
    });
    const open = await getProgrammeDashboard(db, { programmeId: quota.programmeId }, now);
    expect(open.projection).toMatchObject({
      endsAt: new Date(now.getTime() + DAY),
      endsBy: "call",
      outcome: { kind: "projected", date: new Date(now.getTime() + 2 * HOUR * 1_000) },
    });
    // Every call closed: the money outlasts the programme, which ends with its last award.
    await db.programmeCall.updateMany({
      where: { programmeId: quota.programmeId },
      data: { closesAt: new Date(now.getTime() - 60_000) },
    });
    const ending = await getProgrammeDashboard(db, { programmeId: quota.programmeId }, now);
    expect(ending.projection).toMatchObject({ endsBy: "award" });
    expect(ending.projection.outcome).toEqual({ kind: "notBeforeEnd" });
  });
});
