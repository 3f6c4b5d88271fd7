import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { DriverError, installationId, type BackendJob, type SubmitRequest } from "@tessera/core";
import { db } from "@tessera/db";
import { createDriver } from "../create-driver";
import { execFileRunner } from "./command-runner";
import { SlurmDriver } from "./slurm-driver";

/**
 * Against the development cluster of infra/slurm/up.sh (the `slurm` vitest project refuses to
 * start without it). Each run makes its own Slurm accounts, with a random suffix, and removes them
 * at the end.
 */
const endpoint = process.env.TESSERA_TEST_SLURM_URL ?? "http://127.0.0.1:6820";
const env = serverEnv();
const run = execFileRunner();
const suffix = randomBytes(4).toString("hex");
const account = `t_drv_${suffix}`;
const limitedAccount = `t_drvlim_${suffix}`;
const cluster = { id: `slurm-test-${suffix}`, kind: "SLURM" as const, endpoint };
const driver = createDriver(cluster, { env, db }) as SlurmDriver;
const submitted: string[] = [];

const workloadId = () => `w${randomBytes(8).toString("hex")}`;
const gpuRequest = (overrides: Partial<SubmitRequest> = {}): SubmitRequest => ({
  workloadId: workloadId(),
  displayName: "driver test",
  account,
  resourceClassCode: "h100-80gb",
  mapping: { slurmPartition: "gpu", slurmGres: "gpu:h100", capacity: 4 },
  quantity: 1,
  walltimeSeconds: 120,
  script:
    '#!/bin/bash\necho "hello from $TESSERA_WORKLOAD_ID on GPU $CUDA_VISIBLE_DEVICES"\nsleep 2\n',
  environment: {},
  ...overrides,
});

async function submit(request: SubmitRequest) {
  const result = await driver.submit(request);
  submitted.push(result.externalId);
  return result;
}

/** Polls until `probe` returns something, as the worker's tracker does; fails after a minute. */
async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 60_000;
  let last: unknown = null;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    last = value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

async function describeOne(id: string): Promise<BackendJob | undefined> {
  return (await driver.describe([id])).get(id);
}

const waitForState = (id: string, state: BackendJob["state"], reason?: string) =>
  waitFor(`job ${id} ${state}${reason ? ` (${reason})` : ""}`, async () => {
    const job = await describeOne(id);
    return job?.state === state && (reason === undefined || job.reason === reason) ? job : null;
  });

