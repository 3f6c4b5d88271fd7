import { afterAll, describe, expect, it } from "vitest";
import {
  AUDIT_CHAIN_LINE,
  previewPriceChange,
  SYSTEM_ACTOR,
  updateResourceClass,
  verifyAuditChain,
} from "@tessera/core";
import { db, Prisma, rawQuery } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import {
  callerFor,
  createTestMember,
  failureOf,
  httpErrorOf,
  uniqueSuffix,
} from "../../test-helpers";
import { createTestApplicant } from "../programmes/fixtures";
import { awardClasses, createTestCluster, createLaunchReadyTenant, submitInput } from "./fixtures";

afterAll(closeRateLimiter);

/** What the job form sends to preview a job of the tenant's line. */
function previewShape(
  tenant: Awaited<ReturnType<typeof createLaunchReadyTenant>>,
  quantity: number,
  walltimeSeconds: number,
) {
  return {
    organizationId: tenant.org.id,
    projectId: tenant.project.id,
    allocationLineId: tenant.line.id,
    quantity,
    walltimeSeconds,
  };
}

async function writtenFor(organizationId: string) {
  const [workloads, holds, events, outbox, line] = await Promise.all([
    db.workload.count({ where: { organizationId } }),
    db.quotaHold.count({ where: { organizationId } }),
    db.workloadEvent.count({ where: { organizationId } }),
    db.outboxEvent.count(),
    db.allocationLine.findFirstOrThrow({
      where: { allocation: { organizationId } },
      select: { heldUnitSeconds: true, consumedUnitSeconds: true },
    }),
  ]);
  return { workloads, holds, events, outbox, line };
}

