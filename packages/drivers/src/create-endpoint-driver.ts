import { installationId, type EndpointDriver } from "@tessera/core";
import type { ServerEnv } from "@tessera/config";
import type { Cluster, Database } from "@tessera/db";
import { kubeClientsFromFile, type KubeClients } from "./kubernetes/kube-client";
import { KubernetesEndpointDriver } from "./kubernetes/kubernetes-endpoint-driver";
import { SimEndpointDriver } from "./sim/sim-endpoint-driver";

export interface EndpointDriverDeps {
  env: Pick<
    ServerEnv,
    | "KUBERNETES_KUBECONFIG"
    | "KUBERNETES_GATEWAY_NAMESPACE"
    | "SIM_ENDPOINT_READY_SECONDS"
    | "SIM_MODEL_SERVER_URL"
  >;
  db: Database;
  /** Overrides for tests and unusual deployments. */
  kubernetes?: { clients?: KubeClients; retryForMs?: number; quotaWaitMs?: number };
}

/**
 * The endpoint driver for a cluster record, chosen by its kind, or null for a kind this package
 * has none for. Worker tier only. A Kubernetes cluster is reached at its record's endpoint with
 * the worker's kubeconfig (KUBERNETES_KUBECONFIG: its CA and ServiceAccount token).
 */
export function createEndpointDriver(
  cluster: Pick<Cluster, "id" | "kind" | "endpoint">,
  deps: EndpointDriverDeps,
): EndpointDriver | null {
  switch (cluster.kind) {
    case "KUBERNETES":
      return new KubernetesEndpointDriver({
        clients:
          deps.kubernetes?.clients ??
          kubeClientsFromFile(deps.env.KUBERNETES_KUBECONFIG, cluster.endpoint),
        installationId: () => installationId(deps.db),
        gatewayNamespace: deps.env.KUBERNETES_GATEWAY_NAMESPACE,
        retryForMs: deps.kubernetes?.retryForMs,
        quotaWaitMs: deps.kubernetes?.quotaWaitMs,
      });
    case "SIM":
      return new SimEndpointDriver({
        clusterId: cluster.id,
        db: deps.db,
        installationId: () => installationId(deps.db),
        readySeconds: deps.env.SIM_ENDPOINT_READY_SECONDS,
        modelServerUrl: deps.env.SIM_MODEL_SERVER_URL,
      });
    case "SLURM":
      return null;
  }
}
