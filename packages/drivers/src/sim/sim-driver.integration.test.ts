import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DriverError, type SubmitRequest } from "@tessera/core";
import { createDatabase, db } from "@tessera/db";
import { SIM_SECONDS_ENV } from "./sim-script";
import { SimDriver } from "./sim-driver";
import { tailLines } from "../output-tail";

const suffix = () => randomBytes(5).toString("hex");
const workloadId = () => `w${randomBytes(8).toString("hex")}`;

/** A simulated cluster of its own with one GPU class of the given capacity. */
async function simCluster(capacity = 4) {
  const code = suffix();
  const resourceClass = await db.resourceClass.create({
    data: {
      code: `sim-gpu-${code}`,
      name: `Simulated GPU ${code}`,
      kind: "GPU",
      unit: "GPU",
      listPriceMinorPerHour: 100,
      currency: "EUR",
      powerDrawWatts: 500,
    },
  });
  const cluster = await db.cluster.create({
    data: {
      code: `sim-${code}`,
      name: `Simulated ${code}`,
      kind: "SIM",
      region: "local",
      jurisdiction: "EU",
      resources: { create: { resourceClassId: resourceClass.id, capacity } },
    },
  });
  const request = (overrides: Partial<SubmitRequest> = {}): SubmitRequest => ({
    workloadId: workloadId(),
    displayName: "test job",
    account: "t_test",
    resourceClassCode: resourceClass.code,
    mapping: { slurmPartition: null, slurmGres: null, capacity },
    quantity: 1,
    walltimeSeconds: 3600,
    script: "#!/bin/bash\npython train.py\n",
    environment: { [SIM_SECONDS_ENV]: "10" },
    ...overrides,
  });
  /** Lets `seconds` pass on this cluster: its whole history moves that far into the past. */
  const elapse = (seconds: number) => db.$executeRaw`
    UPDATE "SimJob"
       SET "submittedAt" = "submittedAt" - make_interval(secs => ${seconds}::float8),
           "startedAt" = "startedAt" - make_interval(secs => ${seconds}::float8),
           "endedAt" = "endedAt" - make_interval(secs => ${seconds}::float8)
     WHERE "clusterId" = ${cluster.id}`;
  const runningUnits = async () => {
    const rows = await db.simJob.aggregate({
      where: { clusterId: cluster.id, state: "RUNNING" },
      _sum: { quantity: true },
    });
    return rows._sum.quantity ?? 0;
  };
  return { cluster, resourceClass, request, elapse, runningUnits };
}

async function states(driver: SimDriver, ids: string[]) {
  const described = await driver.describe(ids);
  return ids.map((id) => {
    const job = described.get(id);
    return job ? `${job.state}${job.reason ? `:${job.reason}` : ""}` : "absent";
  });
}

const extraClients: { $disconnect(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(extraClients.map((client) => client.$disconnect()));
});

