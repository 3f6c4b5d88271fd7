/**
 * An allocation line to place holds on, written directly to the database (tests and benchmarks
 * only): organisation, project, programme, call, approved application, allocation and one line.
 */
import { randomBytes } from "node:crypto";
import type { Database } from "@tessera/db";

const DAY = 86_400_000;

export interface QuotaFixture {
  organizationId: string;
  programmeId: string;
  allocationId: string;
  allocationLineId: string;
  userId: string;
}

export async function createQuotaFixture(
  database: Database,
  options: {
    grantedUnitSeconds: bigint;
    validFrom?: Date;
    validTo?: Date;
    listPriceMinorPerHour?: number;
  },
): Promise<QuotaFixture> {
  const suffix = randomBytes(6).toString("hex");
  const now = Date.now();
  const user = await database.user.create({
    data: { name: `Quota ${suffix}`, email: `quota-${suffix}@tessera.test` },
  });
  const organization = await database.organization.create({
    data: {
      slug: `quota-${suffix}`,
      name: `Quota Lab ${suffix}`,
      kind: "ACADEMIC",
      country: "DE",
      registryId: `QUOTA-${suffix}`,
      contactName: "Quota",
      contactEmail: `quota-${suffix}@tessera.test`,
      status: "VERIFIED",
      createdById: user.id,
      memberships: { create: { userId: user.id, role: "OWNER" } },
      projects: { create: { slug: "quota", name: "Quota" } },
    },
    include: { projects: true },
  });
  const resourceClass = await database.resourceClass.create({
    data: {
      code: `quota-${suffix}`,
      name: `Quota GPU ${suffix}`,
      kind: "GPU",
      unit: "GPU",
      listPriceMinorPerHour: options.listPriceMinorPerHour ?? 295,
      currency: "EUR",
      powerDrawWatts: 700,
    },
  });
  const programme = await database.programme.create({
    data: {
      slug: `quota-${suffix}`,
      name: `Quota Programme ${suffix}`,
      sponsor: "Tests",
      description: "Quota fixture",
      currency: "EUR",
      budgetMinor: 1_000_000_000,
      subsidyRateBps: 5_000,
      orgCapMinor: 1_000_000_000,
      createdById: user.id,
      calls: {
        create: {
          name: "Call",
          opensAt: new Date(now - 10 * DAY),
          closesAt: new Date(now + 10 * DAY),
        },
      },
    },
    include: { calls: true },
  });
  const validFrom = options.validFrom ?? new Date(now - DAY);
  const validTo = options.validTo ?? new Date(now + 90 * DAY);
  const request = await database.allocationRequest.create({
    data: {
      organizationId: organization.id,
      projectId: organization.projects[0]!.id,
      programmeId: programme.id,
      callId: programme.calls[0]!.id,
      status: "APPROVED",
      title: "Quota fixture",
      abstract: "Quota fixture",
      justification: "Quota fixture",
      dataClassification: "INTERNAL",
      periodStart: validFrom,
      periodEnd: validTo,
      createdById: user.id,
    },
  });
  const allocation = await database.allocation.create({
    data: {
      organizationId: organization.id,
      programmeId: programme.id,
      requestId: request.id,
      validFrom,
      validTo,
      currency: "EUR",
      subsidyRateBps: 5_000,
      listValueMinor: 0,
      programmeShareMinor: 0,
      tenantShareMinor: 0,
      lines: {
        create: {
          resourceClassId: resourceClass.id,
          grantedUnitSeconds: options.grantedUnitSeconds,
          listPriceMinorPerHour: resourceClass.listPriceMinorPerHour,
        },
      },
    },
    include: { lines: true },
  });
  return {
    organizationId: organization.id,
    programmeId: programme.id,
    allocationId: allocation.id,
    allocationLineId: allocation.lines[0]!.id,
    userId: user.id,
  };
}
