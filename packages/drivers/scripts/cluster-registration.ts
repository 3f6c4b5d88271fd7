/**
 * What `pnpm slurm:register` and `pnpm k8s:register` share: register a development cluster in
 * the portal's catalogue, idempotently — what already matches is left alone; what differs is
 * updated through the catalogue's audited domain functions. Needs the resource classes
 * (`pnpm db:seed`).
 */
import { serverEnv } from "@tessera/config";
import {
  createCluster,
  isJurisdiction,
  setClusterResource,
  SYSTEM_ACTOR,
  updateCluster,
  type Actor,
} from "@tessera/core";
import { createDatabase, type ClusterKind, type Database } from "@tessera/db";

/** A development cluster as the portal's catalogue should hold it. */
export interface ClusterRegistration {
  code: string;
  name: string;
  kind: ClusterKind;
  endpoint: string;
  /** `pnpm <command>`, for the audit log's user agent. */
  command: string;
  resources: {
    code: string;
    capacity: number;
    /** Units of the class one node has; absent leaves what is recorded. */
    unitsPerNode?: number | null;
    slurmPartition?: string | null;
    slurmGres?: string | null;
    k8sResourceName?: string | null;
    k8sNodeSelector?: Record<string, string> | null;
  }[];
}

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
async function register(
  database: Database,
  spec: ClusterRegistration,
  jurisdiction: string | null,
) {
  const { code: CLUSTER_CODE, endpoint: ENDPOINT, resources: RESOURCES } = spec;
  const actor: Actor = { ...SYSTEM_ACTOR, userAgent: `tessera ${spec.command}` };
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
  if (cluster && cluster.kind !== spec.kind) {
    throw new Error(`A ${cluster.kind} cluster already has the code ${CLUSTER_CODE}.`);
  }
  if (!cluster) {
    cluster = await createCluster(database, actor, {
      code: CLUSTER_CODE,
      name: spec.name,
      kind: spec.kind,
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
    const mapping = {
      slurmPartition: resource.slurmPartition ?? null,
      slurmGres: resource.slurmGres ?? null,
      k8sResourceName: resource.k8sResourceName ?? null,
      k8sNodeSelector: resource.k8sNodeSelector ?? null,
    };
    const same =
      current?.capacity === resource.capacity &&
      (resource.unitsPerNode === undefined || current.unitsPerNode === resource.unitsPerNode) &&
      current.slurmPartition === mapping.slurmPartition &&
      current.slurmGres === mapping.slurmGres &&
      current.k8sResourceName === mapping.k8sResourceName &&
      JSON.stringify(current.k8sNodeSelector ?? null) === JSON.stringify(mapping.k8sNodeSelector);
    if (same) {
      console.info(`${resource.code}: unchanged (${resource.capacity})`);
      continue;
    }
    await setClusterResource(database, actor, {
      clusterId: cluster.id,
      resourceClassId,
      capacity: resource.capacity,
      unitsPerNode: resource.unitsPerNode,
      ...mapping,
    });
    const where = mapping.slurmPartition
      ? `in partition ${mapping.slurmPartition}${mapping.slurmGres ? ` (GRES ${mapping.slurmGres})` : ""}`
      : `as ${mapping.k8sResourceName}${mapping.k8sNodeSelector ? ` on ${JSON.stringify(mapping.k8sNodeSelector)}` : ""}`;
    console.info(`${resource.code}: ${resource.capacity} ${where}`);
  }
}

/**
 * The command line of a registration script: `[jurisdiction]` and `--check` (only tell whether
 * DATABASE_URL names a reachable, migrated Tessera database: exit 0, or 1 saying why).
 */
export async function runClusterRegistration(spec: ClusterRegistration): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const check = args.includes("--check");
  const jurisdiction = args.find((arg) => !arg.startsWith("--"))?.toUpperCase() ?? null;
  if (jurisdiction !== null && !isJurisdiction(jurisdiction)) {
    console.error(
      `"${jurisdiction}" is not a jurisdiction Tessera knows: use "EU" or an ISO 3166 country code, such as DE.`,
    );
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
    await register(database, spec, jurisdiction);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await database.$disconnect();
  }
}
