import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, createTestUser, failureOf, type TestPrincipal } from "../../test-helpers";
import { createTestApplicant } from "../programmes/fixtures";
import {
  createLaunchReadyTenant,
  createTestServing,
  submitInput,
  type LaunchReadyTenant,
} from "../workloads/fixtures";

afterAll(closeRateLimiter);

const operator = () => createTestUser({ platformRoles: ["OPERATOR"] });

async function jobOf(tenant: LaunchReadyTenant, name: string, quantity: number, status: string) {
  const job = await callerFor(tenant.owner).workloads.submit(
    submitInput(tenant, { name, quantity }),
  );
  if (status !== "ACCEPTED") {
    await db.workload.update({
      where: { id: job.id },
      data: { status: status as "RUNNING" | "COMPLETED" },
    });
  }
  return job;
}

async function endpointOf(tenant: LaunchReadyTenant, name: string) {
  const { model, runtime } = await createTestServing();
  return callerFor(tenant.owner).endpoints.deploy({
    organizationId: tenant.org.id,
    projectId: tenant.project.id,
    allocationLineId: tenant.line.id,
    name,
    modelId: model.id,
    runtimeId: runtime.id,
    unitsPerReplica: 1,
    minReplicas: 0,
    maxReplicas: 2,
    replicas: 1,
    idleSecondsBeforeZero: null,
  });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * A GPU class at €2.95 with, on it: two running jobs (4 GPUs of one organisation, 3 of another),
 * an endpoint running 2 replicas of 1 GPU in a 10-minute lease window, and — not touched by a
 * price change now — a finished job, a deleted endpoint and a job waiting to run. The first job
 * started at €2.95; the price was then changed to €2.50, and the other job and the endpoint's
 * window started after that.
 */
async function busyClass() {
  const tenant = await createLaunchReadyTenant({ unitHours: 500, capacity: 64 });
  const speech = await jobOf(tenant, "Speech encoder pre-training", 4, "RUNNING");
  await jobOf(tenant, "Finished ablation", 8, "COMPLETED");
  await jobOf(tenant, "Queued sweep", 1, "ACCEPTED");
  const live = await endpointOf(tenant, "Chat assistant");
  await db.endpoint.update({
    where: { workloadId: live.id },
    data: { status: "READY", readyReplicas: 2 },
  });
  const gone = await endpointOf(tenant, "Retired assistant");
  await db.endpoint.update({
    where: { workloadId: gone.id },
    data: { status: "DELETED", readyReplicas: 0 },
  });
  // A second organisation running on the same class.
  const other = await createTestApplicant();
  const template = await db.workload.findFirstOrThrow({
    where: { organizationId: tenant.org.id, kind: "TRAINING_JOB" },
  });
  const folding = await db.workload.create({
    data: {
      organizationId: other.org.id,
      projectId: other.project.id,
      allocationLineId: template.allocationLineId,
      resourceClassId: template.resourceClassId,
      clusterId: template.clusterId,
      name: "Protein folding run",
      quantity: 3,
      walltimeSeconds: 600,
      spec: template.spec ?? {},
      status: "RUNNING",
      heldUnitSeconds: 0n,
      placement: template.placement ?? {},
      createdById: other.owner.id,
    },
  });
  // The first job starts at €2.95; then the price becomes €2.50; then the rest start.
  await db.workload.update({ where: { id: speech.id }, data: { startedAt: new Date() } });
  await tick();
  // The class's price follows its list price: a new version opens (a trigger) when it changes.
  await db.resourceClass.update({
    where: { id: tenant.resourceClass.id },
    data: { listPriceMinorPerHour: 250 },
  });
  await tick();
  await db.workload.update({ where: { id: folding.id }, data: { startedAt: new Date() } });
  await db.endpoint.update({
    where: { workloadId: live.id },
    data: { leaseStartedAt: new Date(), leaseSeconds: 600 },
  });
  return { tenant, other, resourceClass: tenant.resourceClass, endpointId: live.id };
}

const preview = (who: TestPrincipal, resourceClassId: string, listPriceMinorPerHour: number) =>
  callerFor(who).catalogue.resourceClasses.previewPriceChange({
    resourceClassId,
    listPriceMinorPerHour,
  });

/** A price change carrying its confirmation: against `priceVersionId`, at `confirmedPrice`. */
const confirmedUpdate = (
  who: TestPrincipal,
  resourceClassId: string,
  listPriceMinorPerHour: number,
  confirmation: { priceVersionId: string; confirmedPrice?: number; deliberate?: boolean },
) =>
  callerFor(who).catalogue.resourceClasses.update({
    resourceClassId,
    listPriceMinorPerHour,
    priceConfirmation: {
      priceVersionId: confirmation.priceVersionId,
      toPriceMinor: confirmation.confirmedPrice ?? listPriceMinorPerHour,
      deliberate: confirmation.deliberate,
    },
  });

async function priceState(resourceClassId: string) {
  const [resourceClass, versions, audit] = await Promise.all([
    db.resourceClass.findUniqueOrThrow({ where: { id: resourceClassId } }),
    db.priceVersion.count({ where: { resourceClassId } }),
    db.auditEvent.count({ where: { targetId: resourceClassId } }),
  ]);
  return { price: resourceClass.listPriceMinorPerHour, versions, audit };
}

describe("previewing a price change", () => {
  it("counts the running jobs and live endpoints on the class, whose they are, and prices each as billing will: a running job keeps its price, an endpoint moves at its next lease window", async () => {
    const { resourceClass, endpointId } = await busyClass();
    const op = await operator();
    const seen = await preview(op, resourceClass.id, 590);
    const latest = await db.priceVersion.findFirstOrThrow({
      where: { resourceClassId: resourceClass.id },
      orderBy: { effectiveFrom: "desc" },
    });
    const endpoint = await db.endpoint.findUniqueOrThrow({ where: { workloadId: endpointId } });
    // Its hold is renewed (a new window, a new usage record) once half its window has passed.
    const renews = new Date(endpoint.leaseStartedAt!.getTime() + 300_000);
    const [next] = await db.$queryRaw<{ nextMonth: Date }[]>`
      SELECT ((date_trunc('month', now() AT TIME ZONE 'Europe/Brussels') + interval '1 month')
               AT TIME ZONE 'Europe/Brussels') AS "nextMonth"`;
    const nextMonth = next!.nextMonth;
    expect(seen).toMatchObject({
      priceVersionId: latest.id,
      fromPriceMinor: 250,
      toPriceMinor: 590,
      pricedUnit: "GPU-hour",
      takesEffect: "IMMEDIATELY",
      step: null,
      runningJobs: 2,
      liveEndpoints: 1,
      waitingJobs: 1,
      organisations: 2,
      unitsNow: 9,
      // An hour of the 9 GPUs (thousandths of a cent): now 4 × €2.95 + 3 × €2.50 + 2 × €2.50 =
      // €24.30; once the endpoint has renewed, 4 × €2.95 + 3 × €2.50 + 2 × €5.90 = €31.10.
      hour: { fromMilliMinor: 2_430_000, toMilliMinor: 3_110_000 },
      endpointsRenewedBy: renews,
    });
    expect(
      seen.workloads.map((w) => [
        w.name,
        w.kind,
        w.unitsNow,
        w.replicasNow,
        w.priceNowMinor,
        w.hour,
        w.newPriceFrom,
      ]),
    ).toEqual([
      // Started at €2.95: billed at it until it ends or its next billing month starts.
      [
        "Speech encoder pre-training",
        "TRAINING_JOB",
        4,
        null,
        295,
        { fromMilliMinor: 1_180_000, toMilliMinor: 2_360_000 },
        nextMonth,
      ],
      [
        "Protein folding run",
        "TRAINING_JOB",
        3,
        null,
        250,
        { fromMilliMinor: 750_000, toMilliMinor: 1_770_000 },
        nextMonth,
      ],
      [
        "Chat assistant",
        "INFERENCE_ENDPOINT",
        2,
        2,
        250,
        { fromMilliMinor: 500_000, toMilliMinor: 1_180_000 },
        renews,
      ],
    ]);
    expect(new Set(seen.workloads.map((w) => w.organisationName)).size).toBe(2);
    // When each job's walltime stops it at the latest (a job ending before its next billing month
    // never moves to the new price); an endpoint has none.
    const ends = await db.workload.findMany({
      where: { id: { in: seen.workloads.map((w) => w.id) } },
      select: { id: true, kind: true, startedAt: true, walltimeSeconds: true },
    });
    for (const workload of seen.workloads) {
      const row = ends.find((w) => w.id === workload.id)!;
      expect(workload.walltimeEndsAt).toEqual(
        row.kind === "TRAINING_JOB" && row.startedAt
          ? new Date(row.startedAt.getTime() + row.walltimeSeconds * 1000)
          : null,
      );
    }
    expect(seen.workloads.filter((w) => w.walltimeEndsAt !== null)).toHaveLength(2);
  });

  it("asks for the deliberate step for free and for ten times or more, and says nothing runs on an idle class", async () => {
    const tenant = await createLaunchReadyTenant();
    const op = await operator();
    const free = await preview(op, tenant.resourceClass.id, 0);
    expect(free).toMatchObject({ step: "TO_FREE", runningJobs: 0, liveEndpoints: 0 });
    expect(free.workloads).toEqual([]);
    expect((await preview(op, tenant.resourceClass.id, 2_950)).step).toBe("LARGE_CHANGE");
    expect(free.endpointsRenewedBy).toBeNull();
    expect((await preview(op, tenant.resourceClass.id, 300)).step).toBeNull();
    const same = await failureOf(preview(op, tenant.resourceClass.id, 295));
    expect(same.code).toBe("BAD_REQUEST");
    expect(same.message).toBe("That is the price already: there is no change to review.");
  });

  it("is refused to anyone without the operator's role — a tenant running on the class included — and says not found for an unknown class", async () => {
    const { tenant, resourceClass } = await busyClass();
    for (const who of [
      tenant.owner,
      await createTestUser(),
      await createTestUser({ platformRoles: ["PROGRAM_ADMIN"] }),
    ]) {
      expect((await failureOf(preview(who, resourceClass.id, 590))).code).toBe("FORBIDDEN");
    }
    expect(
      (
        await failureOf(
          callerFor(null).catalogue.resourceClasses.previewPriceChange({
            resourceClassId: resourceClass.id,
            listPriceMinorPerHour: 590,
          }),
        )
      ).code,
    ).toBe("UNAUTHORIZED");
    expect((await failureOf(preview(await operator(), "no-such-class", 590))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("saving a price change", () => {
  it("refuses one without the confirmation, and changes nothing", async () => {
    const { resourceClass } = await busyClass();
    const op = callerFor(await operator());
    const before = await priceState(resourceClass.id);
    const refused = await failureOf(
      op.catalogue.resourceClasses.update({
        resourceClassId: resourceClass.id,
        listPriceMinorPerHour: 310,
      }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("review what it touches and confirm it first");
    expect(await priceState(resourceClass.id)).toEqual(before);
  });

  it("saves other fields with no confirmation, and a confirmed price change at once", async () => {
    const tenant = await createLaunchReadyTenant();
    const id = tenant.resourceClass.id;
    const who = await operator();
    const op = callerFor(who);
    const renamed = await op.catalogue.resourceClasses.update({
      resourceClassId: id,
      name: "NVIDIA H100 SXM",
      listPriceMinorPerHour: 295,
      powerDrawWatts: 650,
    });
    expect(renamed).toMatchObject({ name: "NVIDIA H100 SXM", powerDrawWatts: 650 });
    const { priceVersionId } = await preview(who, id, 310);
    const repriced = await confirmedUpdate(who, id, 310, { priceVersionId });
    expect(repriced.listPriceMinorPerHour).toBe(310);
    const versions = await db.priceVersion.findMany({
      where: { resourceClassId: id },
      orderBy: { effectiveFrom: "asc" },
    });
    expect(versions.map((v) => v.minorPerUnitHour)).toEqual([295, 310]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "resource_class.price_changed" },
      orderBy: { id: "desc" },
    });
    expect(audit.data).toMatchObject({
      changes: { listPriceMinorPerHour: { from: 295, to: 310 } },
      priceConfirmedAgainst: priceVersionId,
    });
  });

  it("refuses a change confirmed against a price someone else has changed since, and one at another price than confirmed", async () => {
    const tenant = await createLaunchReadyTenant();
    const id = tenant.resourceClass.id;
    const [omar, colleague] = [await operator(), await operator()];
    const opened = await preview(omar, id, 320);
    const theirs = await preview(colleague, id, 300);
    await confirmedUpdate(colleague, id, 300, theirs);
    const before = await priceState(id);
    const stale = await failureOf(confirmedUpdate(omar, id, 320, opened));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("changed by someone else since you opened this");
    expect(stale.message).toContain("€3.00");
    expect(await priceState(id)).toEqual(before);

    const fresh = await preview(omar, id, 320);
    const other = await failureOf(
      confirmedUpdate(omar, id, 350, { ...fresh, confirmedPrice: 320 }),
    );
    expect(other.code).toBe("PRECONDITION_FAILED");
    expect(await priceState(id)).toEqual(before);
  });

  it("lets only one of two changes confirmed against the same price through", async () => {
    const tenant = await createLaunchReadyTenant();
    const id = tenant.resourceClass.id;
    const [a, b] = [await operator(), await operator()];
    const { priceVersionId } = await preview(a, id, 310);
    const outcomes = await Promise.allSettled([
      confirmedUpdate(a, id, 310, { priceVersionId }),
      confirmedUpdate(b, id, 320, { priceVersionId }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.priceVersion.count({ where: { resourceClassId: id } })).toBe(2);
  });

  it("makes a class free, or changes it ten times over, only with the deliberate step", async () => {
    const { resourceClass } = await busyClass();
    const id = resourceClass.id;
    const who = await operator();
    const before = await priceState(id);
    const toFree = await preview(who, id, 0);
    const refused = await failureOf(confirmedUpdate(who, id, 0, toFree));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain(
      "jobs that start and endpoint lease windows that open on it from now are billed nothing",
    );
    const tenTimes = await failureOf(
      confirmedUpdate(who, id, 2_950, { ...(await preview(who, id, 2_950)), deliberate: false }),
    );
    expect(tenTimes.code).toBe("PRECONDITION_FAILED");
    expect(tenTimes.message).toContain("ten times or more");
    expect(await priceState(id)).toEqual(before);

    const free = await confirmedUpdate(who, id, 0, { ...toFree, deliberate: true });
    expect(free.listPriceMinorPerHour).toBe(0);
    const latest = await db.priceVersion.findFirstOrThrow({
      where: { resourceClassId: id },
      orderBy: { effectiveFrom: "desc" },
    });
    expect(latest.minorPerUnitHour).toBe(0);

    // Charging again from free asks for the box too, in its own words, not as "ten times or more".
    const again = await preview(who, id, 295);
    expect(again.step).toBe("FROM_FREE");
    const unticked = await failureOf(confirmedUpdate(who, id, 295, again));
    expect(unticked.code).toBe("PRECONDITION_FAILED");
    expect(unticked.message).toBe(
      `This makes ${resourceClass.name} charge again (€2.95 per GPU-hour from €0.00 per GPU-hour): jobs that start and endpoint lease windows that open on it from now are billed. Tick the box that says so to confirm. Nothing was changed.`,
    );
    expect(
      (await confirmedUpdate(who, id, 295, { ...again, deliberate: true })).listPriceMinorPerHour,
    ).toBe(295);
  });

  it("is billed as the preview says: a running job keeps the price it started at, an endpoint's window opened after the change pays the new one", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 500, capacity: 64 });
    const id = tenant.resourceClass.id;
    const job = await jobOf(tenant, "Speech encoder pre-training", 4, "RUNNING");
    const now = Date.now();
    // Started an hour ago at €2.95 and still reported by the backend.
    await db.workload.update({
      where: { id: job.id },
      data: {
        startedAt: new Date(now - 3_600_000),
        externalId: `job-${job.id}`,
        heldUnitSeconds: 4n * 7_200n,
        lastObservedAt: new Date(now),
      },
    });
    const live = await endpointOf(tenant, "Chat assistant");
    const who = await operator();
    const seen = await preview(who, id, 590);
    expect(seen.workloads.find((w) => w.id === job.id)?.priceNowMinor).toBe(295);
    await confirmedUpdate(who, id, 590, seen);
    await tick();
    // The endpoint's next window opens after the change: one replica-hour of 1 GPU counted in it.
    await db.endpoint.update({
      where: { workloadId: live.id },
      data: {
        status: "READY",
        readyReplicas: 1,
        leaseStartedAt: new Date(),
        lastObservedAt: new Date(),
        observedUnitSeconds: 3_600n,
      },
    });
    await db.workload.update({ where: { id: live.id }, data: { heldUnitSeconds: 36_000n } });
    const charges = await callerFor(tenant.owner).billing.current({
      organizationId: tenant.org.id,
    });
    const windowOf = (workloadId: string) =>
      charges.accruingWindows.find((window) => window.workloadId === workloadId);
    // The job's hour of 4 GPUs (and the seconds of the test) at €2.95, not €5.90; the endpoint's
    // GPU-hour at €5.90. Within a cent either way: the few seconds the test takes accrue as well.
    expect(windowOf(job.id)?.listMinor).toBe(1_180);
    expect(windowOf(live.id)?.listMinor).toBe(590);
  });
});