describe("SimDriver", () => {
  it("runs what fits, queues the rest first-in-first-out with reasons, and starts them as units free", async () => {
    const sim = await simCluster(4);
    const driver = new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 });
    const big = await driver.submit(sim.request({ quantity: 3 }));
    const pair = await driver.submit(
      sim.request({ quantity: 2, environment: { [SIM_SECONDS_ENV]: "20" } }),
    );
    const single = await driver.submit(sim.request({ quantity: 1 }));
    const ids = [big.externalId, pair.externalId, single.externalId];
    expect([big.created, pair.created, single.created]).toEqual([true, true, true]);

    // One unit is free, but the single job may not overtake the pair ahead of it.
    expect(await states(driver, ids)).toEqual(["RUNNING", "PENDING:Resources", "PENDING:Priority"]);
    expect(await sim.runningUnits()).toBe(3);

    await sim.elapse(10);
    expect(await states(driver, ids)).toEqual(["COMPLETED", "RUNNING", "RUNNING"]);
    const described = await driver.describe(ids);
    // The queued jobs started when the big one ended, ten seconds ago by the cluster's clock.
    expect(described.get(pair.externalId)!.startedAt!.getTime()).toBe(
      described.get(big.externalId)!.endedAt!.getTime(),
    );
    expect(described.get(big.externalId)).toMatchObject({ exitCode: 0, elapsedSeconds: 10 });
    expect(await sim.runningUnits()).toBe(3);
  });

  it("makes one job for a workload however many submits race", async () => {
    const sim = await simCluster(4);
    const drivers = [0, 1].map(
      () => new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 }),
    );
    const request = sim.request();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => drivers[index % 2]!.submit(request)),
    );
    expect(new Set(results.map((result) => result.externalId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db.simJob.count({ where: { clusterId: sim.cluster.id } })).toBe(1);

    const again = await drivers[0]!.submit(request);
    expect(again).toEqual({ externalId: results[0]!.externalId, created: false });
  });

  it("writes submits that queue behind one another in one statement, one job per workload", async () => {
    const sim = await simCluster(64);
    const driver = new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 60_000 });
    const twice = sim.request();
    const requests = [sim.request(), sim.request(), twice, sim.request(), twice];
    const results = await Promise.all(requests.map((request) => driver.submit(request)));
    // The first found the line free; the four behind it (the twice-asked one among them) went
    // in one statement, which makes one job per name.
    const ids = results.map((result) => result.externalId);
    expect(await db.simJob.count({ where: { clusterId: sim.cluster.id } })).toBe(4);
    expect(ids[4]).toBe(ids[2]);
    expect(new Set(ids).size).toBe(4);
    expect(results.map((result) => result.created)).toEqual([true, true, true, true, false]);
  });

  it("cancels pending and running jobs, frees their units, and ignores repeats and strangers", async () => {
    const sim = await simCluster(2);
    const driver = new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 });
    const running = await driver.submit(sim.request({ quantity: 2 }));
    const waiting = await driver.submit(sim.request({ quantity: 2 }));
    const queued = await driver.submit(sim.request({ quantity: 1 }));
    expect(
      await states(driver, [running.externalId, waiting.externalId, queued.externalId]),
    ).toEqual(["RUNNING", "PENDING:Resources", "PENDING:Priority"]);

    await driver.cancel(waiting.externalId);
    expect(
      await states(driver, [running.externalId, waiting.externalId, queued.externalId]),
    ).toEqual(["RUNNING", "CANCELLED", "PENDING:Resources"]);
    const shifted = Date.now();
    await sim.elapse(3);
    await driver.cancel(running.externalId);
    // Three seconds by the cluster's clock, plus what really passed meanwhile on a slow machine.
    const really = Math.ceil((Date.now() - shifted) / 1000);
    const described = await driver.describe([
      running.externalId,
      waiting.externalId,
      queued.externalId,
    ]);
    expect(described.get(running.externalId)).toMatchObject({ state: "CANCELLED", exitCode: null });
    expect(described.get(running.externalId)!.elapsedSeconds).toBeGreaterThanOrEqual(3);
    expect(described.get(running.externalId)!.elapsedSeconds).toBeLessThanOrEqual(3 + really);
    expect(described.get(waiting.externalId)).toMatchObject({
      startedAt: null,
      elapsedSeconds: null,
    });
    expect(described.get(queued.externalId)!.state).toBe("RUNNING");

    await driver.cancel(running.externalId);
    await driver.cancel("999999999");
    await driver.cancel("not-a-job");
    expect((await driver.describe([running.externalId])).get(running.externalId)!.state).toBe(
      "CANCELLED",
    );
    expect(await driver.outputTail(running.externalId, 1)).toBe("[sim] job cancelled");
  });

  it("ends jobs with the script's exit code, a timeout, and usage in unit-seconds", async () => {
    const sim = await simCluster(8);
    const driver = new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 });
    const since = new Date(Date.now() - 60_000);
    const ok = await driver.submit(sim.request({ quantity: 2 }));
    const failing = await driver.submit(
      sim.request({ script: "#!/bin/bash\necho starting\nexit 3\n", quantity: 1 }),
    );
    const slow = await driver.submit(
      sim.request({ walltimeSeconds: 5, environment: { [SIM_SECONDS_ENV]: "100" }, quantity: 1 }),
    );
    await sim.elapse(10);
    const described = await driver.describe([ok.externalId, failing.externalId, slow.externalId]);
    expect(described.get(ok.externalId)).toMatchObject({
      state: "COMPLETED",
      exitCode: 0,
      reason: null,
    });
    expect(described.get(failing.externalId)).toMatchObject({
      state: "FAILED",
      exitCode: 3,
      reason: "FAILED",
      elapsedSeconds: 10,
    });
    expect(described.get(slow.externalId)).toMatchObject({
      state: "FAILED",
      reason: "TIMEOUT",
      elapsedSeconds: 5,
    });
    expect(await driver.outputTail(failing.externalId, 1)).toContain("exit code 3");
    // What the script echoes, not made-up training, under a notice that nothing ran.
    const log = (await driver.outputTail(failing.externalId, 50))!.split("\n");
    expect(log[0]).toMatch(/^\[sim\] Simulated output: .*does not run your script/);
    expect(log.slice(-2)).toEqual(["starting", "[sim] job failed with exit code 3"]);
    expect(log.join("\n")).not.toMatch(/epoch|loss/);

    const usage = await driver.usage(new Date(since.getTime() - 60_000));
    const byJob = new Map(usage.map((interval) => [interval.externalId, interval]));
    expect(byJob.get(ok.externalId)!.unitSeconds).toBe(20);
    expect(byJob.get(failing.externalId)!.unitSeconds).toBe(10);
    expect(byJob.get(slow.externalId)!.unitSeconds).toBe(5);
    expect(await driver.usage(new Date(Date.now() + 60_000))).toEqual([]);
  });

  it("grows a running job's log and lists only open Tessera jobs", async () => {
    const sim = await simCluster(4);
    const driver = new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 });
    const job = await driver.submit(sim.request({ environment: { [SIM_SECONDS_ENV]: "20" } }));
    const done = await driver.submit(sim.request({ environment: { [SIM_SECONDS_ENV]: "1" } }));
    const first = await driver.outputTail(job.externalId, 50);
    expect(first).toContain("started on sim-node");
    expect(first).not.toContain("epoch");
    await sim.elapse(6);
    const later = await driver.outputTail(job.externalId, 50);
    expect(later).toContain("epoch 3/10");
    expect(later!.startsWith(first!)).toBe(true);
    expect(await driver.outputTail(job.externalId, 1)).toMatch(/^epoch 3\/10 /);
    // The state comes with the output at hand, so a tracker needs no second call for it.
    const described = (await driver.describe([job.externalId])).get(job.externalId)!;
    expect(tailLines(described.output!, 10_000)).toBe(
      await driver.outputTail(job.externalId, 10_000),
    );
    expect(described.output).toContain("epoch 3/10");

    const active = await driver.listActive();
    expect(active.map((backend) => backend.externalId)).toEqual([job.externalId]);
    expect(active[0]!.workloadId).not.toBeNull();
    expect((await driver.describe([done.externalId])).get(done.externalId)!.state).toBe(
      "COMPLETED",
    );
    expect((await driver.describe(["999999999"])).size).toBe(0);
    expect(await driver.outputTail("999999999", 5)).toBeNull();
  });

  it("refuses, not retryably, what the simulated cluster can never run", async () => {
    const sim = await simCluster(2);
    const driver = new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 });
    for (const request of [
      sim.request({ resourceClassCode: "no-such-class" }),
      sim.request({ quantity: 3 }),
      sim.request({ quantity: 0 }),
    ]) {
      const error = await driver.submit(request).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DriverError);
      expect((error as DriverError).retryable).toBe(false);
    }
    expect(await db.simJob.count({ where: { clusterId: sim.cluster.id } })).toBe(0);
  });

  it("takes a job of whole nodes, as a Slurm cluster does, and refuses part of a node more", async () => {
    const sim = await simCluster(16);
    const driver = new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 });
    const mapping = { slurmPartition: null, slurmGres: null, capacity: 16, unitsPerNode: 4 };
    const whole = await driver.submit(sim.request({ mapping, quantity: 8 }));
    expect(whole.created).toBe(true);
    const error = await driver
      .submit(sim.request({ mapping, quantity: 6 }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).retryable).toBe(false);
    expect((error as DriverError).message).toMatch(/not a whole number of nodes/);
    expect(await db.simJob.count({ where: { clusterId: sim.cluster.id } })).toBe(1);
  });

  it("never runs more units than the capacity while two workers submit and advance at once", async () => {
    const sim = await simCluster(4);
    const otherDb = createDatabase(process.env.DATABASE_URL, 10);
    extraClients.push(otherDb);
    const drivers = [
      new SimDriver({ clusterId: sim.cluster.id, db, advanceEveryMs: 0 }),
      new SimDriver({ clusterId: sim.cluster.id, db: otherDb, advanceEveryMs: 0 }),
    ];
    // Big jobs: any two of them running together would already exceed the capacity.
    const submitted = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        drivers[index % 2]!.submit(
          sim.request({
            quantity: 3 + (index % 2),
            environment: { [SIM_SECONDS_ENV]: String(1 + (index % 3)) },
          }),
        ),
      ),
    );
    const ids = submitted.map((result) => result.externalId);
    for (let round = 0; round < 60; round += 1) {
      await Promise.all([
        drivers[0]!.describe(ids),
        drivers[1]!.listActive(),
        drivers[round % 2]!.describe(ids.slice(round % 10)),
        round % 9 === 4 ? drivers[1]!.cancel(ids[round % 30]!) : Promise.resolve(),
      ]);
      expect(await sim.runningUnits()).toBeLessThanOrEqual(4);
      await sim.elapse(1);
    }
    const final = [...(await drivers[0]!.describe(ids)).values()];
    expect(final.filter((job) => job.state === "PENDING" || job.state === "RUNNING")).toEqual([]);

    // The whole timeline, not just the moments sampled above: at every start, the units of the
    // jobs running then fit the capacity.
    const ran = final.filter((job) => job.startedAt && job.endedAt);
    const quantity = new Map(
      (await db.simJob.findMany({ where: { clusterId: sim.cluster.id } })).map((job) => [
        job.id.toString(),
        job.quantity,
      ]),
    );
    expect(ran.length).toBeGreaterThan(20);
    for (const job of ran) {
      const at = job.startedAt!.getTime();
      const inUse = ran
        .filter((other) => other.startedAt!.getTime() <= at && at < other.endedAt!.getTime())
        .reduce((sum, other) => sum + quantity.get(other.externalId)!, 0);
      expect(inUse).toBeLessThanOrEqual(4);
    }
  });
});
