/**
 * Endpoints deployed through the worker onto the real Kubernetes control plane of
 * infra/k8s/up.sh (tests and benchmarks only): an organisation with an allocation line on a
 * Kubernetes cluster record that points at the control plane, worker processes that reach it as
 * its ServiceAccount, and a census of what the cluster holds, counted from the cluster itself.
 */
import { installationId } from "@tessera/core";
import { serverEnv } from "@tessera/config";
import type { Database, ResourceKind } from "@tessera/db";
import {
  installationSelector,
  kubeClientsFromFile,
  LABEL_WORKLOAD,
  namespaceFor,
} from "@tessera/drivers";
import {
  createEndpointSetup,
  type EndpointSetup,
} from "../../../../packages/core/src/endpoints/endpoint-fixture";
import {
  adminClients,
  WORKER_KUBECONFIG,
} from "../../../../packages/drivers/src/kubernetes/k8s-test-cluster";
import { startWorkerProcess, type WorkerProcess } from "../../../../infra/test/worker-process";

export interface K8sEndpointWorld extends EndpointSetup {
  namespace: string;
}

/** The API server the worker's kubeconfig names. */
export function controlPlaneServer(): string {
  return kubeClientsFromFile(WORKER_KUBECONFIG).server;
}

const MAPPING: Record<"GPU" | "CPU", { resource: string; nodeSelector: Record<string, string> }> = {
  GPU: {
    resource: "nvidia.com/gpu",
    nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
  },
  CPU: { resource: "cpu", nodeSelector: { "tessera.io/node-pool": "cpu" } },
};

/**
 * An organisation whose line's class is served by a KUBERNETES cluster record at the control
 * plane: GPUs on the H100 nodes, or CPU cores on the CPU pool (or, with `nodeSelector: {}`, on
 * any node).
 */
export async function createK8sEndpointWorld(
  database: Database,
  options: {
    kind?: "GPU" | "CPU";
    grantedUnitSeconds?: bigint;
    capacity?: number;
    nodeSelector?: Record<string, string>;
  } = {},
): Promise<K8sEndpointWorld> {
  const kind: ResourceKind = options.kind ?? "GPU";
  const mapping = MAPPING[kind === "CPU" ? "CPU" : "GPU"];
  const setup = await createEndpointSetup(database, {
    grantedUnitSeconds: options.grantedUnitSeconds ?? 100_000_000n,
    capacity: options.capacity ?? 64,
  });
  await database.resourceClass.update({
    where: { id: setup.resourceClassId },
    data: { kind, unit: kind === "CPU" ? "core" : "GPU" },
  });
  await database.cluster.update({
    where: { id: setup.clusterId },
    data: { kind: "KUBERNETES", endpoint: controlPlaneServer() },
  });
  await database.clusterResource.updateMany({
    where: { clusterId: setup.clusterId, resourceClassId: setup.resourceClassId },
    data: {
      k8sResourceName: mapping.resource,
      k8sNodeSelector: options.nodeSelector ?? mapping.nodeSelector,
    },
  });
  return { ...setup, namespace: namespaceFor(setup.organizationSlug) };
}

/** A worker process on `databaseUrl` that reaches the control plane as the worker's ServiceAccount. */
export async function startK8sWorker(
  databaseUrl: string,
  prefix: string,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const worker = await startWorkerProcess({
    DATABASE_URL: databaseUrl,
    REDIS_URL: serverEnv().REDIS_URL,
    QUEUE_PREFIX: prefix,
    KUBERNETES_KUBECONFIG: WORKER_KUBECONFIG,
    WORKER_CONCURRENCY: "8",
    WORKER_POLL_MS: "500",
    ...env,
  });
  await worker.ready();
  return worker;
}

export interface Census {
  /** Per workload id: Deployments, Services, live pods, ready pods and the Deployment's replicas. */
  perWorkload: Map<
    string,
    { deployments: number; services: number; pods: number; ready: number; replicas: number }
  >;
  /** Live pods and the nodes they were bound to. */
  nodes: string[];
}

/** What the cluster holds in the namespaces, for this database's installation, as an administrator reads it. */
export async function census(database: Database, namespaces: readonly string[]): Promise<Census> {
  const admin = adminClients();
  const labelSelector = installationSelector(await installationId(database));
  const perWorkload: Census["perWorkload"] = new Map();
  const nodes: string[] = [];
  const entry = (id: string) => {
    const found = perWorkload.get(id) ?? {
      deployments: 0,
      services: 0,
      pods: 0,
      ready: 0,
      replicas: 0,
    };
    perWorkload.set(id, found);
    return found;
  };
  for (const namespace of namespaces) {
    const [deployments, services, pods] = await Promise.all([
      admin.apps.listNamespacedDeployment({ namespace, labelSelector }),
      admin.core.listNamespacedService({ namespace, labelSelector }),
      admin.core.listNamespacedPod({ namespace, labelSelector }),
    ]);
    for (const deployment of deployments.items) {
      const found = entry(deployment.metadata?.labels?.[LABEL_WORKLOAD] ?? "");
      found.deployments += 1;
      found.replicas += deployment.spec?.replicas ?? 1;
    }
    for (const service of services.items) {
      entry(service.metadata?.labels?.[LABEL_WORKLOAD] ?? "").services += 1;
    }
    for (const pod of pods.items) {
      if (pod.metadata?.deletionTimestamp) continue;
      const found = entry(pod.metadata?.labels?.[LABEL_WORKLOAD] ?? "");
      found.pods += 1;
      nodes.push(pod.spec?.nodeName ?? "");
      const ready = pod.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";
      if (ready) found.ready += 1;
    }
  }
  return { perWorkload, nodes };
}

/**
 * Lost: a wanted endpoint without its Deployment and Service, or with fewer ready pods than its
 * replicas. Doubled: more than one Deployment or Service for one endpoint, or more pods than its
 * replicas. Orphaned: anything of this installation that no wanted endpoint accounts for.
 */
export function lostDoubledOrphaned(wanted: ReadonlyMap<string, number>, found: Census) {
  let lost = 0;
  let doubled = 0;
  for (const [id, replicas] of wanted) {
    const objects = found.perWorkload.get(id);
    if (!objects || objects.deployments === 0 || objects.services === 0) lost += 1;
    else if (objects.replicas !== replicas || objects.ready < replicas) lost += 1;
    if (objects && (objects.deployments > 1 || objects.services > 1 || objects.pods > replicas)) {
      doubled += 1;
    }
  }
  const orphaned = [...found.perWorkload.keys()].filter((id) => !wanted.has(id)).length;
  return { lost, doubled, orphaned };
}
