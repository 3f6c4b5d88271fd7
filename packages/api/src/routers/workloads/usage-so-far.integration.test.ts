import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, failureOf } from "../../test-helpers";
import { createLaunchReadyTenant, submitInput } from "./fixtures";

afterAll(closeRateLimiter);

const HOUR_MS = 3_600_000;

/**
 * The cluster started the job two hours ago: with a one-hour walltime its time so far has reached
 * its hold, so it stays the same from one call to the next.
 */
function startRunning(workloadId: string) {
  return db.workload.update({
    where: { id: workloadId },
    data: {
      status: "RUNNING",
      startedAt: new Date(Date.now() - 2 * HOUR_MS),
      externalId: `sim-${workloadId}`,
    },
  });
}

describe("the jobs list's use and cost so far", () => {
  it("are the job page's figures, read once for the jobs on the page", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const caller = callerFor(tenant.owner);
    const organizationId = tenant.org.id;
    const submit = (name: string, quantity: number) =>
      caller.workloads.submit(submitInput(tenant, { name, quantity, walltimeSeconds: 3_600 }));
    const running = await submit("Running job", 2);
    const alsoRunning = await submit("Also running", 1);
    const waiting = await submit("Waiting job", 1);
    await startRunning(running.id);
    await startRunning(alsoRunning.id);

    const page = await caller.workloads.list({ organizationId, limit: 20 });
    const listed = await caller.workloads.usageSoFarOfJobs({
      organizationId,
      workloadIds: page.items.map((job) => job.id),
    });
    const byJob = new Map(
      listed.map(({ workloadId, computedAt: _, ...rest }) => [workloadId, rest]),
    );
    // A job that does not run has nothing so far: the list keeps saying what it holds.
    expect(byJob.has(waiting.id)).toBe(false);
    expect(byJob.size).toBe(2);
    for (const [name, job] of [
      ["running", running],
      ["also running", alsoRunning],
    ] as const) {
      const own = await caller.workloads.usageSoFar({ organizationId, workloadId: job.id });
      expect(own, name).not.toBeNull();
      const { computedAt: _, ...figures } = own!;
      expect(byJob.get(job.id), name).toEqual(figures);
    }
    // 2 GPUs × its one-hour walltime at €2.95 a GPU-hour.
    expect(byJob.get(running.id)).toMatchObject({
      unitSeconds: 7_200,
      cost: { currency: "EUR", listMinor: 590 },
    });
  });

  it("refuses a job of another organisation as not found, and a page too long", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const other = await createLaunchReadyTenant({ unitHours: 10 });
    const caller = callerFor(tenant.owner);
    const mine = await caller.workloads.submit(submitInput(tenant));
    const theirs = await callerFor(other.owner).workloads.submit(submitInput(other));
    const failure = await failureOf(
      caller.workloads.usageSoFarOfJobs({
        organizationId: tenant.org.id,
        workloadIds: [mine.id, theirs.id],
      }),
    );
    expect(failure.code).toBe("NOT_FOUND");
    const tooMany = await failureOf(
      caller.workloads.usageSoFarOfJobs({
        organizationId: tenant.org.id,
        workloadIds: Array.from({ length: 101 }, () => mine.id),
      }),
    );
    expect(tooMany).toMatchObject({ code: "BAD_REQUEST", message: "Ask for at most 100 jobs." });
  });
});
