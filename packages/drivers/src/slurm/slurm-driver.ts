import { join } from "node:path";
import {
  DriverError,
  installationId,
  jobNameFor,
  type BackendJob,
  type ComputeDriver,
  type SubmitRequest,
  type SubmitResult,
  type TenantAccountSpec,
  type UsageInterval,
} from "@tessera/core";
import type { Database } from "@tessera/db";
import { readFileTail } from "../output-tail";
import { slurmdbPath, slurmPath } from "./api-version";
import { execFileRunner, type CommandRunner } from "./command-runner";
import { buildSlurmSubmission, DEFAULT_JOB_OUTPUT_DIRECTORY } from "./job-request";
import { exitCodeFromSacct } from "./job-state";
import {
  unitsOfAccountingJob,
  viewOfAccountingJob,
  viewOfLiveJob,
  type SlurmJobView,
} from "./job-view";
import { SlurmTokenSource } from "./jwt";
import { ensureSlurmAccount } from "./sacctmgr";
import {
  accountingJobsResponseSchema,
  liveJobsResponseSchema,
  slurmEnvelopeSchema,
  submitResponseSchema,
} from "./schemas";
import { SlurmClient } from "./slurm-client";
import {
  ESLURM_INVALID_JOB_ID,
  hasSlurmError,
  SLURMDB_NOTHING_FOUND,
  slurmFailure,
} from "./slurm-errors";

/** How far back accounting is searched for a workload's earlier job before submitting again. */
const SUBMIT_LOOKBACK_DAYS = 365;
/** Slack on accounting time filters: slurmrestd reads them in its own time zone. */
const TIME_FILTER_SLACK_MS = 86_400_000;
const DESCRIBE_CONCURRENCY = 4;

export interface SlurmDriverOptions {
  /** Cluster.id: scopes the submit lock. */
  clusterId: string;
  /** slurmrestd's base URL (Cluster.endpoint). */
  endpoint: string;
  /** The cluster's HS256 key (SLURM_JWT_KEY_FILE). */
  keyFile: string;
  /** The Slurm user jobs are submitted as (SLURM_USER_NAME). */
  userName: string;
  /** Where jobs write `<id>.out`; read back for the output tail when it is readable here. */
  outputDirectory?: string;
  /**
   * With a database, submits of one workload are serialised across every worker process (an
   * advisory lock around look-up + submit), so two workers running the same launch at once still
   * make one job.
   */
  db?: Database;
  /**
   * The installation this driver submits for (installationId). Read from the database when not
   * given; without either, jobs name no installation and every job Tessera made counts as ours.
   */
  installationId?: string;
  /** Runs sacctmgr and sacct (tests inject a fake). */
  runCommand?: CommandRunner;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

/** Formats a time for slurmdbd's filters (`YYYY-MM-DDTHH:MM:SS`, read in slurmrestd's zone). */
function accountingTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function publicView({ ended: _ended, installationId: _owner, ...job }: SlurmJobView): BackendJob {
  return job;
}

/**
 * The Slurm backend, through slurmrestd's REST API (see ./api-version.ts) with a JWT minted from
 * the cluster's key. Tenant accounts are made with sacctmgr, because posting associations crashes
 * slurmrestd 22.05.
 */
export class SlurmDriver implements ComputeDriver {
  readonly kind = "SLURM" as const;
  private readonly client: SlurmClient;
  private readonly outputDirectory: string;
  private readonly runCommand: CommandRunner;
  private readonly now: () => number;
  private installation: Promise<string | undefined> | undefined;

  constructor(private readonly options: SlurmDriverOptions) {
    if (!options.endpoint) {
      throw new DriverError("This Slurm cluster has no slurmrestd endpoint configured.", false);
    }
    this.now = options.now ?? Date.now;
    this.client = new SlurmClient({
      baseUrl: options.endpoint,
      tokens: new SlurmTokenSource({
        keyFile: options.keyFile,
        userName: options.userName,
        now: this.now,
      }),
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    });
    this.outputDirectory = options.outputDirectory ?? DEFAULT_JOB_OUTPUT_DIRECTORY;
    this.runCommand = options.runCommand ?? execFileRunner();
  }