describe("workloads.submit", () => {
  it("writes the job, its hold, its first timeline entry, the audit event and the outbox event at once", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const caller = callerFor(tenant.owner);
    const job = await caller.workloads.submit(
      submitInput(tenant, { quantity: 2, walltimeSeconds: 3600 }),
    );
    expect(job.status).toBe("ACCEPTED");

    const workload = await db.workload.findUniqueOrThrow({ where: { id: job.id } });
    expect(workload.clusterId).toBe(tenant.cluster.id);
    expect(workload.heldUnitSeconds).toBe(7200n);
    const hold = await db.quotaHold.findUniqueOrThrow({ where: { id: workload.holdId! } });
    expect(hold).toMatchObject({
      status: "ACTIVE",
      unitSeconds: 7200n,
      reference: `workload:${job.id}`,
    });
    const line = await db.allocationLine.findUniqueOrThrow({ where: { id: tenant.line.id } });
    expect(line.heldUnitSeconds).toBe(7200n);
    const outbox = await db.outboxEvent.findMany({ where: { aggregateId: job.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      type: "workload.launch",
      payload: { workloadId: job.id },
      dispatchedAt: null,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: job.id, action: "workload.submitted" },
    });
    expect(audit.data).toMatchObject({ cluster: tenant.cluster.code, heldUnitSeconds: 7200 });
    expect((audit.data as { placementReason: string }).placementReason).toMatch(
      /no residency requirement/,
    );

    const detail = await caller.workloads.get({
      organizationId: tenant.org.id,
      workloadId: job.id,
    });
    expect(detail.events.map((e) => e.status)).toEqual(["ACCEPTED"]);
    expect(detail.cancellable).toBe(true);
    expect(detail.placement?.chosen?.clusterCode).toBe(tenant.cluster.code);
  });

  it("refuses a job beyond the allocation with the shortfall, and writes nothing", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const before = await writtenFor(tenant.org.id);
    // 8 GPUs for 2 hours = 16 GPU-hours > 10 granted.
    const failure = await failureOf(
      callerFor(tenant.owner).workloads.submit(
        submitInput(tenant, { quantity: 8, walltimeSeconds: 7200 }),
      ),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toBe(
      "Not enough quota left on this allocation: this needs 16 GPU-hours and 10 GPU-hours remain, 6 GPU-hours short.",
    );
    expect(await writtenFor(tenant.org.id)).toEqual(before);
  });

  it("does not find another organisation's project or allocation line, and writes nothing", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const stranger = await createLaunchReadyTenant({ unitHours: 10 });
    const before = await writtenFor(tenant.org.id);
    const strangerBefore = await writtenFor(stranger.org.id);
    const caller = callerFor(tenant.owner);
    const project = await failureOf(
      caller.workloads.submit({ ...submitInput(tenant), projectId: stranger.project.id }),
    );
    expect(project.code).toBe("NOT_FOUND");
    const line = await failureOf(
      caller.workloads.submit({ ...submitInput(tenant), allocationLineId: stranger.line.id }),
    );
    expect(line.code).toBe("NOT_FOUND");
    const preview = await failureOf(
      caller.workloads.preview({
        organizationId: tenant.org.id,
        projectId: tenant.project.id,
        allocationLineId: stranger.line.id,
        quantity: 1,
        walltimeSeconds: 3600,
      }),
    );
    expect(preview.code).toBe("NOT_FOUND");
    expect(await writtenFor(tenant.org.id)).toEqual(before);
    expect(await writtenFor(stranger.org.id)).toEqual(strangerBefore);
  });

  it("admits exactly the jobs that fit when many are submitted at once", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 4, capacity: 64 });
    const caller = callerFor(tenant.owner);
    // Each holds 1 GPU-hour: four fit.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        caller.workloads.submit(submitInput(tenant, { walltimeSeconds: 3600, name: `Sweep ${i}` })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    const line = await db.allocationLine.findUniqueOrThrow({ where: { id: tenant.line.id } });
    expect(line.heldUnitSeconds).toBe(4n * 3600n);
    expect(await db.workload.count({ where: { organizationId: tenant.org.id } })).toBe(4);
    expect(
      await db.outboxEvent.count({
        where: {
          type: "workload.launch",
          aggregateId: {
            in: (
              await db.workload.findMany({
                where: { organizationId: tenant.org.id },
                select: { id: true },
              })
            ).map((w) => w.id),
          },
        },
      }),
    ).toBe(4);
  });

  it("writes submits that queue behind one another in one statement, admitting in order only what fits", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 5, capacity: 64 });
    const caller = callerFor(tenant.owner);
    // The chain's line is busy for a second: every submit below reaches it meanwhile and queues.
    const busy = rawQuery(db, Prisma.sql`SELECT pg_sleep(1)::text`, AUDIT_CHAIN_LINE);
    const hours = [1, 1, 4, 1, 1, 1];
    const results = await Promise.allSettled(
      hours.map((h, i) =>
        caller.workloads.submit(
          submitInput(tenant, { walltimeSeconds: h * 3600, name: `Queued ${i}` }),
        ),
      ),
    );
    await busy;
    const admitted = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    const refusals = results.flatMap((r, i) => (r.status === "rejected" ? [{ i, r }] : []));
    // Whatever order they queued in, the first two fit together: one statement wrote both.
    const writers = await db.$queryRaw<{ xmin: string; n: bigint }[]>`
      SELECT xmin::text, count(*) AS n FROM "Workload" WHERE "id" = ANY(${admitted}::text[])
       GROUP BY xmin::text ORDER BY n DESC`;
    expect(Number(writers[0]!.n)).toBeGreaterThanOrEqual(2);
    const line = await db.allocationLine.findUniqueOrThrow({ where: { id: tenant.line.id } });
    const holds = await db.quotaHold.findMany({ where: { allocationLineId: tenant.line.id } });
    expect(holds).toHaveLength(admitted.length);
    expect(line.heldUnitSeconds).toBe(holds.reduce((sum, hold) => sum + hold.unitSeconds, 0n));
    expect(line.heldUnitSeconds).toBeLessThanOrEqual(line.grantedUnitSeconds);
    const remaining = line.grantedUnitSeconds - line.heldUnitSeconds;
    for (const { i, r } of refusals) {
      expect((r.reason as { message: string }).message).toMatch(/^Not enough quota left/);
      // Nothing was refused that would still have fit.
      expect(BigInt(hours[i]! * 3600)).toBeGreaterThan(remaining);
    }
    expect(refusals.length).toBeGreaterThan(0);
    const audited = await db.auditEvent.findMany({
      where: { action: "workload.submitted", targetId: { in: admitted } },
    });
    expect(audited.map((event) => event.targetId).sort()).toEqual([...admitted].sort());
    expect(await db.outboxEvent.count({ where: { aggregateId: { in: admitted } } })).toBe(
      admitted.length,
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("lands a job only where the project's data may go, and says why not otherwise", async () => {
    const tenant = await createLaunchReadyTenant();
    await db.project.update({ where: { id: tenant.project.id }, data: { residency: "FR" } });
    const caller = callerFor(tenant.owner);
    const refused = await failureOf(caller.workloads.submit(submitInput(tenant)));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("is in DE; the project's data must stay in FR");
    // What to do next, said beside the project field: it is the project that stops it.
    expect(refused.message).toContain("ask the platform operator for a cluster in FR.");
    const sent = await httpErrorOf(
      tenant.owner,
      "workloads.submit",
      "mutation",
      submitInput(tenant),
    );
    expect(sent.fieldErrors).toEqual({ projectId: [refused.message] });

    const paris = await createTestCluster(tenant.resourceClass.id, {
      jurisdiction: "FR",
      capacity: 2,
    });
    const preview = await caller.workloads.preview({
      organizationId: tenant.org.id,
      projectId: tenant.project.id,
      allocationLineId: tenant.line.id,
      quantity: 1,
      walltimeSeconds: 600,
    });
    expect(preview.placement?.clusterId).toBe(paris.id);
    expect(preview).toMatchObject({
      holdUnitSeconds: 600,
      remainingUnitSeconds: 36_000,
      remainingAfterUnitSeconds: 35_400,
      fits: true,
    });
    const job = await caller.workloads.submit(submitInput(tenant));
    const workload = await db.workload.findUniqueOrThrow({ where: { id: job.id } });
    expect(workload.clusterId).toBe(paris.id);
  });

  it("prices the hold at the class's price in force now, not the price the award was granted at", async () => {
    const tenant = await createLaunchReadyTenant();
    const caller = callerFor(tenant.owner);
    const shape = previewShape(tenant, 2, 3_600);
    const before = await caller.workloads.preview(shape);
    expect(before.cost).toMatchObject({
      listPriceMinorPerHour: 295,
      subsidyRateBps: 7_000,
      listValueMinor: 590,
      programmeShareMinor: 413,
      tenantShareMinor: 177,
    });
    // The operator raises the price as the catalogue does: a new price version opens now.
    const { priceVersionId } = await previewPriceChange(db, {
      resourceClassId: tenant.resourceClass.id,
      listPriceMinorPerHour: 350,
    });
    await updateResourceClass(db, SYSTEM_ACTOR, {
      resourceClassId: tenant.resourceClass.id,
      listPriceMinorPerHour: 350,
      priceConfirmation: { priceVersionId, toPriceMinor: 350 },
    });
    const after = await caller.workloads.preview(shape);
    expect(after.cost).toMatchObject({
      currency: "EUR",
      listPriceMinorPerHour: 350,
      listValueMinor: 700,
      // The split is the award's rate, as before, applied to the new worth.
      subsidyRateBps: 7_000,
      programmeShareMinor: 490,
      tenantShareMinor: 210,
    });
    // The award keeps the price it was granted at.
    const line = await db.allocationLine.findUniqueOrThrow({ where: { id: tenant.line.id } });
    expect(line.listPriceMinorPerHour).toBe(295);
  });

  it("prefers the eligible cluster with the most free units", async () => {
    const tenant = await createLaunchReadyTenant({ capacity: 2 });
    const bigger = await createTestCluster(tenant.resourceClass.id, { capacity: 6 });
    const caller = callerFor(tenant.owner);
    const first = await caller.workloads.submit(
      submitInput(tenant, { quantity: 2, walltimeSeconds: 600 }),
    );
    expect((await db.workload.findUniqueOrThrow({ where: { id: first.id } })).clusterId).toBe(
      bigger.id,
    );
  });

  it("says how many units are free on the chosen cluster, fewer than the job asks for meaning it waits", async () => {
    const tenant = await createLaunchReadyTenant({ capacity: 2 });
    const caller = callerFor(tenant.owner);
    const shape = previewShape(tenant, 2, 600);
    expect((await caller.workloads.preview(shape)).placement).toMatchObject({
      free: 2,
      wanted: 2,
    });
    await caller.workloads.submit(submitInput(tenant, { quantity: 1, walltimeSeconds: 600 }));
    expect((await caller.workloads.preview(shape)).placement).toMatchObject({
      free: 1,
      wanted: 2,
    });
  });

  it("renders a template with the image and command, and refuses bad sources", async () => {
    const tenant = await createLaunchReadyTenant();
    const template = await db.jobTemplate.create({
      data: {
        code: `ddp-${tenant.org.id}`,
        name: "PyTorch DDP",
        description: "Distributed data parallel",
        kind: "PYTORCH_DDP",
        script:
          "#!/bin/bash\nsrun --container-image={{image}} torchrun --nproc-per-node={{gpus}} {{command}}\n",
        defaultImage: "registry.tessera.test/pytorch:24.10",
      },
    });
    const caller = callerFor(tenant.owner);
    const job = await caller.workloads.submit({
      ...submitInput(tenant, { quantity: 2 }),
      source: { type: "template", templateId: template.id, command: "train.py --epochs 3" },
    });
    const workload = await db.workload.findUniqueOrThrow({ where: { id: job.id } });
    expect((workload.spec as { script: string }).script).toBe(
      "#!/bin/bash\nsrun --container-image='registry.tessera.test/pytorch:24.10' torchrun --nproc-per-node=2 train.py --epochs 3\n",
    );

    const noShebang = await failureOf(
      caller.workloads.submit({
        ...submitInput(tenant),
        source: { type: "script", script: "echo hi" },
      }),
    );
    expect(noShebang).toEqual({
      code: "BAD_REQUEST",
      message: "The script must start with an interpreter line such as #!/bin/bash.",
    });
    const badImage = await failureOf(
      caller.workloads.submit({
        ...submitInput(tenant),
        source: {
          type: "template",
          templateId: template.id,
          image: "bad image; rm -rf /",
          command: "x",
        },
      }),
    );
    expect(badImage.code).toBe("BAD_REQUEST");
    expect(badImage.message).toMatch(/is not a container image reference/);
  });

  it("lets viewers look but not launch, and refuses organisations that are not verified", async () => {
    const tenant = await createLaunchReadyTenant();
    const { user: viewer } = await createTestMember(tenant.org.id, "VIEWER");
    const forbidden = await failureOf(callerFor(viewer).workloads.submit(submitInput(tenant)));
    expect(forbidden.code).toBe("FORBIDDEN");
    await db.organization.update({ where: { id: tenant.org.id }, data: { status: "SUSPENDED" } });
    const suspended = await failureOf(
      callerFor(tenant.owner).workloads.submit(submitInput(tenant)),
    );
    expect(suspended.code).toBe("PRECONDITION_FAILED");
    expect(suspended.message).toMatch(/must be verified/);
  });
});

