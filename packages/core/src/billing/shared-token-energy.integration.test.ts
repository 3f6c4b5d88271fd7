import { TEST_INVOICE_ISSUER } from "./invoice-issuer-fixture";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, rawTransaction, tenantScoped } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import {
  createEndpointSetup,
  deployTestEndpoint,
  type EndpointSetup,
} from "../endpoints/endpoint-fixture";
import type { TenantAccess } from "../tenancy/tenant-access";
import {
  createBillingFixture,
  createTokenTier,
  insertUsage,
  type BillingFixture,
} from "./billing-fixture";
import { energyPerThousandTokens } from "../gateway-usage/energy-per-thousand-tokens";
import { summariseGatewayUsage } from "../gateway-usage/summarise-gateway-usage";
import { accruingEndpointUsage, windowEnergyUpTo } from "./accruing-endpoint-usage";
import { sharedTierIntensities, tokenEnergyMilliWh } from "./estimate-shared-token-energy";
import { finaliseInvoice } from "./finalise-invoice";
import { getCurrentCharges } from "./get-current-charges";
import { getInvoiceDocument } from "./get-invoice";
import { getInvoiceDraft } from "./get-invoice-draft";
import { invoiceCsv } from "./invoice-csv";
import { lineEnergyText } from "./invoice-document";
import { after, observeReady, runningEndpoint } from "./running-endpoint-fixture";
import { sqlClientOf } from "./sql-client";
import { summariseUsage } from "./summarise-usage";

const JAN = new Date("2026-01-10T08:00:00Z");
const FEB = new Date("2026-02-10T08:00:00Z");
const HOUR_MS = 3_600_000;

function tenantOf(fixture: BillingFixture): TenantAccess {
  return {
    organization: { id: fixture.organizationId, name: "Token Lab" },
    role: "OWNER",
    db: tenantScoped(db, fixture.organizationId),
  };
}

/** A settled metering window of the platform's endpoint, [start, end), with measured energy. */
function meterWindow(
  platform: EndpointSetup,
  endpointId: string,
  start: Date,
  end: Date,
  energyMilliWh: bigint,
) {
  return db.usageRecord.create({
    data: {
      organizationId: platform.organizationId,
      source: "K8S_SAMPLER",
      sourceRef: endpointId,
      intervalStart: start,
      intervalEnd: end,
      resourceClassId: platform.resourceClassId,
      workloadId: endpointId,
      projectId: platform.projectId,
      allocationLineId: platform.allocationLineId,
      quantity: 1,
      unitSeconds: BigInt((end.getTime() - start.getTime()) / 1000),
      energyMilliWh,
      energyBasis: "MEASURED",
    },
  });
}

/**
 * A shared model sold as a token tier, its shared endpoint run by the platform's organisation and
 * metered by the sampler: by default one hour of 1.14 kWh in January (and a great deal in
 * February, which January's figures must not take); `sample` meters another hour.
 */
async function sharedTier(
  hours: readonly (readonly [Date, bigint])[] = [
    [JAN, 1_140_000n],
    [FEB, 99_000_000n],
  ],
) {
  const suffix = randomBytes(4).toString("hex");
  const tier = await createTokenTier(db, suffix);
  const platform = await createEndpointSetup(db);
  await db.model.update({
    where: { id: platform.modelId },
    data: { tokenResourceClassId: tier.id },
  });
  const endpoint = await deployTestEndpoint(platform, { name: "Shared chat" });
  await db.endpoint.update({ where: { workloadId: endpoint.id }, data: { shared: true } });
  const sample = (start: Date, energyMilliWh: bigint) =>
    meterWindow(platform, endpoint.id, start, new Date(start.getTime() + HOUR_MS), energyMilliWh);
  for (const [start, energyMilliWh] of hours) await sample(start, energyMilliWh);
  return { tier, modelName: platform.modelName, sample };
}

