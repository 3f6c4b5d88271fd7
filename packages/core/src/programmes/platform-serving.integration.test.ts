import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { createBillingFixture, insertUsage } from "../billing/billing-fixture";
import { finaliseInvoice } from "../billing/finalise-invoice";
import { getProgrammeStatement } from "../billing/programme-statement";
import { createWorkloadSetup } from "../workloads/lifecycle/workload-fixture";
import { tellStory } from "../../scripts/demo-story";
import { applicationSteps, programmeSteps, PROGRAMMES } from "../../scripts/seed-programmes";
import { platformServingApplication } from "../../scripts/seed-shared-models";
import { loadProgrammeConsumption } from "./programme-consumption";

const HOUR = 3_600;
/** The seed runs on 1 February; February's usage is invoiced on 10 March. */
const SEEDED = Date.parse("2026-02-01T12:00:00Z");
const FEB_3 = new Date("2026-02-03T10:00:00Z");
const INVOICED_ON = new Date("2026-03-10T08:00:00Z");
const NOW = new Date("2026-03-20T12:00:00Z");
const NATIONAL = "National AI Compute Programme 2026";

async function user(label: string) {
  const suffix = randomBytes(5).toString("hex");
  return db.user.create({
    data: { name: `${label} ${suffix}`, email: `${label}-${suffix}@tessera.test` },
    select: { id: true, email: true },
  });
}

async function resourceClass(code: string, listPriceMinorPerHour: number) {
  return db.resourceClass.create({
    data: {
      code: `${code}-${randomBytes(5).toString("hex")}`,
      name: code,
      kind: code === "cpu-core" ? "CPU" : "GPU",
      unit: code === "cpu-core" ? "CPU core" : "GPU",
      listPriceMinorPerHour,
      currency: "EUR",
      powerDrawWatts: 0,
    },
  });
}

/**
 * The demo seed's national programme and the programme its platform serving award names (under
 * names of their own, so the test stands beside others), a tenant with a national award, and the
 * platform organisation's serving application told as the seed tells it, up to its approval.
 */
async function seededPlatformServing() {
  const suffix = randomBytes(5).toString("hex");
  const [programmeAdmin, operator, reviewer] = await Promise.all([
    user("programme-admin"),
    user("operator"),
    user("reviewer"),
  ]);
  // The platform organisation: a Belgian public body with a project and a billing account.
  const platform = await createWorkloadSetup(db);
  await db.organization.update({
    where: { id: platform.organizationId },
    data: { kind: "PUBLIC_BODY", country: "BE" },
  });
  await db.billingAccount.create({
    data: { organizationId: platform.organizationId, timeZone: "Europe/Brussels" },
  });
  const owner = await db.user.findUniqueOrThrow({
    where: { id: platform.userId },
    select: { id: true, email: true },
  });
  const application = platformServingApplication(owner);
  const seeds = PROGRAMMES.filter((p) => p.name === NATIONAL || p.name === application.programme);
  const created = new Map<string, string>();
  const l40s = await resourceClass("l40s-48gb", 119);
  const cpu = await resourceClass("cpu-core", 4);
  await tellStory(
    programmeSteps(
      db,
      { programmeAdmin, operator },
      SEEDED,
      created,
      seeds.map((seed) => ({ ...seed, name: `${seed.name} ${suffix}` })),
    ),
  );
  const programmes = new Map(
    seeds.map((seed) => [seed.name, created.get(`${seed.name} ${suffix}`)!]),
  );
  await tellStory(
    applicationSteps(db, {
      classIds: new Map([
        ["l40s-48gb", l40s.id],
        ["cpu-core", cpu.id],
      ]),
      organizations: new Map([[application.organization, { id: platform.organizationId }]]),
      programmes,
      programmeAdmin,
      reviewer,
      now: SEEDED,
      applications: [application],
    }),
  );
  const award = await db.allocation.findFirstOrThrow({
    where: { organizationId: platform.organizationId, programmeId: { not: platform.programmeId } },
    include: { lines: true },
  });
  // A tenant with an award of the national programme, as the seed's tenants have.
  const tenant = await createBillingFixture(db, {
    listPriceMinorPerHour: 119,
    subsidyRateBps: 7_000,
  });
  await db.allocation.update({
    where: { id: tenant.allocationId },
    data: { programmeId: programmes.get(NATIONAL)! },
  });
  return {
    nationalId: programmes.get(NATIONAL)!,
    operationsId: programmes.get(application.programme)!,
    platform,
    award,
    l40s,
    cpu,
    tenant,
  };
}