describe("workloads.cancel", () => {
  it("records the request with an outbox event once, and refuses a job that has ended", async () => {
    const tenant = await createLaunchReadyTenant();
    const caller = callerFor(tenant.owner);
    const job = await caller.workloads.submit(submitInput(tenant));
    const first = await caller.workloads.cancel({
      organizationId: tenant.org.id,
      workloadId: job.id,
    });
    expect(first.cancelRequestedAt).toBeInstanceOf(Date);
    const again = await caller.workloads.cancel({
      organizationId: tenant.org.id,
      workloadId: job.id,
    });
    expect(again.cancelRequestedAt?.getTime()).toBe(first.cancelRequestedAt?.getTime());
    expect(
      await db.outboxEvent.count({ where: { aggregateId: job.id, type: "workload.cancel" } }),
    ).toBe(1);
    const detail = await caller.workloads.get({
      organizationId: tenant.org.id,
      workloadId: job.id,
    });
    expect(detail.cancellable).toBe(false);
    // The timeline names the person as the portal does elsewhere, not by their address.
    const owner = await db.user.findUniqueOrThrow({ where: { id: tenant.owner.id } });
    const requested = await db.workloadEvent.findFirstOrThrow({
      where: { workloadId: job.id, reason: "CancelRequested" },
    });
    expect(requested.message).toBe(`Cancellation requested by ${owner.name}.`);
    // Dated as the job stores the request, so the page and its timeline tell one time.
    expect(requested.createdAt).toEqual(first.cancelRequestedAt);

    const ended = await caller.workloads.submit(submitInput(tenant, { name: "Finished run" }));
    await db.workload.update({ where: { id: ended.id }, data: { status: "COMPLETED" } });
    const failure = await failureOf(
      caller.workloads.cancel({ organizationId: tenant.org.id, workloadId: ended.id }),
    );
    expect(failure).toEqual({
      code: "PRECONDITION_FAILED",
      message: "This job has already ended (completed); there is nothing to cancel.",
    });
  });
});