/** The platform's running endpoint (runningEndpoint), shared, its model sold as a token tier. */
async function runningSharedEndpoint() {
  const { setup: platform, id: endpointId, readyAt } = await runningEndpoint();
  const tier = await createTokenTier(db, randomBytes(4).toString("hex"));
  await db.model.update({
    where: { id: platform.modelId },
    data: { tokenResourceClassId: tier.id },
  });
  await db.endpoint.update({ where: { workloadId: endpointId }, data: { shared: true } });
  return { platform, endpointId, readyAt, tier };
}

/** Calls to the shared model, recorded as the gateway records them: tokens, no workload. */
function callShared(
  organizationId: string,
  tier: { id: string },
  model: string,
  at: Date,
  tokens: bigint,
  resourceClassId = tier.id,
) {
  return db.usageRecord.create({
    data: {
      organizationId,
      source: "GATEWAY_TOKENS",
      sourceRef: `req_${randomBytes(8).toString("hex")}`,
      intervalStart: at,
      intervalEnd: new Date(at.getTime() + 2_000),
      resourceClassId,
      projectId: null,
      allocationLineId: null,
      quantity: 0,
      unitSeconds: 0n,
      tokensIn: tokens / 2n,
      tokensOut: tokens - tokens / 2n,
      model,
      energyMilliWh: 0n,
      energyBasis: "ESTIMATED",
    },
  });
}

/** The organisation's invoice for `period`, finalised at `now`, and its stored lines. */
async function finalise(fixture: BillingFixture, period: string, now: Date) {
  const finalised = await finaliseInvoice(db, SYSTEM_ACTOR, {
    organizationId: fixture.organizationId,
    period,
    sellerCountry: "DE",
    now,
  });
  const { invoice } = finalised!;
  return { invoice, stored: await db.invoiceLine.findMany({ where: { invoiceId: invoice.id } }) };
}

