import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  NetworkingV1Api,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";

/** The typed API groups the driver uses, from one kubeconfig. */
export interface KubeClients {
  core: CoreV1Api;
  apps: AppsV1Api;
  networking: NetworkingV1Api;
  server: string;
}

/**
 * Clients from a kubeconfig file (the worker's: a ServiceAccount token and the cluster's CA),
 * pointed at `server` when given (the cluster record's endpoint) so that one credentials file
 * cannot silently drive another cluster than the catalogue names.
 */
export function kubeClientsFromFile(file: string, server?: string | null): KubeClients {
  const config = new KubeConfig();
  config.loadFromFile(file);
  return kubeClients(config, server);
}

export function kubeClients(config: KubeConfig, server?: string | null): KubeClients {
  if (server) {
    const current = config.getCurrentCluster();
    if (!current) throw new Error("The kubeconfig names no current cluster.");
    config.loadFromOptions({
      clusters: config.clusters.map((cluster) =>
        cluster.name === current.name ? { ...cluster, server } : cluster,
      ),
      users: config.users,
      contexts: config.contexts,
      currentContext: config.currentContext,
    });
  }
  return {
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    networking: config.makeApiClient(NetworkingV1Api),
    server: config.getCurrentCluster()?.server ?? "",
  };
}

/** Request options for a server-side apply (the body is JSON, which is YAML). */
export const SERVER_SIDE_APPLY = setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply);
export const MERGE_PATCH = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