/** Job ids the controller holds under a name, in any state. */
async function controllerJobsNamed(name: string): Promise<string[]> {
  const { stdout } = await run("squeue", [
    "--noheader",
    "--states=all",
    `--name=${name}`,
    "-o",
    "%i",
  ]);
  return stdout
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

beforeAll(async () => {
  await driver.ensureTenant({ accountName: account, gpuLimit: 4 });
});

afterAll(async () => {
  await Promise.all(submitted.map((id) => driver.cancel(id).catch(() => undefined)));
  for (const name of [account, limitedAccount]) {
    await run("sacctmgr", ["-i", "delete", "user", env.SLURM_USER_NAME, `account=${name}`]).catch(
      () => undefined,
    );
    await run("sacctmgr", ["-i", "delete", "account", name]).catch(() => undefined);
  }
});

describe("SlurmDriver against the development cluster", () => {
  it("runs a job to COMPLETED with its exit code, output, usage and accounting record", async () => {
    const request = gpuRequest();
    const since = new Date(Date.now() - 5_000);
    const { externalId, created } = await submit(request);
    expect(created).toBe(true);
    expect(externalId).toMatch(/^\d+$/);

    const running = await waitForState(externalId, "RUNNING");
    expect(running.workloadId).toBe(request.workloadId);
    expect(running.startedAt).not.toBeNull();
    const active = await driver.listActive();
    expect(active.find((job) => job.externalId === externalId)?.workloadId).toBe(
      request.workloadId,
    );

    const done = await waitForState(externalId, "COMPLETED");
    expect(done).toMatchObject({ exitCode: 0, reason: null, workloadId: request.workloadId });
    expect(done.elapsedSeconds).toBeGreaterThanOrEqual(2);
    expect(await driver.outputTail(externalId, 5)).toBe(
      `hello from ${request.workloadId} on GPU 0`,
    );
    expect((await driver.listActive()).some((job) => job.externalId === externalId)).toBe(false);

    // After MinJobAge the controller forgets the job; accounting has the same answer.
    const recorded = await waitFor("the job's end in accounting", async () => {
      const view = await driver.describeFromAccounting(externalId);
      return view?.state === "COMPLETED" ? view : null;
    });
    expect(recorded).toMatchObject({ exitCode: 0, workloadId: request.workloadId });
    expect(recorded.elapsedSeconds).toBeGreaterThanOrEqual(2);

    const usage = await waitFor("the job's usage", async () =>
      (await driver.usage(since)).find((interval) => interval.externalId === externalId),
    );
    expect(usage.workloadId).toBe(request.workloadId);
    expect(usage.unitSeconds).toBe(recorded.elapsedSeconds! * 1);
    expect(
      (await driver.usage(new Date(Date.now() + 60_000))).some((i) => i.externalId === externalId),
    ).toBe(false);
  });

  it("reports a script that exits 3 as FAILED with exit code 3, live and from accounting", async () => {
    const { externalId } = await submit(
      gpuRequest({ script: "#!/bin/bash\necho about to fail\nexit 3\n" }),
    );
    const failed = await waitForState(externalId, "FAILED");
    expect(failed).toMatchObject({ exitCode: 3, reason: "FAILED" });

    // Accounting's REST answer says the return code was 0; the driver does not believe it.
    const recorded = await waitFor("the failure in accounting", async () => {
      const view = await driver.describeFromAccounting(externalId);
      return view?.state === "FAILED" ? view : null;
    });
    expect(recorded.exitCode).toBe(3);
    const withoutSacct = new SlurmDriver({
      clusterId: cluster.id,
      endpoint,
      keyFile: env.SLURM_JWT_KEY_FILE,
      userName: env.SLURM_USER_NAME,
      runCommand: () =>
        Promise.reject(Object.assign(new Error("spawn sacct ENOENT"), { code: "ENOENT" })),
    });
    expect(await withoutSacct.describeFromAccounting(externalId)).toMatchObject({
      state: "FAILED",
      exitCode: null,
    });
  });

  it("submits a workload once, however often and however concurrently it is submitted", async () => {
    const request = gpuRequest({ script: "#!/bin/bash\nsleep 2\n" });
    const first = await submit(request);
    const again = await driver.submit(request);
    expect(again).toEqual({ externalId: first.externalId, created: false });

    const racing = gpuRequest({ script: "#!/bin/bash\nsleep 2\n" });
    const second = createDriver(cluster, { env, db });
    const results = await Promise.all([
      driver.submit(racing),
      second.submit(racing),
      driver.submit(racing),
    ]);
    results.forEach((result) => submitted.push(result.externalId));
    expect(new Set(results.map((result) => result.externalId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);

    expect(await controllerJobsNamed(`tessera-${request.workloadId}`)).toEqual([first.externalId]);
    expect(await controllerJobsNamed(`tessera-${racing.workloadId}`)).toEqual([
      results[0].externalId,
    ]);
  });

  it("lists only its own installation's jobs, so another installation's are never orphans here", async () => {
    const ours = await installationId(db);
    const elsewhere = new SlurmDriver({
      clusterId: cluster.id,
      endpoint,
      keyFile: env.SLURM_JWT_KEY_FILE,
      userName: env.SLURM_USER_NAME,
      installationId: "0b5e7a1c-another-installation",
    });
    const theirs = await elsewhere.submit(gpuRequest({ script: "#!/bin/bash\nsleep 60\n" }));
    submitted.push(theirs.externalId);
    const mine = await submit(gpuRequest({ script: "#!/bin/bash\nsleep 60\n" }));
    const { stdout } = await run("squeue", ["--noheader", "-j", mine.externalId, "-o", "%k"]);
    expect(stdout.trim()).toMatch(
      new RegExp(`^tessera workload w[0-9a-f]+ in ${ours}: driver test$`),
    );

    const seenHere = (await driver.listActive()).map((job) => job.externalId);
    expect(seenHere).toContain(mine.externalId);
    expect(seenHere).not.toContain(theirs.externalId);
    const seenThere = (await elsewhere.listActive()).map((job) => job.externalId);
    expect(seenThere).toContain(theirs.externalId);
    expect(seenThere).not.toContain(mine.externalId);
    // Describing by id is not a judgement of ownership: both answer for any job they are asked about.
    expect(
      (await driver.describe([theirs.externalId])).get(theirs.externalId)?.state,
    ).toBeDefined();
    await Promise.all([driver.cancel(mine.externalId), elsewhere.cancel(theirs.externalId)]);
  });

  it("cancels a running job; cancelling again or an unknown job is not an error", async () => {
    const { externalId } = await submit(gpuRequest({ script: "#!/bin/bash\nsleep 120\n" }));
    await waitForState(externalId, "RUNNING");
    await driver.cancel(externalId);
    const cancelled = await waitForState(externalId, "CANCELLED");
    expect(cancelled.exitCode).toBeNull();
    await driver.cancel(externalId);
    await driver.cancel("99999999");
    expect((await driver.describe(["99999999"])).size).toBe(0);
  });

  it("holds a job with AssocGrpGRES above the tenant's GPU limit; ensureTenant converges the limit", async () => {
    await driver.ensureTenant({ accountName: limitedAccount, gpuLimit: 1 });
    await driver.ensureTenant({ accountName: limitedAccount, gpuLimit: 1 });
    const { externalId } = await submit(
      gpuRequest({ account: limitedAccount, quantity: 2, script: "#!/bin/bash\nsleep 1\n" }),
    );
    const held = await waitForState(externalId, "PENDING", "AssocGrpGRES");
    expect(held.startedAt).toBeNull();

    await driver.ensureTenant({ accountName: limitedAccount, gpuLimit: 2 });
    const { stdout } = await run("sacctmgr", [
      "-n",
      "-P",
      "list",
      "associations",
      `account=${limitedAccount}`,
      "format=User,GrpTRES",
    ]);
    expect(stdout.split("\n").filter(Boolean).sort()).toEqual(
      ["|gres/gpu=2", `${env.SLURM_USER_NAME}|`].sort(),
    );
  });

  it("runs a CPU-class job with CPUs instead of GPUs", async () => {
    const { externalId } = await submit(
      gpuRequest({
        resourceClassCode: "cpu-core",
        mapping: { slurmPartition: "cpu", slurmGres: null, capacity: 2 },
        script: "#!/bin/bash\necho cpu job\n",
      }),
    );
    const done = await waitForState(externalId, "COMPLETED");
    expect(done.exitCode).toBe(0);
    expect(await driver.outputTail(externalId, 1)).toBe("cpu job");
  });

  it("refuses a job for an unknown account, not retryably, with a message a person can read", async () => {
    const error = await driver
      .submit(gpuRequest({ account: `t_nobody_${suffix}` }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).retryable).toBe(false);
    expect((error as DriverError).message).toBe(
      "Slurm refused the job: invalid account or account/partition combination",
    );
  });

  it("treats a token the cluster rejects as retryable, never as an unknown job", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-badkey-"));
    try {
      const keyFile = join(dir, "wrong.key");
      writeFileSync(keyFile, randomBytes(32));
      const wrongKey = new SlurmDriver({
        clusterId: cluster.id,
        endpoint,
        keyFile,
        userName: env.SLURM_USER_NAME,
      });
      const error = await wrongKey.describe([submitted[0]!]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DriverError);
      expect((error as DriverError).retryable).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