  /** The installation this driver works for, read once (see SlurmDriverOptions.installationId). */
  private ownInstallation(): Promise<string | undefined> {
    const { db, installationId: given } = this.options;
    if (given !== undefined || !db) return Promise.resolve(given);
    this.installation ??= installationId(db).catch((error: unknown) => {
      this.installation = undefined; // asked again next time
      throw error;
    });
    return this.installation;
  }

  async submit(request: SubmitRequest): Promise<SubmitResult> {
    const submission = buildSlurmSubmission(
      request,
      this.outputDirectory,
      await this.ownInstallation(),
    );
    return this.withSubmitLock(request.workloadId, async () => {
      const existing = await this.findJobOf(request.workloadId);
      if (existing) return { externalId: existing, created: false };
      const answer = await this.client.request(
        "POST",
        slurmPath("job/submit"),
        submitResponseSchema,
        { body: submission },
      );
      const jobId = answer.body.job_id;
      // A job id means the job exists, even when errors[] carries a warning ("not available now").
      if (answer.status < 300 && typeof jobId === "number" && jobId > 0) {
        return { externalId: String(jobId), created: true };
      }
      throw slurmFailure("submit the job", answer.status, answer.errors);
    });
  }

  async cancel(externalId: string): Promise<void> {
    if (!/^\d+$/.test(externalId)) return;
    const answer = await this.client.request(
      "DELETE",
      slurmPath(`job/${externalId}`),
      slurmEnvelopeSchema,
    );
    if (answer.status < 300 || hasSlurmError(answer.errors, ESLURM_INVALID_JOB_ID)) return;
    const alreadyDone = answer.errors.some((error) =>
      /already (completing|completed|done)/i.test(
        `${error.error ?? ""} ${error.description ?? ""}`,
      ),
    );
    if (alreadyDone) return;
    throw slurmFailure(`cancel job ${externalId}`, answer.status, answer.errors);
  }

  async describe(externalIds: readonly string[]): Promise<Map<string, BackendJob>> {
    const result = new Map<string, BackendJob>();
    const ids = [...new Set(externalIds)].filter((id) => /^\d+$/.test(id));
    for (let index = 0; index < ids.length; index += DESCRIBE_CONCURRENCY) {
      const batch = ids.slice(index, index + DESCRIBE_CONCURRENCY);
      const views = await Promise.all(batch.map((id) => this.describeOne(id)));
      for (const view of views) if (view) result.set(view.externalId, publicView(view));
    }
    return result;
  }

  /**
   * Live jobs this installation made. A job whose comment names another Tessera installation (a
   * staging portal, a developer's, the test suite's on the same cluster) is not ours to judge:
   * the reconciler would otherwise cancel it as an orphan, its workload being unknown here.
   */
  async listActive(): Promise<BackendJob[]> {
    const [jobs, mine] = await Promise.all([this.liveJobs(), this.ownInstallation()]);
    const nowMs = this.now();
    return jobs
      .map((job) => viewOfLiveJob(job, nowMs))
      .filter((view) => !view.ended && view.workloadId !== null)
      .filter((view) => !mine || view.installationId === null || view.installationId === mine)
      .map(publicView);
  }

  async usage(since: Date): Promise<UsageInterval[]> {
    const jobs = await this.accountingJobs({
      start_time: accountingTime(since.getTime() - TIME_FILTER_SLACK_MS),
    });
    const nowMs = this.now();
    const intervals: UsageInterval[] = [];
    for (const job of jobs) {
      const view = viewOfAccountingJob(job, nowMs);
      if (!view.ended || !view.workloadId || !view.startedAt || !view.endedAt) continue;
      if (view.endedAt.getTime() < since.getTime()) continue;
      const units = unitsOfAccountingJob(job);
      intervals.push({
        externalId: view.externalId,
        workloadId: view.workloadId,
        start: view.startedAt,
        end: view.endedAt,
        unitSeconds: (view.elapsedSeconds ?? 0) * units,
      });
    }
    return intervals.sort((a, b) => a.end.getTime() - b.end.getTime());
  }

  async ensureTenant(tenant: TenantAccountSpec): Promise<void> {
    await ensureSlurmAccount(this.runCommand, tenant, this.options.userName);
  }

