import type { ClusterKind } from "@tessera/db";

/**
 * The one interface every compute backend implements (DESIGN.md, "Compute drivers"). Only the
 * worker tier holds a driver; the web tier records intent and never talks to a cluster.
 *
 * Every method is safe to call again after a crash: submit finds the job it made before (the
 * workload id travels in the job's name and comment), cancel of a finished or unknown job is a
 * no-op, ensureTenant converges the account to the limits it is given.
 */
export interface ComputeDriver {
  readonly kind: ClusterKind;
  /** Places the job, or finds the one already placed for this workload. */
  submit(request: SubmitRequest): Promise<SubmitResult>;
  /** Cancels the job; a job that has already ended or is unknown is not an error. */
  cancel(externalId: string): Promise<void>;
  /**
   * The current state of each job asked for. A job the backend no longer knows anywhere (neither
   * live nor in accounting) is absent from the map — the caller decides when absence means lost.
   */
  describe(externalIds: readonly string[]): Promise<Map<string, BackendJob>>;
  /** Every job on the backend that carries a Tessera workload id and has not ended. */
  listActive(): Promise<BackendJob[]>;
  /** Usage of Tessera jobs that ended since `since` (for settlement and, later, metering). */
  usage(since: Date): Promise<UsageInterval[]>;
  /** Creates or updates the tenant's account on the backend with the given limits. */
  ensureTenant(tenant: TenantAccountSpec): Promise<void>;
  /** The last `lines` lines of the job's stdout and stderr, or null when the backend cannot tell. */
  outputTail(externalId: string, lines: number): Promise<string | null>;
}

export type BackendJobState = "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";

export interface SubmitRequest {
  workloadId: string;
  /** Human name (shown by the scheduler next to the workload id). */
  displayName: string;
  /** The tenant's account on this backend (TenantClusterAccount.accountName). */
  account: string;
  resourceClassCode: string;
  /** How the class maps onto the backend (ClusterResource). */
  mapping: ClusterResourceMapping;
  quantity: number;
  /**
   * The nodes the job was accepted for: `nodes` nodes with `unitsPerNode` units each. Absent on a
   * job accepted before nodes were recorded: the driver derives them from the mapping's
   * unitsPerNode (nodeShapeOf).
   */
  nodes?: { nodes: number; unitsPerNode: number };
  walltimeSeconds: number;
  /** The batch script, starting with #!. */
  script: string;
  environment: Record<string, string>;
}

/** How a class maps onto one cluster, as a driver submits it (ClusterResource). */
export interface ClusterResourceMapping {
  slurmPartition: string | null;
  slurmGres: string | null;
  capacity: number;
  /**
   * Units of the class one node has: a job larger than a node asks for whole nodes of it
   * (nodeShapeOf). Null or absent when not recorded: a job asks for one node.
   */
  unitsPerNode?: number | null;
}

export interface SubmitResult {
  externalId: string;
  /** False when the job already existed (a retried submit found it). */
  created: boolean;
}

export interface BackendJob {
  externalId: string;
  /** Parsed from the job's name/comment; null for jobs Tessera did not make. */
  workloadId: string | null;
  state: BackendJobState;
  /** The scheduler's reason while pending (Resources, Priority, AssocGrpGRES…), or why it ended. */
  reason: string | null;
  submittedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  /** The job's own exit code (not a raw wait status); null while it runs. */
  exitCode: number | null;
  /** Wall-clock seconds the job ran (from accounting once ended). */
  elapsedSeconds: number | null;
  /** Energy the job consumed as the backend measured it (accounting), in mWh; absent if unknown. */
  consumedEnergyMilliWh?: number | null;
  /**
   * The end of the job's stdout and stderr when the backend has it at hand with the job's state
   * (the simulated cluster keeps it in the same row); absent when it must be asked for with
   * outputTail. At most OUTPUT_AT_HAND_CHARS characters.
   */
  output?: string;
}

/** The most of a job's output a driver hands over with its state (BackendJob.output). */
export const OUTPUT_AT_HAND_CHARS = 64 * 1024;

export interface UsageInterval {
  externalId: string;
  workloadId: string;
  start: Date;
  end: Date;
  /** Units of the resource class × seconds. */
  unitSeconds: number;
}

export interface TenantAccountSpec {
  accountName: string;
  /** Concurrent GPUs the tenant may hold on this backend (Slurm GrpTRES gres/gpu). */
  gpuLimit: number;
}

/** Job name every driver gives a workload's job; `workloadIdFromJobName` reads it back. */
export function jobNameFor(workloadId: string): string {
  return `tessera-${workloadId}`;
}

export function workloadIdFromJobName(name: string | null | undefined): string | null {
  const match = /^tessera-([a-z0-9]{8,64})$/i.exec(name ?? "");
  return match?.[1] ?? null;
}
