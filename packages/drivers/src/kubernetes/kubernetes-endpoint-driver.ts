import {
  DriverError,
  type BackendEndpoint,
  type EndpointApplyResult,
  type EndpointDriver,
  type EndpointRef,
  type EndpointSpec,
  type EndpointTenantSpec,
} from "@tessera/core";
import type { CoreV1Event, V1Deployment, V1Pod } from "@kubernetes/client-node";
import { MERGE_PATCH, SERVER_SIDE_APPLY, type KubeClients } from "./kube-client";
import { isNotFound, kubernetesFailure } from "./k8s-errors";
import {
  endpointNameFor,
  endpointObjects,
  externalIdFor,
  FIELD_MANAGER,
  installationSelector,
  LABEL_WORKLOAD,
  labelValue,
  namespaceFor,
  QUOTA_NAME,
  quotaHard,
  tenantObjects,
} from "./k8s-objects";
import { quotaCovers } from "./k8s-quantity";
import { endpointStatus, podPresent } from "./k8s-status";

export interface KubernetesEndpointDriverOptions {
  clients: KubeClients;
  /** This installation's id (labels every object; the driver lists and touches only its own). */
  installationId: () => Promise<string>;
  /** The namespace the gateway runs in: the only one tenant pods accept traffic from. */
  gatewayNamespace?: string;
  /** How long one call keeps retrying transient failures before giving up (retryable). */
  retryForMs?: number;
  /** How long ensureEndpointTenant waits for the quota controller to take the new quota. */
  quotaWaitMs?: number;
}

export const DEFAULT_GATEWAY_NAMESPACE = "tessera-gateway";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Body = Record<string, unknown>;

/**
 * Inference endpoints on a Kubernetes cluster (EndpointDriver): a namespace per organisation
 * with its quota, limits and network policies; per endpoint a Deployment and a Service applied
 * server-side under one field manager, found again by the workload id in their names and labels.
 * Worker tier only.
 */
export class KubernetesEndpointDriver implements EndpointDriver {
  readonly kind = "KUBERNETES" as const;
  private readonly clients: KubeClients;
  private readonly gatewayNamespace: string;
  private readonly retryForMs: number;
  private readonly quotaWaitMs: number;
  private readonly readInstallationId: () => Promise<string>;
  private installation: Promise<string> | null = null;

  constructor(options: KubernetesEndpointDriverOptions) {
    this.clients = options.clients;
    this.readInstallationId = options.installationId;
    this.gatewayNamespace = options.gatewayNamespace ?? DEFAULT_GATEWAY_NAMESPACE;
    this.retryForMs = options.retryForMs ?? 15_000;
    this.quotaWaitMs = options.quotaWaitMs ?? 30_000;
  }

  private installationId(): Promise<string> {
    this.installation ??= this.readInstallationId().catch((error: unknown) => {
      this.installation = null;
      throw error;
    });
    return this.installation;
  }

  /** Runs one API call, retrying transient failures with backoff for up to `retryForMs`. */
  private async call<T>(doing: string, request: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.retryForMs;
    let delay = 200;
    for (;;) {
      try {
        return await request();
      } catch (error) {
        const failure = kubernetesFailure(error, doing);
        if (!failure.retryable || Date.now() + delay > deadline) throw failure;
        await sleep(delay);
        delay = Math.min(delay * 2, 2_000);
      }
    }
  }

