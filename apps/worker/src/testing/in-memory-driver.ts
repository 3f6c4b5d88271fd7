/**
 * A test double of a compute backend, held in memory (tests only: never wired into the app).
 * It behaves like a well-mannered cluster — idempotent submit by workload id, no-op cancel of an
 * ended or unknown job — and lets a test move jobs along, make calls fail, forget jobs (as a
 * controller that lost its state would) or hold a submit until the test lets it go.
 */
import {
  DriverError,
  jobNameFor,
  type BackendJob,
  type BackendJobState,
  type ComputeDriver,
  type SubmitRequest,
  type SubmitResult,
  type TenantAccountSpec,
  type UsageInterval,
} from "@tessera/core";
import type { DriverFactory } from "../drivers";

interface HeldJob {
  job: BackendJob;
  name: string;
  request: SubmitRequest | null;
  output: string;
}

const ENDED = new Set<BackendJobState>(["COMPLETED", "FAILED", "CANCELLED"]);

export class InMemoryComputeDriver implements ComputeDriver {
  readonly kind = "SIM" as const;
  readonly jobs = new Map<string, HeldJob>();
  readonly tenants: TenantAccountSpec[] = [];
  submitCalls = 0;
  cancelCalls: string[] = [];
  /** Errors the next submit / ensureTenant / describe calls throw, in order. */
  submitFailures: Error[] = [];
  tenantFailures: Error[] = [];
  describeFailures: Error[] = [];
  /** When set, submit waits for it before doing anything (a slow backend). */
  submitGate: Promise<void> | null = null;
  /** Called when a submit begins (before the gate). */
  onSubmit: (() => void) | null = null;
  private nextId = 1000;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async submit(request: SubmitRequest): Promise<SubmitResult> {
    this.submitCalls += 1;
    this.onSubmit?.();
    if (this.submitGate) await this.submitGate;
    const failure = this.submitFailures.shift();
    if (failure) throw failure;
    const name = jobNameFor(request.workloadId);
    for (const [externalId, held] of this.jobs) {
      if (held.name === name) return { externalId, created: false };
    }
    const externalId = String(this.nextId++);
    this.jobs.set(externalId, {
      name,
      request,
      output: "",
      job: {
        externalId,
        workloadId: request.workloadId,
        state: "PENDING",
        reason: "Priority",
        submittedAt: this.clock(),
        startedAt: null,
        endedAt: null,
        exitCode: null,
        elapsedSeconds: null,
      },
    });
    return { externalId, created: true };
  }

  cancel(externalId: string): Promise<void> {
    this.cancelCalls.push(externalId);
    const held = this.jobs.get(externalId);
    if (held && !ENDED.has(held.job.state)) this.end(externalId, "CANCELLED", null);
    return Promise.resolve();
  }

  describe(externalIds: readonly string[]): Promise<Map<string, BackendJob>> {
    const failure = this.describeFailures.shift();
    if (failure) return Promise.reject(failure);
    const found = new Map<string, BackendJob>();
    for (const id of externalIds) {
      const held = this.jobs.get(id);
      if (held) found.set(id, { ...held.job });
    }
    return Promise.resolve(found);
  }

  listActive(): Promise<BackendJob[]> {
    return Promise.resolve(
      [...this.jobs.values()].filter((h) => !ENDED.has(h.job.state)).map((h) => ({ ...h.job })),
    );
  }

  usage(): Promise<UsageInterval[]> {
    return Promise.resolve([]);
  }

  ensureTenant(tenant: TenantAccountSpec): Promise<void> {
    const failure = this.tenantFailures.shift();
    if (failure) return Promise.reject(failure);
    this.tenants.push(tenant);
    return Promise.resolve();
  }

  outputTail(externalId: string): Promise<string | null> {
    return Promise.resolve(this.jobs.get(externalId)?.output ?? null);
  }

  // ---- controls for tests ----

  /** The job submitted for a workload, if any. */
  jobOf(workloadId: string): BackendJob | undefined {
    return [...this.jobs.values()].find((h) => h.job.workloadId === workloadId)?.job;
  }

  jobsOf(workloadId: string): BackendJob[] {
    return [...this.jobs.values()].filter((h) => h.job.workloadId === workloadId).map((h) => h.job);
  }

  setPending(externalId: string, reason: string): void {
    const held = this.require(externalId);
    held.job = { ...held.job, state: "PENDING", reason };
  }

  run(externalId: string, startedAt: Date, output = ""): void {
    const held = this.require(externalId);
    held.job = { ...held.job, state: "RUNNING", reason: null, startedAt };
    held.output = output;
  }

  /** Ends the job; elapsed is taken from its start (or 0 when it never started). */
  end(
    externalId: string,
    state: "COMPLETED" | "FAILED" | "CANCELLED",
    exitCode: number | null,
    endedAt = this.clock(),
  ): void {
    const held = this.require(externalId);
    const started = held.job.startedAt;
    held.job = {
      ...held.job,
      state,
      exitCode,
      endedAt,
      elapsedSeconds: started ? Math.floor((endedAt.getTime() - started.getTime()) / 1000) : 0,
    };
  }

  /** A job the backend runs for a workload id it was given outside Tessera's launch path. */
  addJob(workloadId: string | null, state: BackendJobState = "RUNNING"): string {
    const externalId = String(this.nextId++);
    this.jobs.set(externalId, {
      name: workloadId ? jobNameFor(workloadId) : "someone-elses-job",
      request: null,
      output: "",
      job: {
        externalId,
        workloadId,
        state,
        reason: null,
        submittedAt: this.clock(),
        startedAt: state === "RUNNING" ? this.clock() : null,
        endedAt: null,
        exitCode: null,
        elapsedSeconds: null,
      },
    });
    return externalId;
  }

  /** The backend loses every trace of the job (neither live nor in accounting). */
  forget(externalId: string): void {
    this.jobs.delete(externalId);
  }

  private require(externalId: string): HeldJob {
    const held = this.jobs.get(externalId);
    if (!held) throw new Error(`The in-memory backend has no job ${externalId}.`);
    return held;
  }
}

/** One in-memory backend per cluster id, as the worker's driver registry would build them. */
export function inMemoryDrivers(clock?: () => Date): {
  factory: DriverFactory;
  driver(clusterId: string): InMemoryComputeDriver;
} {
  const drivers = new Map<string, InMemoryComputeDriver>();
  const driver = (clusterId: string) => {
    let existing = drivers.get(clusterId);
    if (!existing) {
      existing = new InMemoryComputeDriver(clock);
      drivers.set(clusterId, existing);
    }
    return existing;
  };
  return { factory: (cluster) => driver(cluster.id), driver };
}

export function refusal(message: string): DriverError {
  return new DriverError(message, false);
}

export function outage(message: string): DriverError {
  return new DriverError(message, true);
}
