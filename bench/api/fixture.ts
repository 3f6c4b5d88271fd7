import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase } from "@tessera/db";
import { deploy } from "../../packages/db/scripts/migrate";

export const BENCH_DATABASE = "tessera_bench";
/** More than one page (25), so the query does the same pagination work as in the portal. */
const PROJECT_COUNT = 40;

export interface BenchFixture {
  databaseUrl: string;
  organizationId: string;
  sessionToken: string;
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

export async function dropBenchDatabase(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database with one signed-in user who owns one verified organisation with a few
 * projects, and a database session whose token the benchmark sends as the Auth.js cookie.
 */
export async function createBenchFixture(serverUrl: string): Promise<BenchFixture> {
  const databaseUrl = withDatabase(serverUrl, BENCH_DATABASE);
  await dropBenchDatabase(serverUrl);
  await deploy(databaseUrl);
  const database = createDatabase(databaseUrl, 2);
  try {
    const suffix = randomBytes(4).toString("hex");
    const user = await database.user.create({
      data: { name: "Benchmark User", email: `bench-${suffix}@bench.test` },
    });
    const organization = await database.organization.create({
      data: {
        slug: `bench-${suffix}`,
        name: "Benchmark Research Lab",
        kind: "ACADEMIC",
        country: "GB",
        registryId: `BENCH-${suffix}`,
        contactName: "Benchmark User",
        contactEmail: `bench-${suffix}@bench.test`,
        status: "VERIFIED",
        createdById: user.id,
      },
    });
    await database.membership.create({
      data: { organizationId: organization.id, userId: user.id, role: "OWNER" },
    });
    await database.project.createMany({
      data: Array.from({ length: PROJECT_COUNT }, (_, index) => ({
        organizationId: organization.id,
        slug: `project-${index + 1}`,
        name: `Project ${index + 1}`,
        description: "Benchmark project",
        classification: "INTERNAL" as const,
      })),
    });
    const sessionToken = randomBytes(32).toString("hex");
    await database.session.create({
      data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 60 * 60 * 1000) },
    });
    return { databaseUrl, organizationId: organization.id, sessionToken };
  } finally {
    await database.$disconnect();
  }
}
