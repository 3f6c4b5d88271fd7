/**
 * `pnpm k8s:register [jurisdiction]` — registers the development Kubernetes control plane of
 * infra/k8s/up.sh in the portal: Cluster `tessera-k8s-dev` (KUBERNETES, the API server on
 * https://127.0.0.1:6443 — TESSERA_K8S_PORT moves it —, region "dev", jurisdiction as given,
 * else "EU" when new and unchanged when it exists) offering what its simulated nodes advertise:
 * H100s and L40Ss as `nvidia.com/gpu`, H100 MIG slices, and CPU cores, each with the node
 * selector that finds its nodes. Idempotent. `--check` only tells whether DATABASE_URL names a
 * reachable, migrated Tessera database; infra/k8s/up.sh uses it before registering.
 */
import { runClusterRegistration } from "./cluster-registration";

const H100 = { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" };
const port = process.env.TESSERA_K8S_PORT ?? "6443";

process.exitCode = await runClusterRegistration({
  code: "tessera-k8s-dev",
  name: "Tessera development cluster (Kubernetes)",
  kind: "KUBERNETES",
  endpoint: `https://127.0.0.1:${port}`,
  command: "k8s:register",
  resources: [
    { code: "h100-80gb", capacity: 4, k8sResourceName: "nvidia.com/gpu", k8sNodeSelector: H100 },
    {
      code: "l40s-48gb",
      capacity: 4,
      k8sResourceName: "nvidia.com/gpu",
      k8sNodeSelector: { "nvidia.com/gpu.product": "NVIDIA-L40S" },
    },
    {
      code: "mig-1g.10gb",
      capacity: 7,
      k8sResourceName: "nvidia.com/mig-1g.10gb",
      k8sNodeSelector: H100,
    },
    {
      code: "mig-3g.40gb",
      capacity: 4,
      k8sResourceName: "nvidia.com/mig-3g.40gb",
      k8sNodeSelector: H100,
    },
    {
      code: "cpu-core",
      capacity: 64,
      k8sResourceName: "cpu",
      k8sNodeSelector: { "tessera.io/node-pool": "cpu" },
    },
  ],
});
