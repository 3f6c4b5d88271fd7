import { describe, expect, it } from "vitest";
import { db, tenantScoped } from "@tessera/db";
import { getCurrentCharges } from "../billing/get-current-charges";
import { getMonthSpend } from "../budgets/get-month-spend";
import { loadProgrammeConsumption } from "../programmes/programme-consumption";
import {
  after,
  observeReady,
  RUNNING_REPLICAS,
  RUNNING_UNITS,
  runningEndpoint,
} from "../billing/running-endpoint-fixture";
import { SECONDS_PER_UNIT_HOUR } from "../catalogue/metering-unit";
import { priceQuantity } from "../programmes/pricing";
import { getWorkloadFormOptions } from "../workloads/get-workload-form-options";
import { deleteEndpoint } from "./delete-endpoint";
import { failEndpoint } from "./lifecycle/fail-endpoint";
import { createEndpointSetup } from "./endpoint-fixture";
import { getEndpointCost } from "./get-endpoint-cost";
import { renewEndpointHold } from "./lifecycle/renew-endpoint-hold";
import { scaleEndpoint, scaleEndpointToZero } from "./scale-endpoint";
import type { EndpointSetup } from "./endpoint-fixture";

/** The endpoint's month as its page shows it, beside the one line "Charges so far" shows. */
async function bothPages(setup: EndpointSetup, id: string, now: Date) {
  const cost = await getEndpointCost(setup.tenant, id, now);
  const charges = await getCurrentCharges(setup.tenant, { sellerCountry: "DE", now });
  expect(charges.lines).toHaveLength(1);
  const line = charges.lines[0]!;
  return {
    endpoint: {
      unitSeconds: cost.month!.unitSeconds,
      accruing: cost.month!.accruingUnitSeconds,
      list: cost.month!.listMinor,
      programme: cost.month!.programmeMinor,
      tenant: cost.month!.tenantMinor,
    },
    billing: {
      unitSeconds: line.unitSeconds,
      accruing: line.accruingUnitSeconds,
      list: line.listMinor,
      programme: line.programmeMinor,
      tenant: line.tenantMinor,
    },
    cost,
  };
}

