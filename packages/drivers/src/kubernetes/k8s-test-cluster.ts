import { randomBytes, randomUUID } from "node:crypto";
import { AppsV1Api, CoreV1Api, KubeConfig, NetworkingV1Api } from "@kubernetes/client-node";
import type { EndpointSpec, EndpointTenantSpec } from "@tessera/core";
import { kubeClientsFromFile } from "./kube-client";
import { KubernetesEndpointDriver } from "./kubernetes-endpoint-driver";
import { namespaceFor } from "./k8s-objects";

/**
 * For the *.k8s.test.ts files: the development control plane of infra/k8s/up.sh, the worker's
 * clients (its ServiceAccount, as in production) and an administrator's for what the tests
 * inspect or break behind the driver's back.
 */
export const K8S_HOME = process.env.TESSERA_K8S_HOME ?? "/var/lib/tessera-k8s";
export const WORKER_KUBECONFIG = `${K8S_HOME}/tessera-worker.kubeconfig`;

export function adminClients() {
  const config = new KubeConfig();
  config.loadFromFile(`${K8S_HOME}/admin.kubeconfig`);
  return {
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    networking: config.makeApiClient(NetworkingV1Api),
  };
}

export function suffix(): string {
  return randomBytes(4).toString("hex");
}

/** A driver as the worker would make it, with an installation id of the test's own. */
export function testDriver(options: { retryForMs?: number; installationId?: string } = {}) {
  const installationId = options.installationId ?? randomUUID();
  const driver = new KubernetesEndpointDriver({
    clients: kubeClientsFromFile(WORKER_KUBECONFIG),
    installationId: () => Promise.resolve(installationId),
    retryForMs: options.retryForMs ?? 15_000,
  });
  return { driver, installationId };
}

export function testTenant(quota: Record<string, string> = {}): EndpointTenantSpec {
  const id = suffix();
  return {
    organizationId: `org-${id}`,
    slug: `k8st-${id}`,
    quota: {
      "nvidia.com/gpu": "8",
      "nvidia.com/mig-1g.10gb": "7",
      "nvidia.com/mig-3g.40gb": "4",
      cpu: "64",
      memory: "256Gi",
      pods: "200",
      ...quota,
    },
  };
}

export function testEndpoint(
  tenant: EndpointTenantSpec,
  overrides: Partial<EndpointSpec> = {},
): EndpointSpec {
  return {
    workloadId: `w${suffix()}${suffix()}`,
    organizationId: tenant.organizationId,
    slug: tenant.slug,
    displayName: "Test endpoint",
    image: "registry.invalid/tessera/model-server-simulator:1",
    args: ["--model", "smollm2-135m"],
    modelName: "smollm2-135m",
    port: 8000,
    healthPath: "/health",
    replicas: 1,
    acceleratorResource: "nvidia.com/gpu",
    acceleratorCount: 1,
    resourceClassCode: "h100-80gb",
    unitsPerReplica: 1,
    cpu: "2",
    memory: "8Gi",
    nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
    ...overrides,
  };
}

/** Polls until `check` answers something other than undefined, or fails saying what it waited for. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Error | null = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(JSON.stringify(error));
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Removes tenants' namespaces (and so everything in them) as the administrator, and waits until
 * they are gone: deleting a namespace only starts it, and its pods, terminating, still hold their
 * node's GPUs and pod slots. The next test file's pods must find the simulated nodes free.
 */
export async function removeTenants(slugs: readonly string[]): Promise<void> {
  const { core } = adminClients();
  const names = new Set(slugs.map(namespaceFor));
  await Promise.all(
    [...names].map((name) => core.deleteNamespace({ name }).catch(() => undefined)),
  );
  if (names.size === 0) return;
  await eventually(
    `the namespaces of ${names.size} test tenants to be gone`,
    async () => {
      const { items } = await core.listNamespace();
      return items.some((namespace) => names.has(namespace.metadata?.name ?? ""))
        ? undefined
        : true;
    },
    150_000,
  );
}