describe("the energy of a shared model's tokens on invoices and usage", () => {
  it("is the tokens × the shared endpoints' average that month, the same on the draft, the usage page, the invoice, its PDF and CSV", async () => {
    const { tier, modelName } = await sharedTier();
    const fixture = await createBillingFixture(db);
    const other = await createBillingFixture(db);
    // January: 2 million tokens of this organisation's and 4 million of another's, 6 million in
    // all over 1.14 kWh — 0.19 Wh per 1,000 tokens, so this organisation's 2 million are 380 Wh.
    await callShared(fixture.organizationId, tier, modelName, JAN, 1_500_000n);
    await callShared(fixture.organizationId, tier, modelName, JAN, 500_000n);
    await callShared(other.organizationId, tier, modelName, JAN, 4_000_000n);
    // Compute keeps the energy it was metered with; tokens counted on a compute class (a
    // dedicated endpoint's) are not estimated again: the replicas' records carry their energy.
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: 3_600, energyMilliWh: 700_000 }]);
    await callShared(fixture.organizationId, tier, modelName, JAN, 1_000n, fixture.resourceClassId);

    const draft = await getInvoiceDraft(db, {
      organizationId: fixture.organizationId,
      sellerCountry: "DE",
      now: new Date(JAN.getTime() + 86_400_000),
    });
    const energyByClass = (lines: readonly { resourceClassId: string; energyMilliWh: bigint }[]) =>
      Object.fromEntries(lines.map((line) => [line.resourceClassId, line.energyMilliWh]));
    expect(energyByClass(draft.lines)).toEqual({
      [tier.id]: 380_000n,
      [fixture.resourceClassId]: 700_000n,
    });
    expect(draft.energyMilliWh).toBe(1_080_000n);

    const usage = await summariseUsage(
      tenantOf(fixture),
      { months: 1, now: new Date(JAN.getTime() + 86_400_000) },
      db,
    );
    expect(usage.byMonth.find((cell) => cell.resourceClassId === tier.id)).toMatchObject({
      period: "2026-01",
      tokens: 2_000_000,
      energyMilliWh: 380_000,
      energyMeasured: false,
    });
    expect(usage.byProject.find((cell) => cell.resourceClassId === tier.id)).toMatchObject({
      energyMilliWh: 380_000,
    });

    const { invoice, stored } = await finalise(
      fixture,
      "2026-01",
      new Date("2026-03-10T08:00:00Z"),
    );
    expect(energyByClass(stored)).toEqual(energyByClass(draft.lines));
    const storedTokensLine = stored.find((line) => line.resourceClassId === tier.id)!;
    expect(storedTokensLine.energyBasis).toBe("ESTIMATED");
    expect(storedTokensLine.description).toContain("380 Wh (estimated)");
    expect(invoice.energyMilliWh).toBe(1_080_000n);

    const document = await getInvoiceDocument(tenantOf(fixture), invoice.id, TEST_INVOICE_ISSUER);
    const tokensLine = document.lines.find((line) => line.resourceClassCode === tier.code)!;
    expect(lineEnergyText(tokensLine)).toBe(
      "approx. 380 Wh (estimated from the shared model's average)",
    );
    const [header, ...rows] = invoiceCsv(document).split("\r\n");
    // The last columns: energy_wh, energy_basis, currency (the description before them is quoted).
    expect(header!.split(",").slice(-3)).toEqual(["energy_wh", "energy_basis", "currency"]);
    const row = rows.find((line) => line.includes(`,${tier.code},`))!;
    expect(row.split(",").slice(-3)).toEqual(["380.000", "ESTIMATED", "EUR"]);
  });

  it("says the energy is not metered, never 0 Wh, when the shared endpoints reported none that month", async () => {
    const { tier, modelName } = await sharedTier();
    const fixture = await createBillingFixture(db);
    const MARCH = new Date("2026-03-05T08:00:00Z");
    await callShared(fixture.organizationId, tier, modelName, MARCH, 2_000_000n);
    const draft = await getInvoiceDraft(db, {
      organizationId: fixture.organizationId,
      sellerCountry: "DE",
      now: MARCH,
    });
    const line = draft.lines.find((candidate) => candidate.resourceClassId === tier.id)!;
    expect(line.energyMilliWh).toBe(0n);
    expect(
      lineEnergyText({
        resourceKind: "TOKENS",
        tokens: line.tokens,
        energyMilliWh: 0n,
        energyBasis: "ESTIMATED",
      }),
    ).toBe("energy not metered yet (the shared model's endpoints report none)");
  });
});