describe("the platform's shared endpoints' compute, as the demo seed awards it", () => {
  it("draws on no subsidy programme: the national programme counts tenants' usage only, and the platform owes nothing for serving", async () => {
    const { nationalId, operationsId, platform, award, l40s, cpu, tenant } =
      await seededPlatformServing();
    expect(operationsId).not.toBe(nationalId);
    expect(award.programmeId).toBe(operationsId);
    // The platform pays all of it; no tenant can apply (its only call closed before the seed ran).
    const operations = await db.programme.findUniqueOrThrow({
      where: { id: operationsId },
      include: { calls: true },
    });
    expect(operations.subsidyRateBps).toBe(10_000);
    expect(operations.calls.every((call) => call.closesAt.getTime() <= SEEDED)).toBe(true);
    // 5,000 h × €1.19 + 40,000 h × €0.04 = €7,550.00, all from the operating programme.
    expect(award.programmeShareMinor).toBe(755_000n);
    expect(award.tenantShareMinor).toBe(0n);
    const national = await db.programme.findUniqueOrThrow({ where: { id: nationalId } });
    expect(national.awardedMinor).toBe(0n);

    // February: the shared endpoints run 100 GPU-hours and 800 core-hours; the tenant 10 GPU-hours.
    const lineOf = (classId: string) => award.lines.find((l) => l.resourceClassId === classId)!;
    for (const [line, unitSeconds] of [
      [lineOf(l40s.id), 100 * HOUR],
      [lineOf(cpu.id), 800 * HOUR],
    ] as const) {
      await insertUsage(
        db,
        { ...platform, resourceClassId: line.resourceClassId, allocationLineId: line.id },
        [{ start: FEB_3, unitSeconds }],
      );
    }
    await insertUsage(db, tenant, [{ start: FEB_3, unitSeconds: 10 * HOUR }]);
    for (const organizationId of [platform.organizationId, tenant.organizationId]) {
      await finaliseInvoice(db, SYSTEM_ACTOR, {
        organizationId,
        period: "2026-02",
        sellerCountry: "BE",
        now: INVOICED_ON,
      });
    }

    // The national programme's statement and dashboard: the tenant's €11.90 × 70 % only.
    const statement = await getProgrammeStatement(db, {
      programmeId: nationalId,
      period: "2026-02",
    });
    expect(statement.organizations.map((o) => o.organizationId)).toEqual([tenant.organizationId]);
    expect(statement.programmeMinor).toBe(833n);
    const consumed = await loadProgrammeConsumption(db, nationalId, NOW, { daily: false });
    expect(consumed.totalMinor).toBe(833n);
    expect(consumed.uninvoicedMinor).toBe(0n);

    // The operating programme's statement: the serving compute at list price, all of it.
    const serving = await getProgrammeStatement(db, {
      programmeId: operationsId,
      period: "2026-02",
    });
    expect(serving.organizations.map((o) => o.organizationId)).toEqual([platform.organizationId]);
    // 100 h × €1.19 + 800 h × €0.04 = €151.00.
    expect(serving.listMinor).toBe(15_100n);
    expect(serving.programmeMinor).toBe(15_100n);

    // The platform's invoice for serving is all programme share: nothing due, no VAT.
    const invoice = await db.invoice.findFirstOrThrow({
      where: { organizationId: platform.organizationId, period: "2026-02" },
    });
    const payment = await db.invoicePayment.findUnique({ where: { invoiceId: invoice.id } });
    expect(invoice.tenantNetMinor).toBe(0n);
    expect(invoice.vatMinor).toBe(0n);
    expect(invoice.tenantTotalMinor).toBe(0n);
    expect(payment?.status).toBe("NOT_DUE");

    // Not de minimis aid: the platform is a public body that does not act economically.
    expect(
      await db.stateAidAward.count({ where: { organizationId: platform.organizationId } }),
    ).toBe(0);
  });
});