  /** A read that answers null for an object that does not exist. */
  private async readOrNull<T>(doing: string, request: () => Promise<T>): Promise<T | null> {
    return this.call(doing, async () => {
      try {
        return await request();
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    });
  }

  private async delete(doing: string, request: () => Promise<unknown>): Promise<void> {
    await this.call(doing, async () => {
      try {
        await request();
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    });
  }

  private guarded<T>(build: () => T): T {
    try {
      return build();
    } catch (error) {
      if (error instanceof TypeError) throw new DriverError(error.message, false);
      throw error;
    }
  }

  async ensureEndpointTenant(
    tenant: EndpointTenantSpec,
    options: { settle?: boolean } = {},
  ): Promise<void> {
    const installationId = await this.installationId();
    const objects = this.guarded(() =>
      tenantObjects(installationId, tenant, this.gatewayNamespace),
    );
    const namespace = namespaceFor(tenant.slug);
    const { core, networking } = this.clients;
    const apply = { fieldManager: FIELD_MANAGER, force: true };
    await this.call(`applying namespace ${namespace}`, () =>
      core.patchNamespace(
        { name: namespace, body: objects.namespace, ...apply },
        SERVER_SIDE_APPLY,
      ),
    );
    // The namespace's objects do not depend on one another: one round trip for all of them.
    await Promise.all([
      this.call(`applying the quota of ${namespace}`, () =>
        core.patchNamespacedResourceQuota(
          { name: QUOTA_NAME, namespace, body: objects.resourceQuota, ...apply },
          SERVER_SIDE_APPLY,
        ),
      ),
      this.call(`applying the limits of ${namespace}`, () =>
        core.patchNamespacedLimitRange(
          { name: nameOf(objects.limitRange), namespace, body: objects.limitRange, ...apply },
          SERVER_SIDE_APPLY,
        ),
      ),
      ...objects.networkPolicies.map((policy) =>
        this.call(`applying network policy ${nameOf(policy)} in ${namespace}`, () =>
          networking.patchNamespacedNetworkPolicy(
            { name: nameOf(policy), namespace, body: policy, ...apply },
            SERVER_SIDE_APPLY,
          ),
        ),
      ),
    ]);
    if (options.settle !== false) await this.settleEndpointTenant(tenant);
  }

  /**
   * Pods are refused in a namespace whose quota the quota controller has not counted yet: the
   * quota admission enforces the quota's status, which the controller copies from its spec. Waits
   * until that status allows at least this tenant's quota (a larger one applied since will do).
   */
  async settleEndpointTenant(tenant: EndpointTenantSpec): Promise<void> {
    const namespace = namespaceFor(tenant.slug);
    const wanted = quotaHard(tenant.quota);
    const deadline = Date.now() + this.quotaWaitMs;
    for (;;) {
      const current = await this.call(`reading the quota of ${namespace}`, () =>
        this.clients.core.readNamespacedResourceQuota({ name: QUOTA_NAME, namespace }),
      );
      if (quotaCovers(current.status?.hard, wanted)) return;
      if (Date.now() > deadline) {
        throw new DriverError(
          `The quota controller has not taken the new quota of ${namespace} yet.`,
          true,
        );
      }
      await sleep(100);
    }
  }

  async applyEndpoint(spec: EndpointSpec): Promise<EndpointApplyResult> {
    const installationId = await this.installationId();
    const objects = this.guarded(() => endpointObjects(installationId, spec));
    const namespace = namespaceFor(spec.slug);
    const name = endpointNameFor(spec.workloadId);
    const { core, apps } = this.clients;
    const apply = { name, namespace, fieldManager: FIELD_MANAGER, force: true };

    const [serviceBefore, deploymentBefore] = await Promise.all([
      this.readOrNull(`reading service ${namespace}/${name}`, () =>
        core.readNamespacedService({ name, namespace }),
      ),
      this.readOrNull(`reading deployment ${namespace}/${name}`, () =>
        apps.readNamespacedDeployment({ name, namespace }),
      ),
    ]);
    // The Service first: a Deployment the quota refuses then leaves nothing behind but what
    // this call made, which it removes.
    const service = await this.call(`applying service ${namespace}/${name}`, () =>
      core.patchNamespacedService({ ...apply, body: objects.service }, SERVER_SIDE_APPLY),
    );
    let deployment: V1Deployment;
    try {
      deployment = await this.call(`applying deployment ${namespace}/${name}`, () =>
        apps.patchNamespacedDeployment({ ...apply, body: objects.deployment }, SERVER_SIDE_APPLY),
      );
    } catch (error) {
      if (serviceBefore === null && !deploymentBefore && !(error as DriverError).retryable) {
        await this.delete(`removing service ${namespace}/${name}`, () =>
          core.deleteNamespacedService({ name, namespace }),
        ).catch(() => undefined);
      }
      throw error;
    }
    // The Deployment's resourceVersion moves with every status write of its controller; its
    // generation moves only when its spec does. Its metadata is compared on what Tessera sets
    // only: the controller adds annotations of its own (the revision) at any time.
    const desired = objects.deployment.metadata;
    const changed =
      serviceBefore?.metadata?.resourceVersion !== service.metadata?.resourceVersion ||
      deploymentBefore?.metadata?.generation !== deployment.metadata?.generation ||
      !includesAll(deploymentBefore?.metadata?.labels, desired.labels) ||
      !includesAll(deploymentBefore?.metadata?.annotations, desired.annotations);
    return { externalId: `${namespace}/${name}`, changed };
  }

  async scaleEndpoint(ref: EndpointRef, replicas: number): Promise<void> {
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw new DriverError(
        `Replicas must be a whole number of at least 0, not ${replicas}.`,
        false,
      );
    }
    const namespace = namespaceFor(ref.slug);
    const name = endpointNameFor(ref.workloadId);
    const scaled = await this.readOrNull(`scaling deployment ${namespace}/${name}`, () =>
      this.clients.apps.patchNamespacedDeploymentScale(
        { name, namespace, body: { spec: { replicas } }, fieldManager: FIELD_MANAGER },
        MERGE_PATCH,
      ),
    );
    if (scaled === null) {
      throw new DriverError(
        `The endpoint ${namespace}/${name} does not exist on the cluster.`,
        false,
        {
          notFound: true,
        },
      );
    }
  }

  async deleteEndpoint(ref: EndpointRef): Promise<void> {
    const namespace = namespaceFor(ref.slug);
    const name = endpointNameFor(ref.workloadId);
    const { core, apps } = this.clients;
    // Background propagation: the garbage collector removes the ReplicaSets and their pods.
    await this.delete(`deleting deployment ${namespace}/${name}`, () =>
      apps.deleteNamespacedDeployment({ name, namespace, propagationPolicy: "Background" }),
    );
    await this.delete(`deleting service ${namespace}/${name}`, () =>
      core.deleteNamespacedService({ name, namespace }),
    );
  }

  async describeEndpoints(refs: readonly EndpointRef[]): Promise<Map<string, BackendEndpoint>> {
    const selector = installationSelector(await this.installationId());
    const wanted = byNamespace(refs, (ref) => endpointNameFor(ref.workloadId));
    const found = new Map<string, BackendEndpoint>();
    await Promise.all(
      [...wanted].map(async ([namespace, names]) => {
        const [deployments, pods] = await Promise.all([
          this.call(`listing deployments in ${namespace}`, () =>
            this.clients.apps.listNamespacedDeployment({ namespace, labelSelector: selector }),
          ),
          this.call(`listing pods in ${namespace}`, () =>
            this.clients.core.listNamespacedPod({ namespace, labelSelector: selector }),
          ),
        ]);
        const mine = deployments.items.filter((d) => names.has(d.metadata?.name ?? ""));
        for (const status of await this.statuses(mine, pods.items)) {
          found.set(status.externalId, status);
        }
      }),
    );
    // Keyed by the workload id the caller asked with (and by external id for convenience).
    const byRef = new Map<string, BackendEndpoint>();
    for (const ref of refs) {
      const status = found.get(externalIdFor(ref));
      if (status) byRef.set(ref.workloadId, status);
    }
    return byRef;
  }

  async presentReplicas(refs: readonly EndpointRef[]): Promise<Map<string, number>> {
    const labelSelector = installationSelector(await this.installationId());
    const wanted = byNamespace(refs, (ref) => labelValue("The workload id", ref.workloadId));
    const present = new Map<string, number>();
    // The pods by their labels, not through the Deployment: a deleted one's outlive it.
    await Promise.all(
      [...wanted].map(async ([namespace, workloads]) => {
        const pods = await this.call(`listing pods in ${namespace}`, () =>
          this.clients.core.listNamespacedPod({ namespace, labelSelector }),
        );
        for (const pod of pods.items) {
          const workload = pod.metadata?.labels?.[LABEL_WORKLOAD] ?? "";
          if (!workloads.has(workload) || !podPresent(pod)) continue;
          present.set(workload, (present.get(workload) ?? 0) + 1);
        }
      }),
    );
    return present;
  }

  async listEndpoints(): Promise<BackendEndpoint[]> {
    const labelSelector = installationSelector(await this.installationId());
    const [deployments, pods] = await Promise.all([
      this.call("listing deployments", () =>
        this.clients.apps.listDeploymentForAllNamespaces({ labelSelector }),
      ),
      this.call("listing pods", () => this.clients.core.listPodForAllNamespaces({ labelSelector })),
    ]);
    return this.statuses(deployments.items, pods.items);
  }

  /**
   * Statuses of Deployments, given the pods of their namespaces; the Warning events of a
   * namespace are read only when one of its endpoints is neither ready nor explained by its
   * pods and conditions alone.
   */
  private async statuses(
    deployments: readonly V1Deployment[],
    pods: readonly V1Pod[],
  ): Promise<BackendEndpoint[]> {
    const podsOf = (deployment: V1Deployment) => {
      const workload = deployment.metadata?.labels?.[LABEL_WORKLOAD];
      return pods.filter(
        (pod) =>
          pod.metadata?.namespace === deployment.metadata?.namespace &&
          pod.metadata?.labels?.[LABEL_WORKLOAD] === workload,
      );
    };
    const first = deployments.map((deployment) =>
      endpointStatus(deployment, podsOf(deployment), []),
    );
    const unexplained = new Set(
      deployments
        .filter((_, index) => {
          const status = first[index]!;
          return (
            status.reason === null && (status.state === "DEPLOYING" || status.state === "DEGRADED")
          );
        })
        .map((deployment) => deployment.metadata?.namespace ?? ""),
    );
    if (unexplained.size === 0) return first;
    const warnings = new Map<string, CoreV1Event[]>();
    await Promise.all(
      [...unexplained].map(async (namespace) => {
        const events = await this.call(`listing events in ${namespace}`, () =>
          this.clients.core.listNamespacedEvent({ namespace, fieldSelector: "type=Warning" }),
        );
        warnings.set(namespace, events.items);
      }),
    );
    return deployments.map((deployment, index) => {
      const namespace = deployment.metadata?.namespace ?? "";
      const events = warnings.get(namespace);
      return events ? endpointStatus(deployment, podsOf(deployment), events) : first[index]!;
    });
  }
}

/** The refs' keys grouped by namespace. */
function byNamespace(
  refs: readonly EndpointRef[],
  keyOf: (ref: EndpointRef) => string,
): Map<string, Set<string>> {
  const grouped = new Map<string, Set<string>>();
  for (const ref of refs) {
    const namespace = namespaceFor(ref.slug);
    grouped.set(namespace, (grouped.get(namespace) ?? new Set<string>()).add(keyOf(ref)));
  }
  return grouped;
}

function nameOf(object: Body): string {
  const name = (object.metadata as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? name : "";
}

/** Whether every key of `wanted` stands in `actual` with the same value. */
function includesAll(
  actual: Record<string, string> | undefined,
  wanted: Record<string, string> | undefined,
): boolean {
  return Object.entries(wanted ?? {}).every(([key, value]) => actual?.[key] === value);
}
