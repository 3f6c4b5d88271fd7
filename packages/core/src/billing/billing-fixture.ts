/**
 * Billing test data (tests and benchmarks only): an organisation with an award and a resource
 * class, and usage records written straight into the table the way metering writes them.
 */
import { randomBytes } from "node:crypto";
import { tenantScoped, type Database, type Invoice, type UsageSource } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import type { TenantAccess } from "../tenancy/tenant-access";
import { finaliseInvoice } from "./finalise-invoice";
import { createWorkloadSetup, type WorkloadSetup } from "../workloads/lifecycle/workload-fixture";

export interface BillingFixture extends WorkloadSetup {
  priceMinorPerHour: number;
}

/** The fixture's organisation as its owner reaches it. */
export function billingTenantOf(database: Database, fixture: BillingFixture): TenantAccess {
  return {
    organization: { id: fixture.organizationId, name: "Billing Lab" },
    role: "OWNER",
    db: tenantScoped(database, fixture.organizationId),
  };
}

/** An organisation (country DE unless told) whose award pays `subsidyRateBps` up to `subsidyMinor`. */
export async function createBillingFixture(
  database: Database,
  options: {
    subsidyMinor?: bigint;
    subsidyRateBps?: number;
    country?: string;
    timeZone?: string;
    listPriceMinorPerHour?: number;
  } = {},
): Promise<BillingFixture> {
  const setup = await createWorkloadSetup(database, {
    grantedUnitSeconds: 10n ** 12n,
    listPriceMinorPerHour: options.listPriceMinorPerHour,
  });
  await database.allocation.update({
    where: { id: setup.allocationId },
    data: {
      listValueMinor: options.subsidyMinor ?? 1_000_000n,
      tenantShareMinor: 0n,
      programmeShareMinor: options.subsidyMinor ?? 1_000_000n,
      subsidyRateBps: options.subsidyRateBps ?? 5_000,
    },
  });
  if (options.country) {
    await database.organization.update({
      where: { id: setup.organizationId },
      data: { country: options.country },
    });
  }
  await database.billingAccount.create({
    data: { organizationId: setup.organizationId, timeZone: options.timeZone ?? "Europe/Brussels" },
  });
  const resourceClass = await database.resourceClass.findUniqueOrThrow({
    where: { id: setup.resourceClassId },
  });
  return { ...setup, priceMinorPerHour: resourceClass.listPriceMinorPerHour };
}

/** A shared model's token tier (a TOKENS class) at €0.40 per million tokens. */
export function createTokenTier(database: Database, suffix: string) {
  return database.resourceClass.create({
    data: {
      code: `tokens-${suffix}`,
      name: `Shared chat model ${suffix}`,
      kind: "TOKENS",
      unit: "token",
      listPriceMinorPerHour: 40,
      currency: "EUR",
      powerDrawWatts: 0,
    },
  });
}

/** Writes usage records (one per entry) for the fixture's allocation line. */
export async function insertUsage(
  database: Database,
  fixture: WorkloadSetup,
  entries: { start: Date; unitSeconds: number; energyMilliWh?: number; source?: UsageSource }[],
): Promise<void> {
  await database.usageRecord.createMany({
    data: entries.map((entry) => ({
      organizationId: fixture.organizationId,
      source: entry.source ?? "SIM",
      sourceRef: `test:${randomBytes(8).toString("hex")}`,
      intervalStart: entry.start,
      intervalEnd: new Date(entry.start.getTime() + entry.unitSeconds * 1000),
      resourceClassId: fixture.resourceClassId,
      projectId: fixture.projectId,
      allocationLineId: fixture.allocationLineId,
      quantity: 1,
      unitSeconds: BigInt(entry.unitSeconds),
      energyMilliWh: BigInt(entry.energyMilliWh ?? 0),
      energyBasis: "ESTIMATED" as const,
    })),
  });
}

/** A fixture organisation with February 2026's invoice finalised over `unitSeconds` of usage. */
export async function createFinalisedInvoice(
  database: Database,
  options: { unitSeconds?: number } = {},
): Promise<{ fixture: BillingFixture; invoice: Invoice }> {
  const fixture = await createBillingFixture(database);
  await insertUsage(database, fixture, [
    { start: new Date("2026-02-03T10:00:00Z"), unitSeconds: options.unitSeconds ?? 3 * 3_600 },
  ]);
  const result = await finaliseInvoice(database, SYSTEM_ACTOR, {
    organizationId: fixture.organizationId,
    period: "2026-02",
    sellerCountry: "DE",
    now: new Date("2026-03-10T08:00:00Z"),
  });
  return { fixture, invoice: result!.invoice };
}