describe("the energy of a shared model's tokens counts only the shared endpoints' windows that served calls of it", () => {
  const APRIL = new Date("2026-04-14T10:00:00Z");
  const hour = (hours: number) => new Date(APRIL.getTime() + hours * HOUR_MS);

  /** The organisation's energy of the tier's tokens on the draft, and the usage page's average. */
  async function figures(fixture: BillingFixture, tier: { id: string }, model: string, now: Date) {
    const draft = await getInvoiceDraft(db, {
      organizationId: fixture.organizationId,
      sellerCountry: "DE",
      now,
    });
    const usage = await summariseGatewayUsage(tenantOf(fixture), { days: 7, now }, db);
    return {
      energyMilliWh: draft.lines.find((line) => line.resourceClassId === tier.id)?.energyMilliWh,
      perThousandMilliWh: usage.byModel.find((row) => row.model === model && row.shared)
        ?.energyPerThousandTokensMilliWh,
    };
  }

  it("does not grow while the shared endpoints idle after the caller's last call, on the draft, the usage page and the invoice", async () => {
    const { tier, modelName, sample } = await sharedTier([[hour(0), 600_000n]]);
    const fixture = await createBillingFixture(db);
    // A million tokens in the first hour, the only calls: 0.6 Wh per 1,000 tokens, 600 Wh.
    await callShared(fixture.organizationId, tier, modelName, after(hour(0), 900), 1_000_000n);
    const served = { energyMilliWh: 600_000n, perThousandMilliWh: 600 };
    expect(await figures(fixture, tier, modelName, hour(1.5))).toEqual(served);

    // Two more hours metered with as much energy each, and nobody calling: idle time, which
    // stays with the platform operator (all three hours would make it 1,800 Wh).
    await sample(hour(1), 600_000n);
    await sample(hour(2), 600_000n);
    expect(await figures(fixture, tier, modelName, hour(3.5))).toEqual(served);

    const { stored } = await finalise(fixture, "2026-04", new Date("2026-05-10T08:00:00Z"));
    expect(stored.find((line) => line.resourceClassId === tier.id)?.energyMilliWh).toBe(600_000n);
  });

  it("counts the two hours that served calls of the tier, whoever called, and not the idle hour between them", async () => {
    const { tier, modelName } = await sharedTier([
      [hour(0), 300_000n],
      [hour(1), 5_000_000n],
      [hour(2), 900_000n],
    ]);
    const another = await sharedTier([[hour(1), 1_000n]]);
    const fixture = await createBillingFixture(db);
    const other = await createBillingFixture(db);
    await callShared(fixture.organizationId, tier, modelName, after(hour(0), 1_200), 1_000_000n);
    // In the idle hour only another shared model is called: not a call of this tier.
    await callShared(other.organizationId, another.tier, another.modelName, hour(1.5), 10n);
    // The moment the idle hour ends is the third hour's (a window is [start, end)).
    await callShared(other.organizationId, tier, modelName, hour(2), 3_000_000n);
    // 1.2 kWh over 4 million tokens: 0.3 Wh per 1,000 tokens, 300 Wh of this organisation's
    // million (with the idle hour it would be 1.55 Wh and 1,550 Wh).
    expect(await figures(fixture, tier, modelName, hour(3.5))).toEqual({
      energyMilliWh: 300_000n,
      perThousandMilliWh: 300,
    });
  });

  it("leaves out an open window nobody has called in since it began, and counts it up to the last call, not yet settled, once someone has", async () => {
    const { platform, endpointId, readyAt, tier } = await runningSharedEndpoint();
    const { leaseStartedAt: began } = await db.endpoint.findUniqueOrThrow({
      where: { workloadId: endpointId },
    });
    // The window before the open one, settled, with the caller's call in it.
    const earlier = new Date(began!.getTime() - HOUR_MS / 2);
    await meterWindow(platform, endpointId, earlier, began!, 500_000n);
    const fixture = await createBillingFixture(db);
    await callShared(
      fixture.organizationId,
      tier,
      platform.modelName,
      after(earlier, 60),
      1_000_000n,
    );
    const now = after(readyAt, 600);
    const shared = async () =>
      (await summariseGatewayUsage(tenantOf(fixture), { days: 7, now }, db)).byModel;
    expect(await shared()).toEqual([
      expect.objectContaining({
        model: platform.modelName,
        energyPerThousandTokensMilliWh: 500,
        energyMeasured: true,
        energySettled: true,
      }),
    ]);

    // A call since the open window began: its energy up to that call counts, not yet settled.
    await callShared(fixture.organizationId, tier, platform.modelName, after(readyAt, 60), 1_000n);
    const [open] = await accruingEndpointUsage(
      db,
      {
        organizationId: platform.organizationId,
        period: "",
        bounds: { start: earlier, end: now },
        timeZone: "UTC",
      },
      now,
    );
    const upToCall = windowEnergyUpTo(open!, after(readyAt, 60));
    expect(upToCall).toBeGreaterThan(0n);
    expect(upToCall).toBeLessThan(open!.energyMilliWh);
    expect(await shared()).toEqual([
      expect.objectContaining({
        model: platform.modelName,
        energyPerThousandTokensMilliWh: energyPerThousandTokens(500_000n + upToCall, 1_001_000n),
        energyMeasured: false,
        energySettled: false,
      }),
    ]);
  });
});

