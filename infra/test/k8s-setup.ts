import { existsSync } from "node:fs";
import { AppsV1Api, KubeConfig } from "@kubernetes/client-node";

/**
 * The Kubernetes tests need the development control plane of infra/k8s/up.sh. Without it they
 * fail here, loudly, with what to do — they never skip.
 */
export default async function setup(): Promise<void> {
  const home = process.env.TESSERA_K8S_HOME ?? "/var/lib/tessera-k8s";
  const hint = "Start it with `sudo bash infra/k8s/up.sh` (infra/test.sh does so when CI=true).";
  for (const file of [`${home}/tessera-worker.kubeconfig`, `${home}/admin.kubeconfig`]) {
    if (!existsSync(file)) {
      throw new Error(`The Kubernetes tests need ${file}, which does not exist. ${hint}`);
    }
  }
  const config = new KubeConfig();
  config.loadFromFile(`${home}/tessera-worker.kubeconfig`);
  const server = config.getCurrentCluster()?.server ?? "(no server)";
  try {
    await config.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces({ limit: 1 });
  } catch (error) {
    throw new Error(
      `The Kubernetes API server at ${server} does not answer the worker's ServiceAccount (${(error as Error).message}). ${hint}`,
      { cause: error },
    );
  }
}
