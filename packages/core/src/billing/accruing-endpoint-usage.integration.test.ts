import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { deployTestEndpoint, type EndpointSetup } from "../endpoints/endpoint-fixture";
import { recordEndpointApplied } from "../endpoints/lifecycle/record-endpoint-applied";
import { renewEndpointHold } from "../endpoints/lifecycle/renew-endpoint-hold";
import { scaleEndpointToZero } from "../endpoints/scale-endpoint";
import { UNSEEN_ACCRUAL_SECONDS } from "../workloads/lifecycle/record-workloads-seen";
import { getCurrentCharges } from "./get-current-charges";
import { getInvoiceDraft } from "./get-invoice-draft";
import {
  after,
  observeReady as observe,
  RUNNING_REPLICAS,
  RUNNING_UNITS,
  runningEndpoint,
} from "./running-endpoint-fixture";

const SELLER = "DE";

async function charges(setup: EndpointSetup, now: Date) {
  const view = await getCurrentCharges(setup.tenant, { sellerCountry: SELLER, now });
  return {
    lines: view.lines.map((line) => ({
      unitSeconds: line.unitSeconds,
      accruing: line.accruingUnitSeconds,
      list: line.listMinor,
      programme: line.programmeMinor,
      tenant: line.tenantMinor,
      energy: line.energyMilliWh,
    })),
    total: view.tenantTotalMinor,
    accruing: view.accruingUnitSeconds,
  };
}