  async outputTail(externalId: string, lines: number): Promise<string | null> {
    if (!/^\d+$/.test(externalId)) return null;
    return readFileTail(join(this.outputDirectory, `${externalId}.out`), lines);
  }

  /** The controller's view while it has the job, accounting's after; null when neither knows it. */
  private async describeOne(id: string): Promise<SlurmJobView | null> {
    const live = await this.client.request("GET", slurmPath(`job/${id}`), liveJobsResponseSchema);
    const liveJob = live.body.jobs?.find((job) => String(job.job_id) === id);
    if (live.status < 300 && liveJob) return viewOfLiveJob(liveJob, this.now());
    if (!hasSlurmError(live.errors, ESLURM_INVALID_JOB_ID) && live.status >= 300) {
      // Not "unknown job" (a bad token also says it cannot find the job, with error -1).
      throw slurmFailure(`read job ${id}`, live.status, live.errors);
    }
    return this.describeFromAccounting(id);
  }

  /** Accounting's record of a job that left the controller (after MinJobAge); exported for tests. */
  async describeFromAccounting(id: string): Promise<SlurmJobView | null> {
    const answer = await this.client.request(
      "GET",
      slurmdbPath(`job/${id}`),
      accountingJobsResponseSchema,
    );
    if (answer.status >= 300)
      throw slurmFailure(`read job ${id} from accounting`, answer.status, answer.errors);
    const job = answer.body.jobs?.find((candidate) => String(candidate.job_id) === id);
    if (!job) return null;
    const view = viewOfAccountingJob(job, this.now());
    if (view.state === "FAILED" && view.exitCode === null) {
      view.exitCode = await this.exitCodeFromSacct(id);
    }
    return view;
  }

  /** `sacct` reads the exit code accounting's REST endpoint loses; null where it is not installed. */
  private async exitCodeFromSacct(id: string): Promise<number | null> {
    try {
      const { stdout } = await this.runCommand("sacct", [
        "-n",
        "-X",
        "-P",
        "-j",
        id,
        "-o",
        "ExitCode",
      ]);
      return exitCodeFromSacct(stdout.split("\n")[0] ?? "");
    } catch {
      return null;
    }
  }

  private async liveJobs() {
    const answer = await this.client.request("GET", slurmPath("jobs"), liveJobsResponseSchema);
    if (answer.status >= 300) throw slurmFailure("list jobs", answer.status, answer.errors);
    return answer.body.jobs ?? [];
  }

  private async accountingJobs(query: Record<string, string>) {
    const answer = await this.client.request(
      "GET",
      slurmdbPath("jobs"),
      accountingJobsResponseSchema,
      {
        query,
      },
    );
    if (answer.status >= 300) throw slurmFailure("read accounting", answer.status, answer.errors);
    if (hasSlurmError(answer.errors, SLURMDB_NOTHING_FOUND)) return [];
    return answer.body.jobs ?? [];
  }

  /**
   * The job already made for this workload: first among the controller's jobs (pending, running,
   * or ended within MinJobAge), then in accounting. The lowest job id wins if, against every
   * precaution, there are several.
   */
  private async findJobOf(workloadId: string): Promise<string | null> {
    const name = jobNameFor(workloadId);
    const nowMs = this.now();
    const live = (await this.liveJobs())
      .map((job) => viewOfLiveJob(job, nowMs))
      .filter((view) => view.workloadId === workloadId);
    const fromLive = live.map((view) => Number(view.externalId)).sort((a, b) => a - b)[0];
    if (fromLive !== undefined) return String(fromLive);
    const history = await this.accountingJobs({
      job_name: name,
      start_time: accountingTime(nowMs - SUBMIT_LOOKBACK_DAYS * 86_400_000),
    });
    const fromHistory = history
      .map((job) => viewOfAccountingJob(job, nowMs))
      .filter((view) => view.workloadId === workloadId)
      .map((view) => Number(view.externalId))
      .sort((a, b) => a - b)[0];
    return fromHistory === undefined ? null : String(fromHistory);
  }

  private async withSubmitLock<T>(workloadId: string, work: () => Promise<T>): Promise<T> {
    const db = this.options.db;
    if (!db) return work();
    const key = `tessera:slurm-submit:${this.options.clusterId}:${workloadId}`;
    return db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text AS locked`;
        return work();
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  }
}
