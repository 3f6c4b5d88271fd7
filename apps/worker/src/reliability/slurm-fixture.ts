/**
 * The reliability tests' world (tests only): an isolated database with a verified organisation,
 * an allocation, and the development Slurm cluster (infra/slurm/up.sh) registered as a cluster
 * offering an H100 class on partition `gpu` with GRES gpu:h100. Launches go through the web tier's
 * own submitWorkload, so everything after it is the production path.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { submitWorkload, type Actor } from "@tessera/core";
import { tenantScoped, type Database } from "@tessera/db";
import { createQuotaFixture } from "../../../../packages/core/src/quota/quota-fixture";

const run = promisify(execFile);

export const SLURM_URL = process.env.TESSERA_TEST_SLURM_URL ?? "http://127.0.0.1:6820";

export interface SlurmWorld {
  organizationId: string;
  projectId: string;
  allocationLineId: string;
  clusterId: string;
  actor: Actor;
  /** Tenant access as the tRPC tenant procedure builds it. */
  submit: (
    name: string,
    options: { script: string; quantity?: number; walltimeSeconds?: number },
  ) => Promise<string>;
}

export async function createSlurmWorld(
  database: Database,
  options: { grantedUnitSeconds: bigint; maxConcurrentGpus?: number },
): Promise<SlurmWorld> {
  const quota = await createQuotaFixture(database, {
    grantedUnitSeconds: options.grantedUnitSeconds,
  });
  const line = await database.allocationLine.findUniqueOrThrow({
    where: { id: quota.allocationLineId },
  });
  const organization = await database.organization.update({
    where: { id: quota.organizationId },
    data: { maxConcurrentGpus: options.maxConcurrentGpus ?? 4 },
    include: { projects: { take: 1 } },
  });
  const suffix = randomBytes(4).toString("hex");
  const cluster = await database.cluster.create({
    data: {
      code: `slurm-${suffix}`,
      name: `Development Slurm ${suffix}`,
      kind: "SLURM",
      region: "dev",
      jurisdiction: "DE",
      endpoint: SLURM_URL,
      resources: {
        create: {
          resourceClassId: line.resourceClassId,
          capacity: 4,
          slurmPartition: "gpu",
          slurmGres: "gpu:h100",
        },
      },
    },
  });
  const user = await database.user.findUniqueOrThrow({ where: { id: quota.userId } });
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    ip: null,
    userAgent: "reliability-test",
  };
  const tenant = {
    organization,
    role: "OWNER" as const,
    db: tenantScoped(database, organization.id),
  };
  return {
    organizationId: organization.id,
    projectId: organization.projects[0]!.id,
    allocationLineId: quota.allocationLineId,
    clusterId: cluster.id,
    actor,
    async submit(name, job) {
      const accepted = await submitWorkload(tenant, actor, {
        projectId: organization.projects[0]!.id,
        allocationLineId: quota.allocationLineId,
        name,
        quantity: job.quantity ?? 1,
        walltimeSeconds: job.walltimeSeconds ?? 300,
        source: { type: "script", script: job.script },
      });
      return accepted.id;
    },
  };
}

/**
 * Slurm's accounting (slurmdbd) for jobs around `since`: name, job id and submit time of each —
 * what the cluster actually ran, independent of anything Tessera recorded.
 */
async function accountedJobs(
  since: Date,
): Promise<{ name: string; jobId: string; submittedAt: Date }[]> {
  // sacct takes the cluster's local time; the machines here run in UTC.
  const from = new Date(since.getTime() - 60_000).toISOString().slice(0, 19);
  const { stdout } = await run("sacct", [
    "-a",
    "-X",
    "-n",
    "-P",
    "-S",
    from,
    "-o",
    "JobName%100,JobID,Submit",
  ]);
  return stdout.split("\n").flatMap((line) => {
    const [name, jobId, submit] = line.trim().split("|");
    return name && jobId && submit ? [{ name, jobId, submittedAt: new Date(`${submit}Z`) }] : [];
  });
}

/** The Slurm jobs that carry each workload's job name. */
export async function slurmJobsPerWorkload(
  workloadIds: readonly string[],
  since: Date,
): Promise<Map<string, string[]>> {
  const jobs = new Map<string, string[]>(workloadIds.map((id) => [id, []]));
  for (const job of await accountedJobs(since)) {
    jobs.get(job.name.slice("tessera-".length))?.push(job.jobId);
  }
  return jobs;
}

/** Tessera's Slurm jobs (by name) submitted at or after `since`. */
export async function tesseraJobsSubmittedSince(since: Date): Promise<string[]> {
  return (await accountedJobs(since))
    .filter((job) => job.name.startsWith("tessera-") && job.submittedAt >= since)
    .map((job) => job.name);
}

/** Lost = did not complete; doubled = Slurm jobs beyond the first for one workload. */
export function lostAndDoubled(
  statuses: Map<string, string>,
  jobs: Map<string, string[]>,
): { lost: number; doubled: number } {
  let lost = 0;
  let doubled = 0;
  for (const [id, status] of statuses) {
    if (status !== "COMPLETED") lost += 1;
    doubled += Math.max(0, (jobs.get(id)?.length ?? 0) - 1);
  }
  return { lost, doubled };
}

/** Restarts slurmctld as an operator would (stop, then infra/slurm/up.sh starts it again). */
export async function restartSlurmController(): Promise<void> {
  await run("pkill", ["-TERM", "-x", "slurmctld"]).catch(() => undefined);
  for (let i = 0; i < 100; i += 1) {
    const alive = await run("pgrep", ["-x", "slurmctld"]).then(
      () => true,
      () => false,
    );
    if (!alive) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const env = { ...process.env };
  // up.sh registers the cluster in the database DATABASE_URL names; not in the test database.
  delete env.DATABASE_URL;
  await run("bash", [new URL("../../../../infra/slurm/up.sh", import.meta.url).pathname], {
    env,
    timeout: 180_000,
  });
}