describe("charges so far this month: endpoints' open windows", () => {
  it("shows an endpoint's accruing time at once, and the same total once its window settles", async () => {
    const { setup, id, ref, readyAt } = await runningEndpoint();
    const ten = after(readyAt, 600);
    await observe(ref, after(readyAt, 540));
    // Ten minutes of 2 replicas × 2 GPUs: 2,400 unit-seconds, at €2.95 an hour, half paid by the
    // programme: €1.9667 → 197 cents, the programme 98 (half to even of 98.5), the tenant 99.
    const accruing = await charges(setup, ten);
    expect(accruing.lines).toEqual([
      {
        unitSeconds: 2_400,
        accruing: 2_400,
        list: 197,
        programme: 98,
        tenant: 99,
        energy: 466_667,
      },
    ]);
    expect(accruing.accruing).toBe(2_400);

    // Scaling to zero settles the window at that instant into a usage record: the same figures,
    // now settled (X, not 2X).
    await scaleEndpointToZero(setup.tenant, setup.actor, { id }, ten);
    const settled = await charges(setup, ten);
    expect(settled.lines).toEqual([{ ...accruing.lines[0], accruing: 0 }]);
    expect(settled.total).toBe(accruing.total);
    expect(settled.accruing).toBe(0);
    // …and they are what the invoice will bill.
    const invoice = await getInvoiceDraft(db, {
      organizationId: setup.organizationId,
      sellerCountry: SELLER,
      now: ten,
    });
    expect(invoice.lines.map((line) => [line.unitSeconds, line.listMinor])).toEqual([
      [2_400n, 197n],
    ]);
    expect(invoice.tenantTotalMinor).toBe(BigInt(settled.total));
    // Its description writes the quantity exact as priced, as the pages and the CSV do.
    expect(invoice.lines[0]!.description).toContain(": 0.667 GPU-hours, 467 Wh (estimated)");
  });

  it("counts a renewed window's settled part once and its new window from the renewal on", async () => {
    const { setup, ref, readyAt } = await runningEndpoint();
    const due = after(readyAt, 1_800);
    await observe(ref, after(readyAt, 1_740));
    const before = await charges(setup, due);
    expect(before.lines.map((line) => [line.unitSeconds, line.accruing])).toEqual([[7_200, 7_200]]);

    expect((await renewEndpointHold(db, ref, due)).outcome).toBe("renewed");
    const renewed = await charges(setup, due);
    expect(renewed.lines).toEqual([{ ...before.lines[0], accruing: 0 }]);
    expect(renewed.total).toBe(before.total);

    // Five minutes into the new window: its time is added into the same line, priced once.
    await observe(ref, after(due, 240));
    const later = await charges(setup, after(due, 300));
    expect(later.lines.map((line) => [line.unitSeconds, line.accruing, line.list])).toEqual([
      // 8,400 unit-seconds at €2.95 an hour: €6.883 → 688 cents.
      [8_400, 1_200, 688],
    ]);
  });

  it("leaves the open windows out of what other readers of the draft count", async () => {
    const { setup, readyAt } = await runningEndpoint();
    const draft = await getInvoiceDraft(db, {
      organizationId: setup.organizationId,
      sellerCountry: SELLER,
      now: after(readyAt, 600),
    });
    expect(draft.lines).toEqual([]);
  });

  it("lists each open window priced on its own, within a cent a row of what it adds to the line", async () => {
    const { setup, ref, readyAt } = await runningEndpoint();
    // The first endpoint's window settles at the half hour and a new one accrues (1,200 s).
    const due = after(readyAt, 1_800);
    await observe(ref, after(readyAt, 1_740));
    expect((await renewEndpointHold(db, ref, due)).outcome).toBe("renewed");
    await observe(ref, after(due, 240));
    // A second endpoint on the same line, 410 seconds into its first window.
    const { id: secondId } = await deployTestEndpoint(setup, {
      name: "Second endpoint",
      replicas: 2,
      unitsPerReplica: 2,
    });
    const second = { id: secondId, organizationId: setup.organizationId };
    await recordEndpointApplied(db, second, {
      externalId: `t-x/ep-${secondId}`,
      clusterCode: setup.clusterCode,
    });
    const now = after(due, 300);
    await observe(second, after(now, -410));
    await observe(second, after(now, -60));

    const view = await getCurrentCharges(setup.tenant, { sellerCountry: SELLER, now });
    const settledOnly = await getInvoiceDraft(db, {
      organizationId: setup.organizationId,
      sellerCountry: SELLER,
      now,
    });
    expect(view.lines).toHaveLength(1);
    const line = view.lines[0]!;
    const windows = [...view.accruingWindows].sort((a, b) => a.unitSeconds - b.unitSeconds);
    const sum = (amount: (window: (typeof windows)[number]) => number) =>
      windows.reduce((total, window) => total + amount(window), 0);
    // The same time as Billing's line says is accruing.
    expect(sum((window) => window.unitSeconds)).toBe(line.accruingUnitSeconds);
    expect(line.unitSeconds).toBe(7_200 + 1_200 + 1_640);
    // Each row is its own time × €2.95 an hour, rounded once, then half of that for the
    // programme, rounded half to even: 1,200 s → 98.33… → 98 (49 + 49); 1,640 s → 134.39… → 134
    // (67 + 67).
    expect(
      windows.map((window) => [
        window.workloadName,
        window.unitSeconds,
        window.listMinor,
        window.programmeMinor,
        window.tenantMinor,
      ]),
    ).toEqual([
      ["Test endpoint", 1_200, 98, 49, 49],
      ["Second endpoint", 1_640, 134, 67, 67],
    ]);
    // The line is rated once on its whole quantity: 10,040 s → 822.72… → 823 (programme 411.5 →
    // 412), the settled 7,200 s → 590 (295). So the rows add one cent less than the line gains;
    // never more than a cent a row.
    expect(Number(settledOnly.listMinor)).toBe(590);
    expect([view.listMinor, view.programmeMinor, view.tenantNetMinor]).toEqual([823, 412, 411]);
    expect(sum((window) => window.listMinor) + Number(settledOnly.listMinor)).toBe(822);
    expect(
      Math.abs(
        view.programmeMinor - Number(settledOnly.programmeMinor) - sum((w) => w.programmeMinor),
      ),
    ).toBeLessThanOrEqual(windows.length);
  });

  /**
   * The draft at twenty minutes, then the window settled there by a scale to zero: what each
   * counted, and the usage record the settlement wrote.
   */
  async function draftThenSettled(reportUntil: number) {
    const { setup, id, ref, readyAt } = await runningEndpoint();
    for (let second = 60; second <= reportUntil; second += 60) {
      await observe(ref, after(readyAt, second));
    }
    const twenty = after(readyAt, 1_200);
    const draft = await charges(setup, twenty);
    await scaleEndpointToZero(setup.tenant, setup.actor, { id }, twenty);
    const record = await db.usageRecord.findFirstOrThrow({
      where: { workloadId: id, source: "K8S_SAMPLER" },
    });
    return { draft: draft.accruing, settled: Number(record.unitSeconds) };
  }

  const perSecond = RUNNING_REPLICAS * RUNNING_UNITS;

  it("stops an endpoint accruing soon after its cluster stops reporting it, in the draft and in what settles", async () => {
    // Reported for its first minute, then silent: counted to 3 minutes past that, not to its hold.
    const silent = await draftThenSettled(60);
    expect(silent).toEqual({
      draft: perSecond * (60 + UNSEEN_ACCRUAL_SECONDS),
      settled: perSecond * (60 + UNSEEN_ACCRUAL_SECONDS),
    });
  });

  it("counts an endpoint whose cluster keeps reporting it up to now, in the draft and in what settles", async () => {
    const reported = await draftThenSettled(1_140);
    expect(reported).toEqual({ draft: perSecond * 1_200, settled: perSecond * 1_200 });
  });
});
