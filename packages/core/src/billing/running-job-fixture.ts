/**
 * A running training job for billing tests: `quantity` units on an award whose programme pays
 * half, at €5.00 a unit-hour, in Brussels' billing time zone. Tests only: never import from app
 * code.
 */
import { db } from "@tessera/db";
import type { BackendJob } from "../compute/driver";
import { applyBackendObservation } from "../workloads/lifecycle/apply-backend-observation";
import { createTestWorkload } from "../workloads/lifecycle/workload-fixture";
import { createBillingFixture, type BillingFixture } from "./billing-fixture";

export async function runningJob(options: {
  fixture?: BillingFixture;
  quantity?: number;
  walltimeSeconds?: number;
  startedAt: Date;
}) {
  const fixture =
    options.fixture ?? (await createBillingFixture(db, { listPriceMinorPerHour: 500 }));
  const externalId = `job-${Math.random().toString(36).slice(2, 10)}`;
  const workload = await createTestWorkload(db, fixture, {
    quantity: options.quantity ?? 2,
    walltimeSeconds: options.walltimeSeconds ?? 86_400,
    status: "RUNNING",
    externalId,
    startedAt: options.startedAt,
  });
  const job = { ...workload, externalId, clusterId: fixture.clusterId };
  return { fixture, job };
}

/** The backend says the job completed at `endedAt`: its usage records are written. */
export function finishJob(
  job: { id: string; organizationId: string; externalId: string },
  startedAt: Date,
  endedAt: Date,
) {
  const observed: BackendJob = {
    externalId: job.externalId,
    workloadId: null,
    state: "COMPLETED",
    reason: null,
    submittedAt: startedAt,
    startedAt,
    endedAt,
    exitCode: 0,
    elapsedSeconds: Math.floor((endedAt.getTime() - startedAt.getTime()) / 1000),
  };
  return applyBackendObservation(db, job, observed, { now: endedAt });
}