describe("the energy of a shared model's tokens while its endpoint's window is open", () => {
  it("counts the open window up to its last call, on the usage page and Billing's draft alike, and says it is not yet settled", async () => {
    // The platform runs the shared endpoint: ten minutes so far, nothing settled yet.
    const { platform, readyAt, tier } = await runningSharedEndpoint();
    const now = after(readyAt, 600);
    const platformCharges = await getCurrentCharges(platform.tenant, { sellerCountry: "DE", now });
    expect(platformCharges.lines).toHaveLength(1);
    const [own] = platformCharges.lines;
    expect(own!.energySettled).toBe(false);
    expect(own!.energyMilliWh).toBeGreaterThan(0);
    const [window] = await accruingEndpointUsage(
      db,
      {
        organizationId: platform.organizationId,
        period: "",
        bounds: { start: new Date(readyAt.getTime() - HOUR_MS), end: now },
        timeZone: "UTC",
      },
      now,
    );
    expect(window!.energyMilliWh).toBe(BigInt(own!.energyMilliWh));
    const openMilliWh = windowEnergyUpTo(window!, after(readyAt, 60));

    // A tenant's 2,000 tokens are all the shared endpoint served: its energy per 1,000 tokens is
    // the open window's energy up to that call over them, rounded half up once.
    const fixture = await createBillingFixture(db);
    await callShared(fixture.organizationId, tier, platform.modelName, after(readyAt, 60), 2_000n);
    const perThousand = Number((openMilliWh * 2_000n + 2_000n) / (2_000n * 2n));
    const usage = await summariseGatewayUsage(tenantOf(fixture), { days: 7, now }, db);
    expect(usage.byModel).toEqual([
      expect.objectContaining({
        model: platform.modelName,
        shared: true,
        energyPerThousandTokensMilliWh: perThousand,
        energyMeasured: false,
        energySettled: false,
      }),
    ]);

    // Billing's token line: the tenant's tokens at that figure, marked as not yet settled.
    const charges = await getCurrentCharges(tenantOf(fixture), { sellerCountry: "DE", now });
    const line = charges.lines.find((candidate) => candidate.resourceClassCode === tier.code)!;
    expect(line.energyMilliWh).toBe(Number(tokenEnergyMilliWh(2_000n, perThousand)));
    expect(line.energySettled).toBe(false);

    // The invoice run counts settled records only, for shared endpoints as for its own.
    const settled = await getInvoiceDraft(db, {
      organizationId: fixture.organizationId,
      sellerCountry: "DE",
      now,
    });
    expect(settled.lines.find((candidate) => candidate.resourceClassId === tier.id)).toMatchObject({
      energyMilliWh: 0n,
    });
  });
});

