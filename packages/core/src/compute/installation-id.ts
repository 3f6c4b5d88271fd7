import type { Database } from "@tessera/db";

/**
 * This installation's id (the one Installation row), made on first use. The insert that loses a
 * race to another process makes nothing, and its statement cannot see the winner's row yet (its
 * snapshot is older than the winner's commit): the next statement reads it.
 */
export async function installationId(database: Database): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const rows = await database.$queryRaw<{ id: string }[]>`
      WITH made AS (
        INSERT INTO "Installation" ("singleton") VALUES (true)
        ON CONFLICT ("singleton") DO NOTHING
        RETURNING "id"
      )
      SELECT "id" FROM made
      UNION ALL
      SELECT "id" FROM "Installation" WHERE NOT EXISTS (SELECT 1 FROM made)`;
    const row = rows[0];
    if (row) return row.id;
  }
  throw new Error("The installation's id could not be read.");
}
