import { afterAll, describe, expect, it } from "vitest";
import { db, type EnergyBasis, type UsageSource } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, uniqueSuffix } from "../../test-helpers";
import { createLaunchReadyTenant, submitInput, type LaunchReadyTenant } from "./fixtures";

afterAll(closeRateLimiter);

const START = new Date("2026-03-02T08:00:00Z");

/** A metered interval of a job, written as metering writes it. */
async function meter(
  tenant: LaunchReadyTenant,
  workloadId: string,
  record: {
    offsetSeconds: number;
    energyMilliWh: number;
    basis: EnergyBasis;
    source?: UsageSource;
    /** Another organisation's record naming this job. */
    organizationId?: string;
  },
) {
  const intervalStart = new Date(START.getTime() + record.offsetSeconds * 1000);
  await db.usageRecord.create({
    data: {
      organizationId: record.organizationId ?? tenant.org.id,
      source: record.source ?? "SLURM_ACCOUNTING",
      sourceRef: `test:${workloadId}:${uniqueSuffix()}`,
      intervalStart,
      intervalEnd: new Date(intervalStart.getTime() + 600_000),
      resourceClassId: tenant.resourceClass.id,
      workloadId,
      projectId: tenant.project.id,
      allocationLineId: tenant.line.id,
      quantity: 1,
      unitSeconds: 600n,
      energyMilliWh: BigInt(record.energyMilliWh),
      energyBasis: record.basis,
    },
  });
}

describe("a job's energy", () => {
  it("is the sum of its usage records with how it was known, on the list and on the job's page", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const caller = callerFor(tenant.owner);
    const submit = (name: string) => caller.workloads.submit(submitInput(tenant, { name }));
    const measured = await submit("Measured job");
    const mixed = await submit("Mixed job");
    const unmetered = await submit("Unmetered job");
    await meter(tenant, measured.id, {
      offsetSeconds: 0,
      energyMilliWh: 700_000,
      basis: "MEASURED",
    });
    await meter(tenant, measured.id, {
      offsetSeconds: 600,
      energyMilliWh: 650_500,
      basis: "MEASURED",
    });
    await meter(tenant, mixed.id, {
      offsetSeconds: 0,
      energyMilliWh: 1_000_000,
      basis: "MEASURED",
    });
    await meter(tenant, mixed.id, {
      offsetSeconds: 600,
      energyMilliWh: 116_667,
      basis: "ESTIMATED",
    });

    const page = await caller.workloads.list({ organizationId: tenant.org.id, limit: 10 });
    const energyOf = new Map(page.items.map((job) => [job.id, job.energy]));
    expect(energyOf.get(measured.id)).toEqual({ milliWh: 1_350_500, measured: true });
    expect(energyOf.get(mixed.id)).toEqual({ milliWh: 1_116_667, measured: false });
    // Nothing metered yet is not "0 Wh".
    expect(energyOf.get(unmetered.id)).toBeNull();

    const detail = await caller.workloads.get({
      organizationId: tenant.org.id,
      workloadId: mixed.id,
    });
    expect(detail.energy).toEqual({ milliWh: 1_116_667, measured: false });
  });

  it("never counts a record of another organisation, even one that names the job", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const other = await createLaunchReadyTenant({ unitHours: 10 });
    const job = await callerFor(tenant.owner).workloads.submit(submitInput(tenant));
    await meter(tenant, job.id, { offsetSeconds: 0, energyMilliWh: 2_000, basis: "ESTIMATED" });
    await meter(tenant, job.id, {
      offsetSeconds: 600,
      energyMilliWh: 9_000,
      basis: "MEASURED",
      organizationId: other.org.id,
    });
    const detail = await callerFor(tenant.owner).workloads.get({
      organizationId: tenant.org.id,
      workloadId: job.id,
    });
    expect(detail.energy).toEqual({ milliWh: 2_000, measured: false });
  });
});