describe("one estimate of a shared model's tokens' energy on every page", () => {
  /** The tier's Wh on Billing's charges so far, on Billing's usage by project, and the API keys usage page's figure. */
  async function pages(
    fixture: BillingFixture,
    tier: { id: string; code: string },
    model: string,
    now: Date,
  ) {
    const tenant = tenantOf(fixture);
    const charges = await getCurrentCharges(tenant, { sellerCountry: "DE", now });
    const line = charges.lines.find((candidate) => candidate.resourceClassCode === tier.code)!;
    const usage = await summariseUsage(tenant, { months: 1, now }, db);
    const project = usage.byProject.find((cell) => cell.resourceClassId === tier.id)!;
    const month = usage.byMonth.find((cell) => cell.resourceClassId === tier.id)!;
    const gateway = await summariseGatewayUsage(tenant, { days: 7, now }, db);
    const shared = gateway.byModel.find((row) => row.model === model && row.shared)!;
    const [charge] = gateway.payment.sharedModels.charges.filter(
      (candidate) => candidate.resourceClassId === tier.id,
    );
    return {
      charges: { energyMilliWh: line.energyMilliWh, settled: line.energySettled },
      byProject: { energyMilliWh: project.energyMilliWh, settled: project.energySettled },
      byMonth: { energyMilliWh: month.energyMilliWh, settled: month.energySettled },
      apiKeys: { energyMilliWh: charge!.energyMilliWh, settled: charge!.energySettled },
      // The page's energy per 1,000 tokens, × the tokens and rounded once as Billing does.
      apiKeysPerThousand: {
        energyMilliWh:
          shared.energyPerThousandTokensMilliWh === null
            ? 0
            : Number(
                tokenEnergyMilliWh(BigInt(project.tokens), shared.energyPerThousandTokensMilliWh),
              ),
        settled: shared.energySettled,
      },
      perThousandMilliWh: shared.energyPerThousandTokensMilliWh,
    };
  }

  it("gives the same Wh, not yet settled, on Billing's charges, Billing's usage by project and the API keys usage page while the shared endpoint's window is open", async () => {
    const { platform, readyAt, tier } = await runningSharedEndpoint();
    const fixture = await createBillingFixture(db);
    await callShared(fixture.organizationId, tier, platform.modelName, after(readyAt, 60), 100n);
    await callShared(fixture.organizationId, tier, platform.modelName, after(readyAt, 90), 48n);
    const figures = await pages(fixture, tier, platform.modelName, after(readyAt, 150));
    const same = { energyMilliWh: figures.charges.energyMilliWh, settled: false };
    expect(same.energyMilliWh).toBeGreaterThan(0);
    expect(figures).toMatchObject({
      charges: same,
      byProject: same,
      byMonth: same,
      apiKeys: same,
      apiKeysPerThousand: same,
    });
  });

  it("says 'not metered yet' on all three when the shared endpoints reported no energy", async () => {
    const { tier, modelName } = await sharedTier([]);
    const fixture = await createBillingFixture(db);
    await callShared(fixture.organizationId, tier, modelName, new Date(), 148n);
    const none = { energyMilliWh: 0, settled: true };
    expect(await pages(fixture, tier, modelName, after(new Date(), 60))).toEqual({
      charges: none,
      byProject: none,
      byMonth: none,
      apiKeys: none,
      apiKeysPerThousand: none,
      perThousandMilliWh: null,
    });
  });

  it("does not change while nobody calls as the open window runs on, and changes when someone calls", async () => {
    const { platform, endpointId, readyAt, tier } = await runningSharedEndpoint();
    const ref = { id: endpointId, organizationId: platform.organizationId };
    const fixture = await createBillingFixture(db);
    await callShared(fixture.organizationId, tier, platform.modelName, after(readyAt, 60), 148n);
    // The cluster keeps reporting the replicas ready: the window's energy so far keeps growing.
    await observeReady(ref, after(readyAt, 120));
    const early = await pages(fixture, tier, platform.modelName, after(readyAt, 150));
    await observeReady(ref, after(readyAt, 1_200));
    await observeReady(ref, after(readyAt, 1_500));
    const later = await pages(fixture, tier, platform.modelName, after(readyAt, 1_550));
    expect(early.perThousandMilliWh).not.toBeNull();
    expect(later).toEqual(early);

    // Someone calls (another organisation): the window's time up to that call joins the figure.
    const other = await createBillingFixture(db);
    await callShared(other.organizationId, tier, platform.modelName, after(readyAt, 1_520), 148n);
    const called = await pages(fixture, tier, platform.modelName, after(readyAt, 1_550));
    expect(called.perThousandMilliWh).toBeGreaterThan(early.perThousandMilliWh!);
    expect(called.charges.energyMilliWh).toBeGreaterThan(early.charges.energyMilliWh);
  });

  it("reads the same right after the call as minutes later, once the cluster has reported the replicas since", async () => {
    // The window began a few seconds before its replicas were ready (as when a call wakes it);
    // the call comes a minute after, and the page is read at once, before the next report.
    const { platform, endpointId, readyAt, tier } = await runningSharedEndpoint();
    const ref = { id: endpointId, organizationId: platform.organizationId };
    const fixture = await createBillingFixture(db);
    await callShared(fixture.organizationId, tier, platform.modelName, after(readyAt, 60), 74n);
    const atOnce = await pages(fixture, tier, platform.modelName, after(readyAt, 61));
    // The replicas' time from ready to the call: 2 replicas × 2 units × 60 s.
    const [window] = await accruingEndpointUsage(
      db,
      {
        organizationId: platform.organizationId,
        period: "",
        bounds: { start: new Date(readyAt.getTime() - HOUR_MS), end: after(readyAt, 61) },
        timeZone: "UTC",
      },
      after(readyAt, 61),
    );
    expect(window!.unitSeconds).toBeGreaterThanOrEqual(4n * 61n);
    const upToCall = windowEnergyUpTo(window!, after(readyAt, 60));
    expect(atOnce.perThousandMilliWh).toBe(energyPerThousandTokens(upToCall, 74n));
    expect(upToCall).toBe((BigInt(window!.powerDrawWatts) * 4n * 60n * 10n + 18n) / 36n);

    const aMinuteLater = await pages(fixture, tier, platform.modelName, after(readyAt, 100));
    await observeReady(ref, after(readyAt, 120));
    await observeReady(ref, after(readyAt, 180));
    const later = await pages(fixture, tier, platform.modelName, after(readyAt, 200));
    expect(aMinuteLater).toEqual(atOnce);
    expect(later).toEqual(atOnce);
  });
});

