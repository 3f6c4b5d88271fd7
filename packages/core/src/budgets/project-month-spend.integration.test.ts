import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { createBillingFixture } from "../billing/billing-fixture";
import { finishJob, runningJob } from "../billing/running-job-fixture";
import {
  after,
  deployRunningEndpoint,
  observeReady,
  runningEndpoint,
  RUNNING_REPLICAS,
  RUNNING_UNITS,
} from "../billing/running-endpoint-fixture";
import { latestPriceVersionId } from "../catalogue/preview-price-change";
import { updateResourceClass } from "../catalogue/update-resource-class";
import { renewEndpointHold } from "../endpoints/lifecycle/renew-endpoint-hold";
import { divideHalfEven } from "../programmes/money";
import { getMonthSpend, readMonthSpend } from "./get-month-spend";
import { projectMonthSpend } from "./project-month-spend";

const SELLER = "DE";
const HOUR_MS = 3_600_000;

/** €2.95 a GPU-hour and the award pays nothing: the organisation pays 2 × 295 = 590 an hour. */
async function jobFixture(timeZone = "Europe/Brussels") {
  return createBillingFixture(db, { subsidyRateBps: 0, timeZone });
}

const project = (organizationId: string, now: Date) =>
  projectMonthSpend(db, { organizationId, sellerCountry: SELLER, now });

/** The worker's endpoint sweep at `at`: the endpoint is seen ready, then its hold renewed if due. */
async function sweep(ref: { id: string; organizationId: string }, at: Date) {
  await observeReady(ref, at);
  return (await renewEndpointHold(db, ref, at)).outcome;
}

