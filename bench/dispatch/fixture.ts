/**
 * The dispatch benchmark's own database: a verified organisation whose owner launches, a GPU class
 * on a simulated cluster large enough that nothing queues, and an allocation that fits every launch.
 */
import pg from "pg";
import { createDatabase, type Database } from "@tessera/db";
import { createQuotaFixture } from "../../packages/core/src/quota/quota-fixture";
import { deploy } from "../../packages/db/scripts/migrate";

export const DISPATCH_DATABASE = "tessera_bench_dispatch";

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

export async function dropDispatchDatabase(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${DISPATCH_DATABASE}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface DispatchFixture {
  databaseUrl: string;
  database: Database;
  user: { id: string; email: string | null; name: string | null };
  organizationId: string;
  projectId: string;
  allocationLineId: string;
}

export async function createDispatchFixture(
  serverUrl: string,
  launches: number,
  walltimeSeconds: number,
): Promise<DispatchFixture> {
  const databaseUrl = withDatabase(serverUrl, DISPATCH_DATABASE);
  await dropDispatchDatabase(serverUrl);
  await deploy(databaseUrl);
  const database = createDatabase(databaseUrl, 24);
  const quota = await createQuotaFixture(database, {
    grantedUnitSeconds: BigInt(launches * walltimeSeconds * 2),
  });
  const line = await database.allocationLine.findUniqueOrThrow({
    where: { id: quota.allocationLineId },
  });
  await database.cluster.create({
    data: {
      code: "bench-sim",
      name: "Benchmark simulated cluster",
      kind: "SIM",
      region: "bench",
      jurisdiction: "DE",
      resources: { create: { resourceClassId: line.resourceClassId, capacity: 1_000_000 } },
    },
  });
  const project = await database.project.findFirstOrThrow({
    where: { organizationId: quota.organizationId },
  });
  const user = await database.user.findUniqueOrThrow({ where: { id: quota.userId } });
  return {
    databaseUrl,
    database,
    user: { id: user.id, email: user.email, name: user.name },
    organizationId: quota.organizationId,
    projectId: project.id,
    allocationLineId: quota.allocationLineId,
  };
}