describe("the usage page's tables", () => {
  it("leave out a class that has only tokens counted on a compute class, with no time or energy yet", async () => {
    const fixture = await createBillingFixture(db);
    const now = new Date(JAN.getTime() + 86_400_000);
    // The gateway's records of tokens served by the organisation's own endpoint: no time.
    await callShared(
      fixture.organizationId,
      { id: "" },
      "own-model",
      JAN,
      5_000n,
      fixture.resourceClassId,
    );
    const classesOf = async () => {
      const usage = await summariseUsage(tenantOf(fixture), { months: 1, now }, db);
      return {
        classes: usage.resourceClasses.map((c) => c.id),
        byMonth: usage.byMonth.map((cell) => [cell.resourceClassId, cell.unitSeconds]),
        byProject: usage.byProject.map((cell) => [cell.resourceClassId, cell.unitSeconds]),
      };
    };
    expect(await classesOf()).toEqual({ classes: [], byMonth: [], byProject: [] });

    // Once the endpoint's time settles, the class shows with that time.
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: 1_800 }]);
    expect(await classesOf()).toEqual({
      classes: [fixture.resourceClassId],
      byMonth: [[fixture.resourceClassId, 1_800]],
      byProject: [[fixture.resourceClassId, 1_800]],
    });
  });
});

describe("the invoice run's estimate of several months", () => {
  it("hands its transaction's one connection a statement at a time", async () => {
    const { tier } = await sharedTier();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    let running = 0;
    let most = 0;
    try {
      const intensity = await rawTransaction(db, (statement) =>
        sharedTierIntensities(
          sqlClientOf(async (query) => {
            running += 1;
            most = Math.max(most, running);
            try {
              return await statement(query);
            } finally {
              running -= 1;
            }
          }),
          ["2026-01", "2026-02"].map((period) => ({
            resourceClassId: tier.id,
            period,
            timeZone: "UTC",
          })),
        ),
      );
      expect(
        intensity({ resourceClassId: tier.id, period: "2026-01", timeZone: "UTC" }),
      ).toBeNull();
    } finally {
      process.off("warning", onWarning);
    }
    expect(most).toBe(1);
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });
});