describe("projectMonthSpend", () => {
  it("adds a running job up to its walltime's end, not the month's", async () => {
    const fixture = await jobFixture();
    const startedAt = new Date("2031-02-10T08:00:00Z");
    const { job } = await runningJob({
      fixture,
      quantity: 2,
      walltimeSeconds: 4 * 3_600,
      startedAt,
    });
    const { name } = await db.workload.findUniqueOrThrow({ where: { id: job.id } });
    const now = new Date("2031-02-10T09:00:00Z");
    const projection = await project(fixture.organizationId, now);
    // One hour so far (€5.90); three more to its walltime (€17.70).
    expect(projection.spentMinor).toBe(590n);
    expect(projection.projectedMinor).toBe(590n + 1_770n);
    expect(projection.running).toEqual([
      {
        kind: "TRAINING_JOB",
        workloadId: job.id,
        name,
        units: 2,
        until: new Date("2031-02-10T12:00:00Z"),
        toMonthEnd: false,
        untilQuotaRunsOut: false,
        untilAllocationEnds: false,
        hourlyTenantMilliMinor: 590_000n,
        currentWindow: null,
        restMinor: 1_770n,
        idleSecondsBeforeZero: null,
      },
    ]);
    // The spend so far is the budget's own figure.
    expect(
      (
        await getMonthSpend(db, {
          organizationId: fixture.organizationId,
          sellerCountry: SELLER,
          now,
        })
      ).spentMinor,
    ).toBe(projection.spentMinor);

    // Once it has finished nothing runs: the month ends at what is spent.
    await finishJob(job, startedAt, new Date("2031-02-10T10:30:00Z"));
    const later = await project(fixture.organizationId, new Date("2031-02-11T09:00:00Z"));
    expect(later.spentMinor).toBe(1_475n);
    expect(later.projectedMinor).toBe(1_475n);
    expect(later.running).toEqual([]);
  });

  it("carries the hourly rate to the thousandth of a cent, so rate × hours gives the part", async () => {
    // One GPU at €2.95, half paid by the programme: €1.475 an hour is the organisation's.
    const fixture = await createBillingFixture(db, { subsidyRateBps: 5_000 });
    const startedAt = new Date("2031-05-12T08:00:00Z");
    await runningJob({ fixture, quantity: 1, walltimeSeconds: 10 * 3_600, startedAt });
    const projection = await project(fixture.organizationId, new Date("2031-05-12T09:00:00Z"));
    const [job] = projection.running;
    expect(job).toMatchObject({ units: 1, hourlyTenantMilliMinor: 147_500n });
    // Ten hours rated as one line: €14.75 ours, less the €1.47 of the first hour so far.
    expect(projection.spentMinor).toBe(147n);
    expect(job!.restMinor).toBe(1_475n - 147n);
    expect(Math.abs(Number(job!.restMinor) - (147_500 * 9) / 1_000)).toBeLessThanOrEqual(1);
  });

  it("stops a job at the month's end in the organisation's time zone, on the month's last day", async () => {
    // Brussels: February ends at 23:00 UTC on the 28th, an hour before it ends in UTC.
    const fixture = await jobFixture("Europe/Brussels");
    const startedAt = new Date("2031-02-28T19:00:00Z");
    await runningJob({ fixture, quantity: 2, walltimeSeconds: 86_400, startedAt });
    const projection = await project(fixture.organizationId, new Date("2031-02-28T20:00:00Z"));
    expect(projection.periodEnd).toEqual(new Date("2031-02-28T23:00:00Z"));
    expect(projection.running).toMatchObject([
      { until: new Date("2031-02-28T23:00:00Z"), toMonthEnd: true, restMinor: 1_770n },
    ]);
    expect(projection.projectedMinor).toBe(590n + 1_770n);

    // The same job under UTC billing runs an hour more this month.
    const utc = await jobFixture("UTC");
    await runningJob({ fixture: utc, quantity: 2, walltimeSeconds: 86_400, startedAt });
    const inUtc = await project(utc.organizationId, new Date("2031-02-28T20:00:00Z"));
    expect(inUtc.running).toMatchObject([
      { until: new Date("2031-03-01T00:00:00Z"), toMonthEnd: true, restMinor: 2_360n },
    ]);

    // After the month has turned, the new month starts from nothing spent and the job runs on.
    const march = await project(fixture.organizationId, new Date("2031-02-28T23:30:00Z"));
    expect(march.period).toBe("2031-03");
    expect(march.spentMinor).toBe(295n);
    expect(march.running).toMatchObject([{ until: new Date("2031-03-01T19:00:00Z") }]);
  });

  it("projects nothing more when nothing runs", async () => {
    const fixture = await jobFixture();
    const projection = await project(fixture.organizationId, new Date("2031-04-03T10:00:00Z"));
    expect(projection).toMatchObject({ spentMinor: 0n, projectedMinor: 0n, running: [] });
  });

  it("runs an endpoint on at its current replicas to the month's end, and not once it is silent", async () => {
    const { ref, readyAt } = await runningEndpoint();
    const seen = after(readyAt, 600);
    await observeReady(ref, seen);
    const now = after(seen, 30);
    const projection = await project(ref.organizationId, now);
    const [endpoint] = projection.running;
    // 2 replicas × 2 units at €2.95, half paid by the programme: €5.90 an hour list, €2.95 ours.
    const units = RUNNING_REPLICAS * RUNNING_UNITS;
    expect(endpoint).toMatchObject({
      kind: "ENDPOINT",
      workloadId: ref.id,
      units,
      until: projection.periodEnd,
      toMonthEnd: true,
      hourlyTenantMilliMinor: BigInt((units * 295 * 1_000) / 2),
    });
    const hours = (projection.periodEnd.getTime() - now.getTime()) / HOUR_MS;
    const expected = (units * 295 * hours) / 2;
    expect(Math.abs(Number(endpoint!.restMinor) - expected)).toBeLessThanOrEqual(1);
    // The hourly rate shown beside it, × the hours to the month's end, gives its part.
    const byRate = (Number(endpoint!.hourlyTenantMilliMinor) * hours) / 1_000;
    expect(Math.abs(Number(endpoint!.restMinor) - byRate)).toBeLessThanOrEqual(1);
    expect(projection.projectedMinor).toBe(projection.spentMinor + endpoint!.restMinor);

    // Its idle time before scaling to zero is said only when it may scale to zero (minimum 0).
    const stored = await db.endpoint.findUniqueOrThrow({ where: { workloadId: ref.id } });
    await db.endpoint.update({
      where: { workloadId: ref.id },
      data: { minReplicas: 0, idleSecondsBeforeZero: 900 },
    });
    expect((await project(ref.organizationId, now)).running[0]?.idleSecondsBeforeZero).toBe(900);
    await db.endpoint.update({
      where: { workloadId: ref.id },
      data: { minReplicas: Math.max(1, stored.minReplicas) },
    });
    expect((await project(ref.organizationId, now)).running[0]?.idleSecondsBeforeZero).toBeNull();

    // Not reported for minutes: its accrual stops, and so does its projection.
    const silent = await project(ref.organizationId, after(seen, 600));
    expect(silent.running).toEqual([]);
    expect(silent.projectedMinor).toBe(silent.spentMinor);
  });

  it("runs an endpoint only until a renewal finds its line short of a whole window, when it is scaled to zero", async () => {
    const { ref, readyAt, setup } = await runningEndpoint();
    const now = after(readyAt, 600);
    await observeReady(ref, now);
    const units = RUNNING_REPLICAS * RUNNING_UNITS;
    const { leaseStartedAt, leaseSeconds } = await db.endpoint.findUniqueOrThrow({
      where: { workloadId: ref.id },
    });
    const window = BigInt(units * leaseSeconds);
    // Leave the line one window beyond what is held and used now (short, so that the month's end
    // is later on every day but in a month's last two hours).
    const line = await db.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    await db.allocationLine.update({
      where: { id: line.id },
      data: { grantedUnitSeconds: line.consumedUnitSeconds + line.heldUnitSeconds + window },
    });
    // Renewed at half-time, with what the window did not use released: at ½ window (the spare
    // window and the release cover one), at 1 window (the releases do), and at 1½ windows the
    // release is half a window, short of a whole one. Spending what is left second by second would
    // run it half a window longer.
    const halfWindowMs = leaseSeconds * 500;
    const stop = new Date(leaseStartedAt!.getTime() + 3 * halfWindowMs);

    const projection = await project(ref.organizationId, now);
    const [endpoint] = projection.running;
    expect(endpoint).toMatchObject({
      workloadId: ref.id,
      untilQuotaRunsOut: true,
      untilAllocationEnds: false,
      toMonthEnd: false,
      until: stop,
    });
    // Its part is its rate × the hours until then, at the subsidised rate throughout.
    const seconds = Math.floor(stop.getTime() / 1000) - Math.floor(now.getTime() / 1000);
    const byRate = (Number(endpoint!.hourlyTenantMilliMinor) * seconds) / 3_600 / 1_000;
    expect(Math.abs(Number(endpoint!.restMinor) - byRate)).toBeLessThanOrEqual(1);
    expect(projection.projectedMinor).toBe(projection.spentMinor + endpoint!.restMinor);

    // With quota for the whole month it runs to the month's end again.
    const tight = await db.allocationLine.findUniqueOrThrow({ where: { id: line.id } });
    await db.allocationLine.update({
      where: { id: line.id },
      data: { grantedUnitSeconds: 10n ** 12n },
    });
    expect((await project(ref.organizationId, now)).running[0]).toMatchObject({
      untilQuotaRunsOut: false,
      toMonthEnd: true,
    });

    // The worker's own renewals stop it then, and not a second before.
    await db.allocationLine.update({
      where: { id: line.id },
      data: { grantedUnitSeconds: tight.grantedUnitSeconds },
    });
    const start = leaseStartedAt!.getTime();
    expect(await sweep(ref, new Date(start + halfWindowMs))).toBe("renewed");
    expect(await sweep(ref, new Date(start + 2 * halfWindowMs))).toBe("renewed");
    expect(await sweep(ref, new Date(stop.getTime() - 1))).toBe("not-due");
    expect(await sweep(ref, stop)).toBe("out-of-quota");
  });

  it("renews two endpoints of one line each at its own time, each needing a whole window", async () => {
    const { ref: first, readyAt, setup } = await runningEndpoint();
    const second = await deployRunningEndpoint(setup, "Second endpoint");
    const { id } = second;
    const now = after(readyAt, 600);
    await observeReady(first, now);
    await observeReady(second, now);
    const { leaseStartedAt, leaseSeconds } = await db.endpoint.findUniqueOrThrow({
      where: { workloadId: first.id },
    });
    const halfWindowMs = leaseSeconds * 500;
    const quarterHourMs = 900_000;
    // The second's window began a quarter of an hour before the first's: its renewals come first.
    await db.endpoint.update({
      where: { workloadId: id },
      data: { leaseStartedAt: new Date(leaseStartedAt!.getTime() - quarterHourMs) },
    });
    const window = BigInt(RUNNING_REPLICAS * RUNNING_UNITS * leaseSeconds);
    const line = await db.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    await db.allocationLine.update({
      where: { id: line.id },
      data: { grantedUnitSeconds: line.consumedUnitSeconds + line.heldUnitSeconds + window },
    });
    // The second holds at its first renewal (the spare window), the first at its own (both
    // releases); at its second renewal the second finds less than a window (what the two first
    // windows used is more than half a window) and stops, and its release lets the first hold once
    // more, until it too is short at its third. Spending the rest second by second would have
    // stopped both together, near the first's third renewal.
    const secondStops = new Date(leaseStartedAt!.getTime() - quarterHourMs + 2 * halfWindowMs);
    const firstStops = new Date(leaseStartedAt!.getTime() + 3 * halfWindowMs);

    const projection = await project(setup.organizationId, now);
    const byId = new Map(projection.running.map((cost) => [cost.workloadId, cost]));
    expect(byId.get(id)).toMatchObject({ untilQuotaRunsOut: true, until: secondStops });
    expect(byId.get(first.id)).toMatchObject({ untilQuotaRunsOut: true, until: firstStops });
    for (const cost of projection.running) {
      const seconds = Math.floor(cost.until.getTime() / 1000) - Math.floor(now.getTime() / 1000);
      const byRate = (Number(cost.hourlyTenantMilliMinor) * seconds) / 3_600 / 1_000;
      expect(Math.abs(Number(cost.restMinor) - byRate)).toBeLessThanOrEqual(1);
    }
    expect(projection.projectedMinor).toBe(
      projection.spentMinor + byId.get(id)!.restMinor + byId.get(first.id)!.restMinor,
    );

    // The worker's own renewals, in that order, stop each then.
    const start = leaseStartedAt!.getTime();
    expect(await sweep(second, new Date(start - quarterHourMs + halfWindowMs))).toBe("renewed");
    expect(await sweep(first, new Date(start + halfWindowMs))).toBe("renewed");
    expect(await sweep(second, secondStops)).toBe("out-of-quota");
    expect(await sweep(first, new Date(start + 2 * halfWindowMs))).toBe("renewed");
    expect(await sweep(first, firstStops)).toBe("out-of-quota");
  });

  it("runs an endpoint until its first renewal after its allocation ends, which holds nothing", async () => {
    const { ref, readyAt, setup } = await runningEndpoint();
    const now = after(readyAt, 600);
    await observeReady(ref, now);
    const { leaseStartedAt, leaseSeconds } = await db.endpoint.findUniqueOrThrow({
      where: { workloadId: ref.id },
    });
    const halfWindowMs = leaseSeconds * 500;
    // The award ends an hour and a half from now (before the month's end but in its last hours),
    // between the window's third renewal and its fourth, which is refused.
    const ends = new Date((Math.floor(now.getTime() / 1000) + 5_400) * 1000);
    await db.allocation.update({ where: { id: setup.allocationId }, data: { validTo: ends } });
    const stop = new Date(leaseStartedAt!.getTime() + 4 * halfWindowMs);
    expect(stop.getTime() - halfWindowMs).toBeLessThan(ends.getTime());
    expect(stop.getTime()).toBeGreaterThanOrEqual(ends.getTime());

    const projection = await project(ref.organizationId, now);
    const [endpoint] = projection.running;
    expect(endpoint).toMatchObject({
      workloadId: ref.id,
      untilAllocationEnds: true,
      untilQuotaRunsOut: false,
      toMonthEnd: false,
      until: stop,
    });
    const seconds = Math.floor(stop.getTime() / 1000) - Math.floor(now.getTime() / 1000);
    const byRate = (Number(endpoint!.hourlyTenantMilliMinor) * seconds) / 3_600 / 1_000;
    expect(Math.abs(Number(endpoint!.restMinor) - byRate)).toBeLessThanOrEqual(1);

    // Its quota running short before the allocation ends is said instead: with nothing left in
    // the line, its first renewal cannot hold a window.
    const line = await db.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    await db.allocationLine.update({
      where: { id: line.id },
      data: { grantedUnitSeconds: line.consumedUnitSeconds + line.heldUnitSeconds },
    });
    expect((await project(ref.organizationId, now)).running[0]).toMatchObject({
      untilQuotaRunsOut: true,
      untilAllocationEnds: false,
      until: new Date(leaseStartedAt!.getTime() + halfWindowMs),
    });
  });
});

