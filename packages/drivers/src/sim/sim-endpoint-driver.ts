import {
  DriverError,
  type BackendEndpoint,
  type EndpointApplyResult,
  type EndpointDriver,
  type EndpointRef,
  type EndpointSpec,
  type EndpointTenantSpec,
} from "@tessera/core";
import { Prisma, type Database, type SimEndpoint } from "@tessera/db";
import { endpointNameFor, namespaceFor } from "../kubernetes/k8s-objects";
import { loadSimEndpointSchedule, type SimEndpointSchedule } from "./sim-endpoint-schedule";

export const DEFAULT_SIM_ENDPOINT_READY_SECONDS = 5;
export const DEFAULT_SIM_MODEL_SERVER_URL = "http://localhost:3300";

export interface SimEndpointDriverOptions {
  /** Cluster.id of the simulated cluster. */
  clusterId: string;
  db: Database;
  installationId: () => Promise<string>;
  /** How long after a change the simulated replicas become ready (SIM_ENDPOINT_READY_SECONDS). */
  readySeconds?: number;
  /** The simulated model server every simulated endpoint is served by (SIM_MODEL_SERVER_URL). */
  modelServerUrl?: string;
  /** The simulation's clock (tests move it). */
  now?: () => Date;
}

interface SimLabels {
  organization: string;
  workload: string;
  installation: string;
}

/**
 * Pure: what a simulated endpoint looks like at `now` — no replicas wanted is scaled to zero; for
 * `readySeconds` after a change its new replicas are starting, while those ready before the change
 * keep serving (`readyBefore`, as a Deployment's running pods do: a scale-up from 1 to 2 is
 * degraded with 1 ready, a scale-down is ready at once, a first deploy is deploying with none);
 * after that the replicas the cluster placed are ready (all of them unless `placed` says fewer).
 * Replicas it could not place stay pending with the scheduler's reason, in Kubernetes' words
 * ("Insufficient nvidia.com/gpu"): fewer ready than wanted is degraded, none is still deploying.
 */
export function simEndpointState(
  row: Pick<SimEndpoint, "replicas" | "changedAt" | "readyBefore">,
  now: Date,
  readySeconds: number,
  placed: { replicas: number; resource: string } = { replicas: row.replicas, resource: "" },
): Pick<BackendEndpoint, "state" | "readyReplicas" | "desiredReplicas" | "reason"> {
  if (row.replicas === 0) {
    return { state: "SCALED_TO_ZERO", readyReplicas: 0, desiredReplicas: 0, reason: null };
  }
  const running = Math.min(row.replicas, placed.replicas);
  const pending = row.replicas - running;
  const unschedulable =
    pending > 0
      ? `0/1 nodes are available: 1 Insufficient ${placed.resource} (${pending} of ${row.replicas} replica${row.replicas === 1 ? "" : "s"} pending)`
      : null;
  const elapsed = (now.getTime() - row.changedAt.getTime()) / 1000;
  const ready = elapsed >= readySeconds ? running : Math.min(row.readyBefore, running);
  if (ready > 0) {
    const starting = running - ready;
    return {
      state: ready < row.replicas ? "DEGRADED" : "READY",
      readyReplicas: ready,
      desiredReplicas: row.replicas,
      reason:
        unschedulable ??
        (starting > 0
          ? `Starting ${starting} more simulated model server replica${starting === 1 ? "" : "s"}`
          : null),
    };
  }
  return {
    state: "DEPLOYING",
    readyReplicas: 0,
    desiredReplicas: row.replicas,
    reason:
      unschedulable ??
      `Starting ${row.replicas} simulated model server replica${row.replicas === 1 ? "" : "s"}`,
  };
}

/**
 * The simulated cluster's endpoints: the embedded default, driven through the same interface and
 * worker tier as Kubernetes. State lives in PostgreSQL (SimEndpoint), so every worker process sees
 * one cluster. Names are deterministic (the Kubernetes driver's namespace and name for the
 * workload), so apply is idempotent; every endpoint is served by the simulated model server. The
 * cluster's capacity per class is shared with its jobs: replicas beyond it stay pending
 * (scheduleSimReplicas).
 */
export class SimEndpointDriver implements EndpointDriver {
  readonly kind = "SIM" as const;
  private readonly readySeconds: number;
  private readonly url: string;
  private readonly now: () => Date;

  constructor(private readonly options: SimEndpointDriverOptions) {
    this.readySeconds = options.readySeconds ?? DEFAULT_SIM_ENDPOINT_READY_SECONDS;
    this.url = (options.modelServerUrl ?? DEFAULT_SIM_MODEL_SERVER_URL).replace(/\/+$/, "");
    this.now = options.now ?? (() => new Date());
  }

  /** The simulated cluster has no per-tenant objects; the slug is checked as Kubernetes would. */
  ensureEndpointTenant(tenant: EndpointTenantSpec): Promise<void> {
    return this.guard(() => {
      namespaceFor(tenant.slug);
      return Promise.resolve();
    });
  }

  /** Nothing to wait for: the simulated cluster enforces no quota of its own (only capacity). */
  settleEndpointTenant(tenant: EndpointTenantSpec): Promise<void> {
    return this.ensureEndpointTenant(tenant);
  }