describe("workloads.list and formOptions", () => {
  it("filters active and finished jobs and offers only allocations valid now", async () => {
    const tenant = await createLaunchReadyTenant();
    const caller = callerFor(tenant.owner);
    const running = await caller.workloads.submit(submitInput(tenant, { name: "Still going" }));
    const done = await caller.workloads.submit(submitInput(tenant, { name: "All done" }));
    await db.workload.update({ where: { id: done.id }, data: { status: "FAILED" } });
    const active = await caller.workloads.list({ organizationId: tenant.org.id, filter: "active" });
    expect(active.items.map((w) => w.id)).toEqual([running.id]);
    const finished = await caller.workloads.list({
      organizationId: tenant.org.id,
      filter: "finished",
    });
    expect(finished.items.map((w) => [w.id, w.terminal])).toEqual([[done.id, true]]);
    const all = await caller.workloads.list({ organizationId: tenant.org.id });
    expect(all.items).toHaveLength(2);

    const options = await caller.workloads.formOptions({ organizationId: tenant.org.id });
    expect(options.lines).toHaveLength(1);
    expect(options.lines[0]).toMatchObject({
      allocationLineId: tenant.line.id,
      grantedUnitSeconds: 36_000,
      heldUnitSeconds: 1_200,
      remainingUnitSeconds: 34_800,
    });
    await db.allocation.update({
      where: { id: tenant.allocationId },
      data: { validTo: new Date(Date.now() - 1000) },
    });
    expect((await caller.workloads.formOptions({ organizationId: tenant.org.id })).lines).toEqual(
      [],
    );
  });
});

