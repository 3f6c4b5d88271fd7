/**
 * `pnpm slurm:register [jurisdiction]` — registers the development Slurm cluster of
 * infra/slurm/up.sh in the portal: Cluster `tessera-dev` (SLURM, slurmrestd on 127.0.0.1:6820,
 * region "dev", jurisdiction as given, else "EU" when new and unchanged when it exists) offering
 * `h100-80gb` (partition gpu, GRES gpu:h100, 4 GPUs) and `cpu-core` (partition cpu, as many
 * cores as this machine has), each on its one node (infra/slurm/up.sh: one node, `Gres=gpu:h100:4`,
 * `CPUs=$(nproc)`), so that units per node are the capacity. Idempotent. `--check` only tells whether DATABASE_URL names a
 * reachable, migrated Tessera database; infra/slurm/up.sh uses it before registering.
 */
import { availableParallelism } from "node:os";
import { runClusterRegistration } from "./cluster-registration";

process.exitCode = await runClusterRegistration({
  code: "tessera-dev",
  name: "Tessera development cluster (Slurm)",
  kind: "SLURM",
  endpoint: "http://127.0.0.1:6820",
  command: "slurm:register",
  resources: [
    {
      code: "h100-80gb",
      capacity: 4,
      unitsPerNode: 4,
      slurmPartition: "gpu",
      slurmGres: "gpu:h100",
    },
    {
      code: "cpu-core",
      capacity: availableParallelism(),
      unitsPerNode: availableParallelism(),
      slurmPartition: "cpu",
    },
  ],
});
