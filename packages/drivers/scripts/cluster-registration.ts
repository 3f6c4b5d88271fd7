/**
 * `pnpm slurm:register [jurisdiction]` — registers the development Slurm cluster of
 * infra/slurm/up.sh in the portal: Cluster `tessera-dev` (SLURM, slurmrestd on 127.0.0.1:6820,
 * region "dev", jurisdiction as given, else "EU" when new and unchanged when it exists) offering `h100-80gb` (partition gpu, GRES gpu:h100,
 * 4 GPUs) and `cpu-core` (partition cpu, as many cores as this machine has). Idempotent: what
 * already matches is left alone; what differs is updated through the catalogue's audited domain
 * functions. Needs the resource classes (`pnpm db:seed`).
 *
 * `--check` only tells whether DATABASE_URL names a reachable, migrated Tessera database (exit 0)
 * or not (exit 1, saying why); infra/slurm/up.sh uses it before registering.
 */
import { availableParallelism } from "node:os";
import { serverEnv } from "@tessera/config";
import {
  createCluster,
  setClusterResource,
  SYSTEM_ACTOR,
  updateCluster,
  type Actor,
} from "@tessera/core";
import { createDatabase, type Database } from "@tessera/db";

const CLUSTER_CODE = "tessera-dev";
const ENDPOINT = "http://127.0.0.1:6820";
const actor: Actor = { ...SYSTEM_ACTOR, userAgent: "tessera slurm:register" };

const RESOURCES = [
  { code: "h100-80gb", capacity: 4, slurmPartition: "gpu", slurmGres: "gpu:h100" },
  { code: "cpu-core", capacity: availableParallelism(), slurmPartition: "cpu", slurmGres: null },
];

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

async function isTesseraDatabase(database: Database): Promise<string | null> {
  try {
    const rows = await database.$queryRaw<{ cluster: string | null; resource: string | null }[]>`
      SELECT to_regclass('"Cluster"')::text AS cluster, to_regclass('"ClusterResource"')::text AS resource`;
    if (!rows[0]?.cluster || !rows[0]?.resource) {
      return "it has no Tessera schema yet (run `pnpm db:migrate`)";
    }
    return null;
  } catch (error) {
    const lines = (error as Error).message.split("\n").filter((line) => line.trim());
    return `it is not reachable (${lines.at(-1)?.trim() ?? "no answer"})`;
  }
}

/** `jurisdiction` null: "EU" for a new cluster, and an existing cluster keeps its own. */
async function register(database: Database, jurisdiction: string | null) {
  const classes = await database.resourceClass.findMany({
    where: { code: { in: RESOURCES.map((resource) => resource.code) } },
  });
  const classIds = new Map(classes.map((resourceClass) => [resourceClass.code, resourceClass.id]));
  const missing = RESOURCES.filter((resource) => !classIds.has(resource.code));
  if (missing.length > 0) {
    throw new Error(
      `The resource classes ${missing.map((resource) => resource.code).join(", ")} do not exist yet; run \`pnpm db:seed\` first.`,
    );
  }

  let cluster = await database.cluster.findUnique({ where: { code: CLUSTER_CODE } });
  if (cluster && cluster.kind !== "SLURM") {
    throw new Error(`A ${cluster.kind} cluster already has the code ${CLUSTER_CODE}.`);
  }
  if (!cluster) {
    cluster = await createCluster(database, actor, {
      code: CLUSTER_CODE,
      name: "Tessera development cluster (Slurm)",
      kind: "SLURM",
      region: "dev",
      jurisdiction: jurisdiction ?? "EU",
      endpoint: ENDPOINT,
    });
    console.info(`created cluster ${CLUSTER_CODE} (${cluster.id})`);
  } else {
    const updated = await updateCluster(database, actor, {
      clusterId: cluster.id,
      region: "dev",
      jurisdiction: jurisdiction ?? undefined,
      endpoint: ENDPOINT,
      active: true,
    });
    console.info(
      `cluster ${CLUSTER_CODE} ${updated.updatedAt.getTime() === cluster.updatedAt.getTime() ? "already registered" : "updated"}`,
    );
    cluster = updated;
  }

  for (const resource of RESOURCES) {
    const resourceClassId = classIds.get(resource.code)!;
    const current = await database.clusterResource.findUnique({
      where: { clusterId_resourceClassId: { clusterId: cluster.id, resourceClassId } },
    });
    const same =
      current?.capacity === resource.capacity &&
      current.slurmPartition === resource.slurmPartition &&
      current.slurmGres === resource.slurmGres;
    if (same) {
      console.info(`${resource.code}: unchanged (${resource.capacity})`);
      continue;
    }
    await setClusterResource(database, actor, {
      clusterId: cluster.id,
      resourceClassId,
      capacity: resource.capacity,
      slurmPartition: resource.slurmPartition,
      slurmGres: resource.slurmGres,
    });
    console.info(
      `${resource.code}: ${resource.capacity} in partition ${resource.slurmPartition}${resource.slurmGres ? ` (GRES ${resource.slurmGres})` : ""}`,
    );
  }
}

async function main() {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const check = args.includes("--check");
  const jurisdiction = args.find((arg) => !arg.startsWith("--"))?.toUpperCase() ?? null;
  if (jurisdiction !== null && !/^(EU|[A-Z]{2})$/.test(jurisdiction)) {
    console.error(`"${jurisdiction}" is not a jurisdiction: use "EU" or an ISO country code.`);
    return 2;
  }
  const url = serverEnv().DATABASE_URL;
  const database = createDatabase(url, 2);
  try {
    const problem = await isTesseraDatabase(database);
    if (problem) {
      console.error(`The database at ${redact(url)} cannot take the cluster: ${problem}.`);
      return 1;
    }
    if (check) return 0;
    await register(database, jurisdiction);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await database.$disconnect();
  }
}

process.exitCode = await main();
