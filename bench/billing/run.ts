/**
 * Billing benchmark, in one run on its own database (tessera_bench_billing):
 *
 * (a) ingest: N usage records (1,000,000) metered through Tessera's own path — recordJobsUsage,
 *     the statement the worker meters an ended job with (month split, energy, the billing cut's
 *     lock, ON CONFLICT DO NOTHING), batched — against PostgreSQL COPY of the same rows into an
 *     identical table: ingest_ratio = copy seconds ÷ Tessera seconds.
 * (b) invoices: the month's invoice run as the worker's billing sweep does it (closeDueInvoices:
 *     rating, drafts, numbering, finalisation) for 10,000 organisations × 5 lines, against one
 *     plain SQL GROUP BY over the same records computing the same figures: invoice_ratio =
 *     GROUP BY seconds ÷ Tessera seconds; cents_off = the sum of absolute differences, line by
 *     line, between the invoices and the GROUP BY (list, programme and tenant amounts).
 *
 * Prints last: RESULT billing ingest_ratio=<x> invoice_ratio=<y> cents_off=<n>
 * Knobs: BENCH_ORGS (10000), BENCH_JOBS_PER_LINE (20), BENCH_INGEST_BATCH (1000),
 * BENCH_INVOICE_CONCURRENCY (the invoice run's own default, INVOICE_RUN_CONCURRENCY).
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { serverEnv } from "@tessera/config";
import {
  closeDueInvoices,
  INVOICE_RUN_CONCURRENCY,
  periodBounds,
  recordJobsUsage,
} from "@tessera/core";
import { createDatabase } from "@tessera/db";
import { createBulkBillingWorld } from "../../packages/core/src/billing/bulk-billing-fixture";
import { deploy as migrate } from "../../packages/db/scripts/migrate";
import { dropBenchDatabase, withDatabase } from "../bench-stores";
import { copyUsage, createTwinTable, exportUsage, runGroupBy, type BaselineLine } from "./baseline";

const DATABASE = "tessera_bench_billing";
const ORGANIZATIONS = Number(process.env.BENCH_ORGS ?? 10_000);
const CLASSES = 5;
const JOBS_PER_LINE = Number(process.env.BENCH_JOBS_PER_LINE ?? 20);
const INGEST_BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 1_000);
/** Batches the invoice run finalises at once (the worker's default unless told). */
const INVOICE_CONCURRENCY = Number(
  process.env.BENCH_INVOICE_CONCURRENCY ?? INVOICE_RUN_CONCURRENCY,
);
const MONTH = "2026-10";
/** The GROUP BY is read-only: its median of a few runs (after one to warm up) is reported. */
const GROUP_BY_RUNS = 3;

function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

const seconds = (from: number) => (performance.now() - from) / 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Figures {
  list: bigint;
  programme: bigint;
  tenant: bigint;
}

const keyOf = (line: {
  organizationId: string;
  resourceClassId: string;
  allocationLineId: string | null;
  priceVersionId: string | null;
  usagePeriod: string;
}) =>
  [
    line.organizationId,
    line.resourceClassId,
    line.allocationLineId ?? "",
    line.priceVersionId ?? "",
    line.usagePeriod,
  ].join("/");

/** Σ |invoice − GROUP BY| over every line either side has (a missing line counts whole). */
function centsOff(invoiced: Map<string, Figures>, baseline: BaselineLine[]): bigint {
  const abs = (value: bigint) => (value < 0n ? -value : value);
  const expected = new Map<string, Figures>(
    baseline.map((line) => [
      keyOf(line),
      {
        list: BigInt(line.listMinor),
        programme: BigInt(line.programmeMinor),
        tenant: BigInt(line.tenantMinor),
      },
    ]),
  );
  const zero = { list: 0n, programme: 0n, tenant: 0n };
  let off = 0n;
  for (const key of new Set([...invoiced.keys(), ...expected.keys()])) {
    const a = invoiced.get(key) ?? zero;
    const b = expected.get(key) ?? zero;
    off += abs(a.list - b.list) + abs(a.programme - b.programme) + abs(a.tenant - b.tenant);
  }
  return off;
}