const OLD_PRICE = 295;
const NEW_PRICE = 350;

/**
 * The class's price goes from €2.95 to €3.50 a unit-hour by the operators' own path: a new price
 * version opens at the database's clock, the moment it is saved (so the workloads below run at the
 * real time of the test, as the version does). Returns the old and the new version.
 */
async function raisePrice(resourceClassId: string) {
  const old = (await latestPriceVersionId(db, resourceClassId))!;
  await updateResourceClass(db, SYSTEM_ACTOR, {
    resourceClassId,
    listPriceMinorPerHour: NEW_PRICE,
    priceConfirmation: { priceVersionId: old, toPriceMinor: NEW_PRICE },
  });
  const raised = (await latestPriceVersionId(db, resourceClassId))!;
  expect(raised).not.toBe(old);
  return { old, raised };
}

/** A billing time zone in which `from`..`to` fall in one month (UTC, else a day either side). */
function zoneWithOneMonth(from: Date, to: Date): string {
  const monthIn = (zone: string, at: Date) =>
    new Intl.DateTimeFormat("en-GB", { month: "numeric", timeZone: zone }).format(at);
  return ["UTC", "Etc/GMT+12", "Etc/GMT-14"].find(
    (zone) => monthIn(zone, from) === monthIn(zone, to),
  )!;
}

