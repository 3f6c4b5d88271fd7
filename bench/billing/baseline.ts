/**
 * The billing benchmark's plain PostgreSQL sides: COPY of the same usage rows into an identical
 * table, and one GROUP BY over the usage records that computes what the invoices say, line by line.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

/** The usage columns both sides write (the id is drawn by the table itself). */
const COLUMNS = `"organizationId", "source", "sourceRef", "intervalStart", "intervalEnd",
  "resourceClassId", "workloadId", "projectId", "allocationLineId", "quantity", "unitSeconds",
  "tokensIn", "tokensOut", "model", "apiKeyId", "energyMilliWh", "energyBasis", "recordedAt"`;

/** Writes the usage rows Tessera wrote to `file`, in COPY's text format. */
export async function exportUsage(client: pg.Client, file: string): Promise<void> {
  await pipeline(
    client.query(copyTo(`COPY (SELECT ${COLUMNS} FROM "UsageRecord" ORDER BY "id") TO STDOUT`)),
    createWriteStream(file),
  );
}

/**
 * "UsageRecordCopy": the usage table's twin — its columns, defaults, checks, indexes, foreign
 * keys and triggers (the billing cut included) — for COPY to load.
 */
export async function createTwinTable(client: pg.Client): Promise<void> {
  await client.query(`CREATE TABLE "UsageRecordCopy" (LIKE "UsageRecord" INCLUDING ALL)`);
  const { rows: keys } = await client.query<{ name: string; definition: string }>(`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE conrelid = '"UsageRecord"'::regclass AND contype = 'f'`);
  for (const key of keys) {
    await client.query(
      `ALTER TABLE "UsageRecordCopy" ADD CONSTRAINT "${key.name}_copy" ${key.definition}`,
    );
  }
  const { rows: triggers } = await client.query<{ definition: string }>(`
    SELECT pg_get_triggerdef(oid) AS definition
      FROM pg_trigger WHERE tgrelid = '"UsageRecord"'::regclass AND NOT tgisinternal`);
  for (const trigger of triggers) {
    await client.query(
      trigger.definition
        .replace(/TRIGGER "?([A-Za-z_]+)"?/, 'TRIGGER "$1_copy"')
        .replace(/ON public\."UsageRecord"/, 'ON public."UsageRecordCopy"'),
    );
  }
}

/** COPY of the exported rows into the twin table; returns seconds. */
export async function copyUsage(client: pg.Client, file: string): Promise<number> {
  const started = performance.now();
  await pipeline(
    createReadStream(file),
    client.query(copyFrom(`COPY "UsageRecordCopy" (${COLUMNS}) FROM STDIN`)),
  );
  return (performance.now() - started) / 1000;
}

/** n ÷ d rounded half to even, for n ≥ 0 and d > 0 (Tessera's one rounding rule). */
const halfEven = (n: string, d: number) =>
  `((${n}) / ${d} + CASE WHEN 2 * ((${n}) % ${d}) > ${d}
                          OR (2 * ((${n}) % ${d}) = ${d} AND ((${n}) / ${d}) % 2 = 1)
                         THEN 1 ELSE 0 END)`;

export interface BaselineLine {
  organizationId: string;
  resourceClassId: string;
  allocationLineId: string | null;
  priceVersionId: string;
  usagePeriod: string;
  listMinor: string;
  programmeMinor: string;
  tenantMinor: string;
}

/**
 * One GROUP BY over the usage records: per organisation, resource class, price version in force,
 * allocation line and usage month, the list amount (unit-seconds × price per hour, rounded half
 * to even once), the programme's share at the award's rate capped by the award's subsidy drawn
 * line by line in the invoice's line order (a running sum), and the tenant's share. The awards
 * have drawn nothing before (the benchmark's world has no earlier invoices).
 */
export const BASELINE_SQL = `
  WITH pv AS (
    SELECT "id", "resourceClassId", "effectiveFrom", "minorPerUnitHour",
           lead("effectiveFrom") OVER (PARTITION BY "resourceClassId" ORDER BY "effectiveFrom") AS "until"
      FROM "PriceVersion"
  ), grouped AS (
    SELECT u."organizationId", u."resourceClassId", pv."id" AS "priceVersionId",
           pv."minorPerUnitHour" AS price, u."allocationLineId",
           to_char((u."intervalStart" AT TIME ZONE 'UTC')
                     AT TIME ZONE COALESCE(b."timeZone", 'Europe/Brussels'), 'YYYY-MM') AS "usagePeriod",
           sum(u."unitSeconds")::bigint AS "unitSeconds"
      FROM "UsageRecord" u
      JOIN pv ON pv."resourceClassId" = u."resourceClassId" AND pv."effectiveFrom" <= u."intervalStart"
             AND (pv."until" IS NULL OR u."intervalStart" < pv."until")
      LEFT JOIN "BillingAccount" b ON b."organizationId" = u."organizationId"
     GROUP BY 1, 2, 3, 4, 5, 6
  ), priced AS (
    SELECT g.*, ${halfEven(`g."unitSeconds" * g.price`, 3_600)} AS list, a."id" AS award,
           a."subsidyRateBps" AS rate, a."programmeShareMinor" AS share
      FROM grouped g
      LEFT JOIN "AllocationLine" l ON l."id" = g."allocationLineId"
      LEFT JOIN "Allocation" a ON a."id" = l."allocationId"
  ), due AS (
    SELECT p.*, CASE WHEN p.award IS NULL THEN 0 ELSE ${halfEven(`p.list * p.rate`, 10_000)} END AS at_rate
      FROM priced p
  ), drawn AS (
    SELECT d.*, COALESCE(sum(d.at_rate) OVER (
             PARTITION BY d.award
             ORDER BY d."usagePeriod", d."resourceClassId" COLLATE "C",
                      d."allocationLineId" COLLATE "C", d."priceVersionId" COLLATE "C"
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
      FROM due d
  )
  SELECT "organizationId", "resourceClassId", "allocationLineId", "priceVersionId", "usagePeriod",
         list::text AS "listMinor", programme::text AS "programmeMinor",
         (list - programme)::text AS "tenantMinor"
    FROM drawn, LATERAL (SELECT LEAST(at_rate, GREATEST(COALESCE(share, 0) - before, 0)) AS programme) s`;

/** Runs the GROUP BY; returns its lines and the seconds it took. */
export async function runGroupBy(
  client: pg.Client,
): Promise<{ lines: BaselineLine[]; seconds: number }> {
  const started = performance.now();
  const { rows } = await client.query<BaselineLine>(BASELINE_SQL);
  return { lines: rows, seconds: (performance.now() - started) / 1000 };
}