async function main(): Promise<void> {
  const env = serverEnv();
  const url = withDatabase(env.DATABASE_URL, DATABASE);
  const dump = path.join(tmpdir(), `tessera-bench-billing-${randomBytes(4).toString("hex")}.copy`);
  await dropBenchDatabase(env.DATABASE_URL, DATABASE);
  await migrate(url);
  const database = createDatabase(url, 4);
  const plain = new pg.Client({ connectionString: url });
  await plain.connect();
  try {
    let started = performance.now();
    const world = await createBulkBillingWorld(database, {
      tag: "bench",
      organizations: ORGANIZATIONS,
      classes: CLASSES,
      jobsPerLine: JOBS_PER_LINE,
      month: MONTH,
    });
    await plain.query("ANALYZE");
    progress(
      `fixture: ${ORGANIZATIONS} organisations × ${CLASSES} lines × ${JOBS_PER_LINE} finished jobs in ${seconds(started).toFixed(1)} s`,
    );

    // (a) Tessera's metering path, batch after batch.
    let tesseraIngest = 0;
    let written = 0;
    for (let at = 0; at < world.jobs.length; at += INGEST_BATCH) {
      const batch = world.jobs.slice(at, at + INGEST_BATCH);
      started = performance.now();
      written += await recordJobsUsage(database, batch);
      tesseraIngest += seconds(started);
      if ((at / INGEST_BATCH) % 200 === 0) progress(`  metered ${at + batch.length}`);
    }
    if (written !== world.jobs.length) {
      throw new Error(`metering wrote ${written} records for ${world.jobs.length} jobs`);
    }
    // Metered again (a retry, a second worker): nothing more.
    const again = await recordJobsUsage(database, world.jobs.slice(0, INGEST_BATCH));
    progress(
      `ingest, Tessera: ${written} records in ${tesseraIngest.toFixed(2)} s (batches of ${INGEST_BATCH}); metered again: ${again} more`,
    );
    await exportUsage(plain, dump);
    await createTwinTable(plain);
    const copySeconds = await copyUsage(plain, dump);
    const { rows: copied } = await plain.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "UsageRecordCopy"`,
    );
    progress(`ingest, COPY: ${copied[0]!.n} records in ${copySeconds.toFixed(2)} s`);
    await plain.query(`DROP TABLE "UsageRecordCopy"`);
    await plain.query("VACUUM ANALYZE");

    // (b) One GROUP BY (warmed up once, then the median of a few runs) against the invoice run.
    await runGroupBy(plain);
    const groupByRuns: number[] = [];
    let baseline: BaselineLine[] = [];
    for (let run = 0; run < GROUP_BY_RUNS; run += 1) {
      const result = await runGroupBy(plain);
      groupByRuns.push(result.seconds);
      baseline = result.lines;
    }
    const groupBySeconds = median(groupByRuns);
    progress(`invoices, GROUP BY: ${baseline.length} lines in ${groupBySeconds.toFixed(2)} s`);

    const monthEnd = periodBounds(MONTH, "Europe/Brussels").end;
    started = performance.now();
    const { finalised } = await closeDueInvoices(database, {
      sellerCountry: "DE",
      graceDays: 3,
      now: new Date(monthEnd.getTime() + 10 * 86_400_000),
      concurrency: INVOICE_CONCURRENCY,
    });
    const tesseraInvoices = seconds(started);
    progress(
      `invoices, Tessera: ${finalised.length} invoices in ${tesseraInvoices.toFixed(2)} s (${INVOICE_CONCURRENCY} ${INVOICE_CONCURRENCY === 1 ? "batch" : "batches"} at once)`,
    );

    const { rows: lines } = await plain.query<{
      organizationId: string;
      resourceClassId: string;
      allocationLineId: string | null;
      priceVersionId: string | null;
      usagePeriod: string;
      listMinor: string;
      programmeMinor: string;
      tenantMinor: string;
    }>(`
      SELECT l."organizationId", l."resourceClassId", l."allocationLineId", l."priceVersionId",
             l."usagePeriod", l."listMinor"::text, l."programmeMinor"::text, l."tenantMinor"::text
        FROM "InvoiceLine" l JOIN "Invoice" i ON i."id" = l."invoiceId" WHERE i."kind" = 'INVOICE'`);
    const invoiced = new Map<string, Figures>();
    for (const line of lines) {
      const key = keyOf(line);
      const sum = invoiced.get(key) ?? { list: 0n, programme: 0n, tenant: 0n };
      invoiced.set(key, {
        list: sum.list + BigInt(line.listMinor),
        programme: sum.programme + BigInt(line.programmeMinor),
        tenant: sum.tenant + BigInt(line.tenantMinor),
      });
    }
    const { rows: checks } = await plain.query<{
      invoices: string;
      unbalanced: string;
      gaps: string;
    }>(`
      SELECT count(*)::text AS invoices,
             count(*) FILTER (WHERE i."listMinor" <> s.list OR i."programmeMinor" <> s.programme
                                 OR i."tenantNetMinor" <> s.tenant)::text AS unbalanced,
             (max(i."sequence") - count(*))::text AS gaps
        FROM "Invoice" i
        JOIN (SELECT "invoiceId", sum("listMinor") AS list, sum("programmeMinor") AS programme,
                     sum("tenantMinor") AS tenant FROM "InvoiceLine" GROUP BY 1) s
          ON s."invoiceId" = i."id"`);
    const check = checks[0]!;
    const off = centsOff(invoiced, baseline);
    progress(
      `checks: ${check.invoices} invoices, ${lines.length} lines, ${check.unbalanced} whose totals are not their lines' sums, ${check.gaps} gaps in the numbers`,
    );
    const ingestRatio = copySeconds / tesseraIngest;
    const invoiceRatio = groupBySeconds / tesseraInvoices;
    progress(
      `records=${written} organizations=${ORGANIZATIONS} tessera_ingest_s=${tesseraIngest.toFixed(2)} copy_s=${copySeconds.toFixed(2)} tessera_invoices_s=${tesseraInvoices.toFixed(2)} groupby_s=${groupBySeconds.toFixed(2)}`,
    );
    console.info(
      `RESULT billing ingest_ratio=${ingestRatio.toFixed(3)} invoice_ratio=${invoiceRatio.toFixed(3)} cents_off=${off}`,
    );
  } finally {
    await plain.end().catch(() => undefined);
    await database.$disconnect();
    rmSync(dump, { force: true });
    await dropBenchDatabase(env.DATABASE_URL, DATABASE).catch((error: unknown) => {
      console.error(`could not drop the benchmark database: ${String(error)}`);
    });
  }
}

await main();
