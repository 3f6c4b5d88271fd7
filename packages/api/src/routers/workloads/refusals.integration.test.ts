import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, failureOf } from "../../test-helpers";
import { createLaunchReadyTenant, createTestCluster, submitInput } from "./fixtures";

describe("a job's refusals, in the person's units and in the right order", () => {
  it("says the quota shortfall first, in the preview's own figures, even when no cluster could run it either", async () => {
    // 10 GPU-hours granted; the only cluster has 8 GPUs. 16 GPUs for an hour fits neither.
    const tenant = await createLaunchReadyTenant({ unitHours: 10, capacity: 8 });
    const caller = callerFor(tenant.owner);
    const shape = { quantity: 16, walltimeSeconds: 3_600 };
    const preview = await caller.workloads.preview({
      organizationId: tenant.org.id,
      projectId: tenant.project.id,
      allocationLineId: tenant.line.id,
      ...shape,
    });
    expect(preview.fits).toBe(false);
    const refusal = await failureOf(caller.workloads.submit(submitInput(tenant, shape)));
    expect(refusal.code).toBe("PRECONDITION_FAILED");
    expect(refusal.message).toBe(
      "Not enough quota left on this allocation: this needs 16 GPU-hours and 10 GPU-hours remain, 6 GPU-hours short.",
    );
    expect(preview.shortfallMessage).toBe(refusal.message);
    expect(await db.workload.count({ where: { organizationId: tenant.org.id } })).toBe(0);
  });

  it("agrees to the digit on awkward amounts", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 1 });
    const caller = callerFor(tenant.owner);
    // 7 GPUs for 17 minutes = 1.983 GPU-hours against 1 granted.
    const shape = { quantity: 7, walltimeSeconds: 17 * 60 };
    const preview = await caller.workloads.preview({
      organizationId: tenant.org.id,
      projectId: tenant.project.id,
      allocationLineId: tenant.line.id,
      ...shape,
    });
    const refusal = await failureOf(caller.workloads.submit(submitInput(tenant, shape)));
    expect(refusal.message).toBe(
      "Not enough quota left on this allocation: this needs 1.983 GPU-hours and 1 GPU-hour remain, 0.983 GPU-hours short.",
    );
    expect(preview.shortfallMessage).toBe(refusal.message);
  });

  it("says a time limit in minutes and days, not seconds", async () => {
    const tenant = await createLaunchReadyTenant();
    const caller = callerFor(tenant.owner);
    const tooLong = await failureOf(
      caller.workloads.submit(submitInput(tenant, { walltimeSeconds: 8 * 86_400 })),
    );
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toContain("Time limit must be at most 7 days.");
    expect(tooLong.message).not.toMatch(/seconds|604800/);
    const tooShort = await failureOf(
      caller.workloads.submit(submitInput(tenant, { walltimeSeconds: 30 })),
    );
    expect(tooShort.message).toContain("Time limit must be at least 1 minute.");
  });

  it("refuses an own script whose #SBATCH lines contradict the form's GPUs or time", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100 });
    const caller = callerFor(tenant.owner);
    const withScript = (script: string) => ({
      ...submitInput(tenant, { quantity: 2, walltimeSeconds: 3_600 }),
      source: { type: "script" as const, script },
    });
    const gpus = await failureOf(
      caller.workloads.submit(withScript("#!/bin/bash\n#SBATCH --gres=gpu:4\npython train.py\n")),
    );
    expect(gpus.code).toBe("BAD_REQUEST");
    expect(gpus.message).toContain(
      'Your script\'s line "#SBATCH --gres=gpu:4" asks for 4 GPUs, but the form asks for 2.',
    );
    const time = await failureOf(
      caller.workloads.submit(withScript("#!/bin/bash\n#SBATCH --time=2-00:00:00\necho\n")),
    );
    expect(time.message).toContain("asks for 2 days, but the form's time limit is 1 hour.");
    expect(await db.workload.count({ where: { organizationId: tenant.org.id } })).toBe(0);
    const agreeing = await caller.workloads.submit(
      withScript("#!/bin/bash\n#SBATCH --gres=gpu:2\n#SBATCH --time=01:00:00\necho\n"),
    );
    expect(agreeing.id).toBeTruthy();
  });
});

describe("a job's number of units, in the chosen class's unit", () => {
  it("refuses too many CPU cores in CPU cores, the same sentence in the preview and at submit, and writes nothing", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100_000, capacity: 256 });
    await db.resourceClass.update({
      where: { id: tenant.resourceClass.id },
      data: { kind: "CPU", unit: "CPU core" },
    });
    const caller = callerFor(tenant.owner);
    const shape = { quantity: 1000, walltimeSeconds: 3_600 };
    const preview = await failureOf(
      caller.workloads.preview({
        organizationId: tenant.org.id,
        projectId: tenant.project.id,
        allocationLineId: tenant.line.id,
        ...shape,
      }),
    );
    const refusal = await failureOf(caller.workloads.submit(submitInput(tenant, shape)));
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.message).toBe("You can use at most 64 CPU cores in one job.");
    expect(preview.message).toBe(refusal.message);
    expect(refusal.message).not.toMatch(/GPU/);
    const none = await failureOf(caller.workloads.submit(submitInput(tenant, { quantity: 0 })));
    expect(none.message).toBe("Enter the number of CPU cores as a whole number from 1 to 64.");
    expect(await db.workload.count({ where: { organizationId: tenant.org.id } })).toBe(0);
  });

  it("says GPUs for a GPU class", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100_000, capacity: 128 });
    const refusal = await failureOf(
      callerFor(tenant.owner).workloads.submit(submitInput(tenant, { quantity: 65 })),
    );
    expect(refusal.message).toBe("You can use at most 64 GPUs in one job.");
  });
});

describe("the clusters a job's page says were considered", () => {
  it("leaves the retired clusters out of the candidates and counts them", async () => {
    const tenant = await createLaunchReadyTenant();
    const retired = await createTestCluster(tenant.resourceClass.id, {
      capacity: 512,
      active: false,
    });
    const caller = callerFor(tenant.owner);
    const job = await caller.workloads.submit(submitInput(tenant));
    const detail = await caller.workloads.get({
      organizationId: tenant.org.id,
      workloadId: job.id,
    });
    const placement = detail.placement!;
    const codes = placement.candidates.map((c) => c.clusterCode);
    expect(codes).toContain(tenant.cluster.code);
    expect(codes).not.toContain(retired.code);
    expect(placement.candidates.some((c) => c.why.includes("retired"))).toBe(false);
    expect(placement.retiredClusters).toBeGreaterThanOrEqual(1);
    // The decision kept with the job still names it, for the audit.
    const stored = await db.workload.findUniqueOrThrow({ where: { id: job.id } });
    const kept = (stored.placement as { candidates: { clusterCode: string; why: string }[] })
      .candidates;
    expect(kept.find((c) => c.clusterCode === retired.code)?.why).toBe(
      "is retired: it takes no new work",
    );
  });
});

describe("a country code refused by name", () => {
  it("names the code it refused", async () => {
    const tenant = await createLaunchReadyTenant();
    const failure = await failureOf(
      callerFor(tenant.owner).projects.create({
        organizationId: tenant.org.id,
        name: "Residency check",
        classification: "INTERNAL",
        residency: "XQ",
      }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.message).toContain('"XQ" is not a country code or EU');
  });
});