describe("formOptions: the order of the allocation lines", () => {
  it("is by programme, then class name, whatever order the lines were written in", async () => {
    const applicant = await createTestApplicant({ country: "DE" });
    const suffix = uniqueSuffix();
    // Written in the order a page must not follow: the later programme first, and within each
    // award the later class name first.
    await awardClasses(applicant, `Zeta programme ${suffix}`, [
      "NVIDIA H100 test",
      "CPU core test",
    ]);
    await awardClasses(applicant, `Alpha programme ${suffix}`, [
      "NVIDIA H100 test",
      "CPU core test",
    ]);
    const options = await callerFor(applicant.owner).workloads.formOptions({
      organizationId: applicant.org.id,
    });
    expect(options.lines.map((line) => [line.programmeName, line.resourceClass.name])).toEqual([
      [`Alpha programme ${suffix}`, "CPU core test"],
      [`Alpha programme ${suffix}`, "NVIDIA H100 test"],
      [`Zeta programme ${suffix}`, "CPU core test"],
      [`Zeta programme ${suffix}`, "NVIDIA H100 test"],
    ]);
  });
});

describe("formOptions: what tells two awards apart", () => {
  it("names each line's award by its application's title, with the award's end", async () => {
    const applicant = await createTestApplicant({ country: "DE" });
    const suffix = uniqueSuffix();
    await awardClasses(applicant, `Award programme ${suffix}`, ["NVIDIA H100 test"]);
    const award = await db.allocation.findFirstOrThrow({
      where: { organizationId: applicant.org.id },
      select: { validTo: true, request: { select: { title: true } } },
    });
    const options = await callerFor(applicant.owner).workloads.formOptions({
      organizationId: applicant.org.id,
    });
    expect(options.lines).toHaveLength(1);
    expect(options.lines[0]).toMatchObject({
      awardTitle: award.request.title,
      validTo: award.validTo,
    });
    expect(award.request.title.trim()).not.toBe("");
  });
});