/** The organisation's share of `unitSeconds` at `price` when the award pays `subsidyBps`. */
function tenantOf(unitSeconds: bigint, price: number, subsidyBps: number): bigint {
  const list = divideHalfEven(unitSeconds * BigInt(price), 3_600n);
  return list - divideHalfEven(list * BigInt(subsidyBps), 10_000n);
}

describe("projectMonthSpend after a price change", () => {
  it("keeps a running job at the price of its usage record, as billing does", async () => {
    // A second after the change is saved; the job started an hour before and runs 4 hours.
    const soon = new Date((Math.floor(Date.now() / 1000) + 2) * 1000);
    const startedAt = new Date(soon.getTime() - HOUR_MS);
    const timeZone = zoneWithOneMonth(startedAt, new Date(soon.getTime() + 4 * HOUR_MS));
    // 2 GPUs at €2.95 and the award pays nothing: €5.90 an hour is the organisation's.
    const fixture = await createBillingFixture(db, { subsidyRateBps: 0, timeZone });
    const { job } = await runningJob({
      fixture,
      quantity: 2,
      walltimeSeconds: 4 * 3_600,
      startedAt,
    });
    await raisePrice(fixture.resourceClassId);
    const now = new Date(Math.max(soon.getTime(), (Math.floor(Date.now() / 1000) + 1) * 1000));
    const ranFor = Math.floor((now.getTime() - startedAt.getTime()) / 1000);

    const projection = await project(fixture.organizationId, now);
    // So far and for its three hours left at €2.95 (€17.70 for 3 hours), not €3.50 (€21.00).
    const restSeconds = 4 * 3_600 - ranFor;
    const soFar = tenantOf(2n * BigInt(ranFor), OLD_PRICE, 0);
    expect(projection.spentMinor).toBe(soFar);
    expect(projection.running).toMatchObject([
      {
        kind: "TRAINING_JOB",
        workloadId: job.id,
        until: new Date(startedAt.getTime() + 4 * HOUR_MS),
        hourlyTenantMilliMinor: 590_000n,
        currentWindow: null,
        restMinor: tenantOf(2n * BigInt(ranFor + restSeconds), OLD_PRICE, 0) - soFar,
      },
    ]);
    if (ranFor === 3_600) expect(projection.running[0]!.restMinor).toBe(1_770n);
  });

  it("moves a live endpoint to the new price at its next lease window, not before", async () => {
    const { ref, readyAt, setup } = await runningEndpoint();
    const { old } = await raisePrice(setup.resourceClassId);
    const now = after(readyAt, 600);
    await observeReady(ref, now);
    const { leaseStartedAt, leaseSeconds } = await db.endpoint.findUniqueOrThrow({
      where: { workloadId: ref.id },
    });
    const { spend, lines } = await readMonthSpend(db, {
      organizationId: ref.organizationId,
      sellerCountry: SELLER,
      now,
    });
    // Its window so far is billed at the old version (the price in force when the window began).
    const billed = lines.filter((line) => line.usagePeriod === spend.period);
    expect(billed.map((line) => line.priceVersionId)).toEqual([old]);
    const soFar = billed[0]!.unitSeconds;

    const projection = await project(ref.organizationId, now);
    const [endpoint] = projection.running;
    // 2 replicas × 2 units, half paid by the programme: the rest of this window (its renewal at
    // half-time opens the next) at €2.95 on the same line, every window after it at €3.50.
    const units = BigInt(RUNNING_REPLICAS * RUNNING_UNITS);
    const second = (at: Date) => Math.floor(at.getTime() / 1000);
    const renewal = new Date(leaseStartedAt!.getTime() + leaseSeconds * 500);
    const split = Math.min(second(renewal), second(spend.periodEnd));
    const before = units * BigInt(split - second(now));
    const afterwards = units * BigInt(second(spend.periodEnd) - split);
    const atOld = tenantOf(soFar + before, OLD_PRICE, 5_000) - tenantOf(soFar, OLD_PRICE, 5_000);
    const atNew = tenantOf(afterwards, NEW_PRICE, 5_000);
    const hourlyAt = (price: number) => (units * BigInt(price) * 1_000n) / 2n;
    expect(endpoint).toMatchObject({
      workloadId: ref.id,
      until: spend.periodEnd,
      toMonthEnd: true,
      restMinor: atOld + atNew,
      // Its rate is the new price's from its next window, and the old one's until then (only the
      // old one's should the month end before its next window).
      hourlyTenantMilliMinor: hourlyAt(afterwards > 0n ? NEW_PRICE : OLD_PRICE),
      currentWindow:
        afterwards > 0n
          ? { until: new Date(split * 1000), hourlyTenantMilliMinor: hourlyAt(OLD_PRICE) }
          : null,
    });
    expect(projection.projectedMinor).toBe(projection.spentMinor + atOld + atNew);
  });
});