describe("an endpoint's cost", () => {
  it("prices an hour at its current replicas and at those a scale asks for", async () => {
    const { setup, id, readyAt } = await runningEndpoint();
    const cost = await getEndpointCost(setup.tenant, id, after(readyAt, 60));
    // 2 replicas × 2 GPUs × €2.95 an hour = €11.80, the programme paying half.
    expect(cost.currency).toBe("EUR");
    expect(cost.hour).toEqual({
      replicas: 2,
      listMinor: 1_180,
      programmeMinor: 590,
      tenantMinor: 590,
      programmeMilliMinor: 590_000,
      tenantMilliMinor: 590_000,
      idle: null,
    });
    expect(cost.terms).toEqual({ minorPerUnitHour: 295, subsidyRateBps: 5_000, kind: "GPU" });

    await scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 3 }, after(readyAt, 120));
    expect((await getEndpointCost(setup.tenant, id, after(readyAt, 120))).hour).toEqual({
      replicas: 3,
      listMinor: 1_770,
      programmeMinor: 885,
      tenantMinor: 885,
      programmeMilliMinor: 885_000,
      tenantMilliMinor: 885_000,
      idle: null,
    });
    await scaleEndpointToZero(setup.tenant, setup.actor, { id }, after(readyAt, 180));
    // Scaled to zero it costs nothing an hour, and says so.
    expect((await getEndpointCost(setup.tenant, id, after(readyAt, 180))).hour).toEqual({
      replicas: 0,
      listMinor: 0,
      programmeMinor: 0,
      tenantMinor: 0,
      programmeMilliMinor: 0,
      tenantMilliMinor: 0,
      idle: "SCALED_TO_ZERO",
    });
  });

  it("is the figure the deploy form's price box showed for the same replicas and line", async () => {
    const { setup, id, readyAt } = await runningEndpoint();
    const line = (await getWorkloadFormOptions(setup.tenant)).lines.find(
      (option) => option.allocationLineId === setup.allocationLineId,
    )!;
    // What the price box works out for 2 replicas × 2 GPUs (PricePanel, endpoint-form.tsx).
    const box = priceQuantity(
      RUNNING_REPLICAS * RUNNING_UNITS * SECONDS_PER_UNIT_HOUR,
      line.listPriceMinorPerHour,
      line.subsidyRateBps,
      line.resourceClass.kind,
    );
    expect(box).toMatchObject({
      listValueMinor: 1_180,
      programmeShareMinor: 590,
      tenantShareMinor: 590,
    });
    const { hour, currency } = await getEndpointCost(setup.tenant, id, after(readyAt, 60));
    expect(currency).toBe(line.currency);
    expect(hour).toMatchObject({
      listMinor: box.listValueMinor,
      programmeMinor: box.programmeShareMinor,
      tenantMinor: box.tenantShareMinor,
    });
  });

  it("prices with the catalogue's price in force on the form, and on the page from the endpoint's next window, once it changes", async () => {
    const { setup, id, readyAt } = await runningEndpoint();
    const priceRise = after(readyAt, 30);
    await db.priceVersion.create({
      data: {
        resourceClassId: setup.resourceClassId,
        effectiveFrom: priceRise,
        currency: "EUR",
        minorPerUnitHour: 400,
      },
    });
    const now = after(readyAt, 60);
    const line = (await getWorkloadFormOptions(setup.tenant, now)).lines.find(
      (option) => option.allocationLineId === setup.allocationLineId,
    )!;
    // The award was valued at €2.95 an hour; usage from now on is billed at €4.00.
    expect(line.listPriceMinorPerHour).toBe(400);
    const box = priceQuantity(
      RUNNING_REPLICAS * RUNNING_UNITS * SECONDS_PER_UNIT_HOUR,
      line.listPriceMinorPerHour,
      line.subsidyRateBps,
      line.resourceClass.kind,
    );
    expect(box).toMatchObject({ listValueMinor: 1_600, programmeShareMinor: 800 });
    // The window it runs in opened before the rise and is billed at €2.95 (as Charges so far
    // prices it): the page says so, and that its next window costs the form's figure.
    const { endpoint, cost } = await bothPages(setup, id, now);
    expect(cost.hour).toMatchObject({ listMinor: 1_180, programmeMinor: 590, tenantMinor: 590 });
    expect(endpoint.list).toBe(
      priceQuantity(endpoint.unitSeconds, 295, 5_000, "GPU").listValueMinor,
    );
    expect(cost.nextWindow).toMatchObject({
      listMinor: box.listValueMinor,
      programmeMilliMinor: box.programmeShareMinor * 1_000,
      tenantMilliMinor: box.tenantShareMinor * 1_000,
    });
    expect(cost.nextWindow!.at.getTime()).toBeGreaterThanOrEqual(now.getTime());
    // Before the rise, the form said the old price.
    const before = (await getWorkloadFormOptions(setup.tenant, after(readyAt, 10))).lines.find(
      (option) => option.allocationLineId === setup.allocationLineId,
    )!;
    expect(before.listPriceMinorPerHour).toBe(295);
  });

  it("costs nothing an hour once it has failed or is deleted, whatever it was asked to run", async () => {
    const failed = await runningEndpoint();
    await failEndpoint(db, failed.ref, { reason: "ImagePullBackOff" });
    expect((await getEndpointCost(failed.setup.tenant, failed.id)).hour).toEqual({
      replicas: 0,
      listMinor: 0,
      programmeMinor: 0,
      tenantMinor: 0,
      programmeMilliMinor: 0,
      tenantMilliMinor: 0,
      idle: "NOT_RUNNING",
    });
    const deleted = await runningEndpoint();
    await deleteEndpoint(deleted.setup.tenant, deleted.setup.actor, { id: deleted.id });
    expect((await getEndpointCost(deleted.setup.tenant, deleted.id)).hour).toMatchObject({
      replicas: 0,
      listMinor: 0,
      idle: "NOT_RUNNING",
    });
  });

  it("agrees to the cent with Charges so far, while its window accrues and once it settles", async () => {
    const { setup, id, ref, readyAt } = await runningEndpoint();
    // Ten minutes accruing: 2,400 unit-seconds, €1.97 list, the programme 98 cents, the tenant 99.
    await observeReady(ref, after(readyAt, 540));
    const accruing = await bothPages(setup, id, after(readyAt, 600));
    expect(accruing.endpoint).toEqual({
      unitSeconds: 2_400,
      accruing: 2_400,
      list: 197,
      programme: 98,
      tenant: 99,
    });
    expect(accruing.endpoint).toEqual(accruing.billing);

    // The window renews (its time settles into a record) and a new one accrues beside it.
    const due = after(readyAt, 1_800);
    await observeReady(ref, after(readyAt, 1_740));
    expect((await renewEndpointHold(db, ref, due)).outcome).toBe("renewed");
    await observeReady(ref, after(due, 240));
    const later = await bothPages(setup, id, after(due, 300));
    expect(later.endpoint).toEqual({ ...later.billing, list: 688 });
    expect(later.endpoint.accruing).toBe(1_200);

    await scaleEndpointToZero(setup.tenant, setup.actor, { id }, after(due, 300));
    const settled = await bothPages(setup, id, after(due, 300));
    expect(settled.endpoint).toEqual({ ...later.endpoint, accruing: 0 });
    expect(settled.endpoint).toEqual(settled.billing);
  });

  it("is in the programme's not-yet-invoiced and the budget's spend while it accrues, as on Charges so far", async () => {
    const { setup, ref, readyAt } = await runningEndpoint();
    const { programmeId } = await db.allocation.findUniqueOrThrow({
      where: { id: setup.allocationId },
      select: { programmeId: true },
    });
    const now = after(readyAt, 600);
    await observeReady(ref, after(now, -60));
    const charges = await getCurrentCharges(setup.tenant, { sellerCountry: "DE", now });
    // Ten minutes accruing, nothing settled yet: the programme 98 cents, the tenant 99.
    expect(charges.lines.map((line) => [line.programmeMinor, line.tenantMinor])).toEqual([
      [98, 99],
    ]);
    const consumption = await loadProgrammeConsumption(db, programmeId, now);
    expect(consumption.uninvoicedMinor).toBe(98n);
    // On the burn-down it is today's.
    expect(consumption.daily).toEqual([{ day: now.toISOString().slice(0, 10), amountMinor: 98n }]);
    const spend = await getMonthSpend(db, {
      organizationId: setup.organizationId,
      sellerCountry: "DE",
      now,
    });
    expect(spend.spentMinor).toBe(99n);
  });

  it("shows the month only to roles that may read billing, and nothing to a stranger", async () => {
    const { setup, id, readyAt } = await runningEndpoint();
    const member = { ...setup.tenant, role: "MEMBER" as const };
    const seen = await getEndpointCost(member, id, after(readyAt, 60));
    expect(seen.month).toBeNull();
    expect(seen.hour.listMinor).toBe(1_180);

    const stranger = await createEndpointSetup(db);
    const strangerTenant = {
      ...stranger.tenant,
      db: tenantScoped(db, stranger.organizationId),
    };
    await expect(getEndpointCost(strangerTenant, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