describe("formOptions: the most units a job may ask for", () => {
  it("is the largest capacity of the class on a cluster that runs training jobs, and 0 with a reason when none does", async () => {
    // The fixture's simulated cluster has 4 units; a second one has 6. Larger clusters that
    // cannot take the job do not count: one retired, a Slurm cluster Tessera cannot
    // reach, an inference cluster.
    const tenant = await createLaunchReadyTenant({ capacity: 4 });
    const classId = tenant.resourceClass.id;
    const larger = await createTestCluster(classId, { capacity: 6 });
    const closed = await createTestCluster(classId, { capacity: 12, active: false });
    await createTestCluster(classId, { kind: "SLURM", capacity: 10, endpoint: null });
    await createTestCluster(classId, {
      kind: "KUBERNETES",
      capacity: 20,
      endpoint: "https://k8s.test.invalid:6443",
    });
    const caller = callerFor(tenant.owner);
    const lineOf = async () =>
      (await caller.workloads.formOptions({ organizationId: tenant.org.id })).lines[0];

    expect(await lineOf()).toMatchObject({ maxQuantity: 6, noClusterReason: null });
    // Placement agrees: one unit more than the largest cluster is refused at submit.
    const failure = await failureOf(caller.workloads.submit(submitInput(tenant, { quantity: 7 })));
    expect(failure.message).toContain(`${larger.name} has only 6 units of this class`);

    // A cluster larger than the platform's limit offers the limit.
    await db.clusterResource.updateMany({
      where: { clusterId: larger.id },
      data: { capacity: 100 },
    });
    expect((await lineOf())?.maxQuantity).toBe(64);

    await db.cluster.updateMany({
      where: { id: { in: [tenant.cluster.id, larger.id] } },
      data: { active: false },
    });
    const line = await lineOf();
    expect(line?.maxQuantity).toBe(0);
    expect(line?.noClusterReason).toMatch(/^No cluster may run this job: /);
    // The clusters that could have run it say why not first; retired ones are only counted.
    expect(line?.noClusterReason).toContain("has no scheduler endpoint configured");
    expect(line?.noClusterReason).toContain("serves inference endpoints, not training jobs");
    expect(line?.noClusterReason).not.toContain(closed.name);
    expect(line?.noClusterReason).not.toContain("is retired");
    expect(line?.noClusterReason).toMatch(/\. \d+ clusters out of service were not considered\.$/);
  });
});

describe("workloads.get with a placement record that cannot be read", () => {
  it("returns the job with no placement rather than failing", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 10 });
    const caller = callerFor(tenant.owner);
    const job = await caller.workloads.submit(submitInput(tenant, { name: "Damaged record" }));
    const input = { organizationId: tenant.org.id, workloadId: job.id };
    expect((await caller.workloads.get(input)).placement?.chosen?.clusterId).toBe(
      tenant.cluster.id,
    );
    for (const damaged of [{}, [], "placed", { candidates: "all", reason: 1 }]) {
      await db.workload.update({ where: { id: job.id }, data: { placement: damaged } });
      const detail = await caller.workloads.get(input);
      expect(detail.placement, JSON.stringify(damaged)).toBeNull();
      expect(detail).toMatchObject({
        name: "Damaged record",
        cluster: { code: tenant.cluster.code },
      });
    }
  });
});