  async applyEndpoint(spec: EndpointSpec): Promise<EndpointApplyResult> {
    const { namespace, name } = await this.guard(() => Promise.resolve(this.names(spec)));
    const labels: SimLabels = {
      organization: spec.organizationId,
      workload: spec.workloadId,
      installation: await this.options.installationId(),
    };
    const stored = JSON.stringify({ ...spec, replicas: undefined });
    const now = this.now();
    const readyBefore = await this.readyNow({ namespace, name }, now);
    // One statement: insert, or update only when the spec or the replicas differ (changedAt then
    // restarts the simulated rollout). `inserted` tells a new row from an updated one.
    const rows = await this.options.db.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
      INSERT INTO "SimEndpoint" ("clusterId", "name", "namespace", "labels", "spec", "replicas",
                                 "changedAt", "createdAt", "readyBefore")
      VALUES (${this.options.clusterId}, ${name}, ${namespace}, ${JSON.stringify(labels)}::jsonb,
              ${stored}::jsonb, ${spec.replicas}, ${now}, ${now}, ${readyBefore})
      ON CONFLICT ("clusterId", "name") DO UPDATE
         SET "spec" = EXCLUDED."spec", "replicas" = EXCLUDED."replicas",
             "labels" = EXCLUDED."labels", "changedAt" = EXCLUDED."changedAt",
             "readyBefore" = EXCLUDED."readyBefore"
       WHERE "SimEndpoint"."spec" IS DISTINCT FROM EXCLUDED."spec"
          OR "SimEndpoint"."replicas" IS DISTINCT FROM EXCLUDED."replicas"
      RETURNING (xmax = 0) AS "inserted"`);
    return { externalId: `${namespace}/${name}`, changed: rows.length > 0 };
  }

  async scaleEndpoint(ref: EndpointRef, replicas: number): Promise<void> {
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw new DriverError(
        `Replicas must be a whole number of at least 0, not ${replicas}.`,
        false,
      );
    }
    const { namespace, name } = await this.guard(() => Promise.resolve(this.names(ref)));
    const where = { clusterId_name: { clusterId: this.options.clusterId, name } };
    const row = await this.options.db.simEndpoint.findUnique({ where });
    if (!row) {
      throw new DriverError(
        `The endpoint ${namespace}/${name} does not exist on the cluster.`,
        false,
        {
          notFound: true,
        },
      );
    }
    if (row.replicas === replicas) return;
    const now = this.now();
    // The replicas serving now keep serving while the new ones start.
    const readyBefore = simEndpointState(row, now, this.readySeconds).readyReplicas;
    await this.options.db.simEndpoint.update({
      where,
      data: { replicas, changedAt: now, readyBefore },
    });
  }

  /** The replicas of an endpoint ready at `now` (0 when it is not on the cluster). */
  private async readyNow(names: { namespace: string; name: string }, now: Date): Promise<number> {
    const row = await this.options.db.simEndpoint.findUnique({
      where: { clusterId_name: { clusterId: this.options.clusterId, name: names.name } },
    });
    return row ? simEndpointState(row, now, this.readySeconds).readyReplicas : 0;
  }

  async deleteEndpoint(ref: EndpointRef): Promise<void> {
    const { name } = await this.guard(() => Promise.resolve(this.names(ref)));
    await this.options.db.simEndpoint.deleteMany({
      where: { clusterId: this.options.clusterId, name },
    });
  }

  async describeEndpoints(refs: readonly EndpointRef[]): Promise<Map<string, BackendEndpoint>> {
    const installation = await this.options.installationId();
    const byName = new Map(refs.map((ref) => [endpointNameFor(ref.workloadId), ref.workloadId]));
    const rows = await this.options.db.simEndpoint.findMany({
      where: { clusterId: this.options.clusterId, name: { in: [...byName.keys()] } },
    });
    const schedule = await loadSimEndpointSchedule(this.options.db, this.options.clusterId);
    const found = new Map<string, BackendEndpoint>();
    for (const row of rows) {
      const workloadId = byName.get(row.name);
      const endpoint = this.toBackend(row, installation, schedule);
      if (workloadId && endpoint) found.set(workloadId, endpoint);
    }
    return found;
  }

  async presentReplicas(refs: readonly EndpointRef[]): Promise<Map<string, number>> {
    const seen = await this.describeEndpoints(refs);
    // A simulated replica leaves the moment it is scaled away or deleted.
    return new Map(
      [...seen].flatMap(([workloadId, found]) =>
        found.presentReplicas > 0 ? [[workloadId, found.presentReplicas] as const] : [],
      ),
    );
  }

  async listEndpoints(): Promise<BackendEndpoint[]> {
    const installation = await this.options.installationId();
    const rows = await this.options.db.simEndpoint.findMany({
      where: {
        clusterId: this.options.clusterId,
        labels: { path: ["installation"], equals: installation },
      },
      orderBy: { id: "asc" },
    });
    const schedule = await loadSimEndpointSchedule(this.options.db, this.options.clusterId);
    return rows.flatMap((row) => this.toBackend(row, installation, schedule) ?? []);
  }

  /** Another installation's object is not this one's to see. */
  private toBackend(
    row: SimEndpoint,
    installation: string,
    schedule: SimEndpointSchedule,
  ): BackendEndpoint | null {
    const labels = row.labels as Partial<SimLabels>;
    if (labels.installation !== installation) return null;
    const spec = row.spec as Partial<EndpointSpec>;
    const placed = {
      replicas: schedule.placed.get(row.id.toString()) ?? row.replicas,
      resource: spec.acceleratorResource ?? "cpu",
    };
    return {
      externalId: `${row.namespace}/${row.name}`,
      workloadId: labels.workload ?? null,
      url: this.url,
      // A simulated replica leaves the moment it is scaled away.
      presentReplicas: row.replicas,
      ...simEndpointState(row, this.now(), this.readySeconds, placed),
    };
  }

  private names(ref: Pick<EndpointRef, "slug" | "workloadId">) {
    return { namespace: namespaceFor(ref.slug), name: endpointNameFor(ref.workloadId) };
  }

  /** A name the backend would refuse is a refusal, not a retry. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DriverError) throw error;
      throw new DriverError(error instanceof Error ? error.message : String(error), false);
    }
  }
}
