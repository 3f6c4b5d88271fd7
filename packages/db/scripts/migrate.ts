/**
 * Tessera's migration tool. The Prisma CLI needs a native schema engine that cannot be downloaded
 * on every machine, so migrations are diffed with the engine's WebAssembly build and applied here.
 * The layout under prisma/migrations and the `_prisma_migrations` table are Prisma's own, so
 * `prisma migrate deploy` works unchanged where the native engine exists.
 *
 *   create <name>  diff the schema against the last snapshot and write a new migration
 *   check          fail when the schema has changes that no migration holds
 *   deploy         apply pending migrations (safe to run concurrently: advisory lock)
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { serverEnv } from "@tessera/config";

const root = path.resolve(import.meta.dirname, "../../..");
const schemaDir = path.join(root, "prisma/schema");
const migrationsDir = path.join(root, "prisma/migrations");
const snapshotFile = path.join(migrationsDir, "schema.snapshot.prisma");

function readSchema(): string {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), "utf8"))
    .join("\n");
}

async function diff(from: string | null, to: string): Promise<string> {
  const { SchemaEngine } = await import("@prisma/schema-engine-wasm");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  // The engine opens a connection even for a schema-to-schema diff; the maintenance database
  // always exists, so a diff never depends on the application database being there.
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: maintenanceUrl(serverEnv().DATABASE_URL) }),
  );
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
  const target = (content: string) => ({
    tag: "schemaDatamodel" as const,
    files: [{ path: "schema.prisma", content }],
  });
  const result = await engine.diff({
    from: from === null ? { tag: "empty" } : target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  engine.free();
  return result.stdout ?? "";
}

function isEmptyDiff(sql: string): boolean {
  return sql.trim() === "" || sql.includes("This is an empty migration.");
}

async function create(name: string | undefined): Promise<void> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("usage: migrate create <name>   (lowercase letters, digits, underscores)");
  }
  const previous = existsSync(snapshotFile) ? readFileSync(snapshotFile, "utf8") : null;
  const current = readSchema();
  const sql = await diff(previous, current);
  if (isEmptyDiff(sql)) {
    console.info("No schema changes: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  writeFileSync(snapshotFile, current);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
  console.info(`Wrote ${path.relative(root, dir)}/migration.sql`);
}

async function check(): Promise<void> {
  const previous = existsSync(snapshotFile) ? readFileSync(snapshotFile, "utf8") : null;
  const sql = await diff(previous, readSchema());
  if (!isEmptyDiff(sql)) {
    console.error(
      "The Prisma schema has changes no migration holds. Run: pnpm db:migrate:create <name>",
    );
    console.error(sql);
    process.exit(1);
  }
  console.info("Schema and migrations agree.");
}

function listMigrations(): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies pending migrations to the database at `url`; creates the database when missing. */
export async function deploy(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    for (const migration of listMigrations()) {
      const recorded = doneByName.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied.`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => undefined);
    await client.end();
  }
  return applied;
}

function maintenanceUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function ensureDatabase(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client
        .query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
        .catch((error: unknown) => {
          // Another process created it between our check and our create.
          if ((error as { code?: string }).code !== "42P04") throw error;
        });
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === "create") return create(arg);
  if (command === "check") return check();
  if (command === "deploy") {
    const applied = await deploy(arg ?? serverEnv().DATABASE_URL);
    console.info(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
    return;
  }
  throw new Error("usage: migrate create <name> | check | deploy [url]");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
