/**
 * Admission benchmark: holds per second on one hot allocation line, many concurrent clients,
 * placeHold (one conditional UPDATE) against a baseline that reads the line with SELECT … FOR
 * UPDATE and then writes (see baseline-hold.ts). Both write the same hold and ledger rows through
 * the same Prisma client and pool; neither appends a per-hold audit event (README.md says why).
 * Rounds alternate which side goes first. Prints last:
 *
 *   RESULT admission ratio=<ours ÷ baseline> overcommit=<n> ours_hps=<x> baseline_hps=<y>
 *
 * hps = admitted holds per second of wall time for a round's bounded burst of attempts.
 * overcommit = for every round of either side, (sum of admitted holds − granted) when positive,
 * plus every line whose held + consumed exceeds granted afterwards. Runs on its own database
 * (tessera_bench_admission on the server at DATABASE_URL) and drops it at the end.
 */
import pg from "pg";
import {
  AppError,
  placeHold,
  sealQuotaLedger,
  type PlaceHoldInput,
  type PlacedHold,
} from "@tessera/core";
import { serverEnv } from "@tessera/config";
import { createDatabase, type Database } from "@tessera/db";
import { createQuotaFixture } from "../../packages/core/src/quota/quota-fixture";
import { deploy } from "../../packages/db/scripts/migrate";
import { baselinePlaceHold } from "./baseline-hold";

const DATABASE = "tessera_bench_admission";
const CONNECTIONS = 32;
const CLIENTS = 32;
const ATTEMPTS = 2_000;
const HOLD_UNIT_SECONDS = 3_600;
/** Three quarters of the attempts fit; the rest are refused, so both paths are exercised. */
const GRANTED_UNIT_SECONDS = BigInt(Math.floor(ATTEMPTS * 0.75) * HOLD_UNIT_SECONDS);
const ROUNDS = 4;

type Technique = {
  name: "ours" | "baseline";
  place: (database: Database, input: PlaceHoldInput) => Promise<PlacedHold>;
};

const OURS: Technique = { name: "ours", place: placeHold };
const BASELINE: Technique = { name: "baseline", place: baselinePlaceHold };

function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function dropDatabase(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

interface RoundResult {
  admitted: number;
  refused: number;
  seconds: number;
  overcommit: number;
}

/** CLIENTS workers share a bounded queue of ATTEMPTS hold attempts on one fresh line. */
async function runRound(
  database: Database,
  technique: Technique,
  round: number,
): Promise<RoundResult> {
  const fixture = await createQuotaFixture(database, { grantedUnitSeconds: GRANTED_UNIT_SECONDS });
  let next = 0;
  let admitted = 0;
  let refused = 0;
  let admittedUnitSeconds = 0n;
  const worker = async () => {
    while (next < ATTEMPTS) {
      const attempt = next++;
      try {
        await technique.place(database, {
          organizationId: fixture.organizationId,
          allocationLineId: fixture.allocationLineId,
          unitSeconds: HOLD_UNIT_SECONDS,
          reference: `${technique.name}-${round}-${attempt}-${fixture.allocationLineId}`,
        });
        admitted += 1;
        admittedUnitSeconds += BigInt(HOLD_UNIT_SECONDS);
      } catch (error) {
        if (!(error instanceof AppError) || error.details?.reason !== "QUOTA") throw error;
        refused += 1;
      }
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const [line] = await database.$queryRaw<{ over: boolean; granted: bigint }[]>`
    SELECT ("heldUnitSeconds" + "consumedUnitSeconds" > "grantedUnitSeconds") AS over, "grantedUnitSeconds" AS granted
      FROM "AllocationLine" WHERE "id" = ${fixture.allocationLineId}`;
  const excess = admittedUnitSeconds - line!.granted;
  const overcommit = (excess > 0n ? Number(excess) : 0) + (line!.over ? 1 : 0);
  return { admitted, refused, seconds, overcommit };
}

async function main(): Promise<void> {
  const serverUrl = serverEnv().DATABASE_URL;
  const url = withDatabase(serverUrl, DATABASE);
  let database: Database | undefined;
  try {
    progress(`creating ${DATABASE}`);
    await dropDatabase(serverUrl);
    await deploy(url);
    database = createDatabase(url, CONNECTIONS);

    progress(`warming up (${ATTEMPTS} attempts each, ${CLIENTS} clients, one hot line)`);
    await runRound(database, OURS, -1);
    await runRound(database, BASELINE, -1);

    const totals = {
      ours: { admitted: 0, seconds: 0 },
      baseline: { admitted: 0, seconds: 0 },
    };
    let overcommit = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order so drift (caches, table growth, CPU boost) does not favour one side.
      const order = round % 2 === 0 ? [OURS, BASELINE] : [BASELINE, OURS];
      for (const technique of order) {
        const result = await runRound(database, technique, round);
        totals[technique.name].admitted += result.admitted;
        totals[technique.name].seconds += result.seconds;
        overcommit += result.overcommit;
        progress(
          `round ${round + 1} ${technique.name}: ${result.admitted} admitted, ${result.refused} refused in ${result.seconds.toFixed(2)}s ` +
            `(${(result.admitted / result.seconds).toFixed(0)} holds/s), overcommit ${result.overcommit}`,
        );
      }
    }
    // Any line anywhere over its grant counts too (there should be none: the CHECK forbids it).
    const [over] = await database.$queryRaw<{ lines: bigint }[]>`
      SELECT COUNT(*) AS lines FROM "AllocationLine" WHERE "heldUnitSeconds" + "consumedUnitSeconds" > "grantedUnitSeconds"`;
    overcommit += Number(over!.lines);

    // The audit side of the design: every movement above is sealed into the audit chain in batches.
    const sealStarted = process.hrtime.bigint();
    let sealed = 0;
    for (
      let batch = await sealQuotaLedger(database);
      batch.sealed > 0;
      batch = await sealQuotaLedger(database)
    ) {
      sealed += batch.sealed;
    }
    progress(
      `sealed ${sealed} ledger entries into the audit chain in ${(Number(process.hrtime.bigint() - sealStarted) / 1e6).toFixed(0)} ms`,
    );

    const oursHps = totals.ours.admitted / totals.ours.seconds;
    const baselineHps = totals.baseline.admitted / totals.baseline.seconds;
    await database.$disconnect();
    database = undefined;
    await dropDatabase(serverUrl);
    console.info(
      `RESULT admission ratio=${(oursHps / baselineHps).toFixed(2)} overcommit=${overcommit} ours_hps=${oursHps.toFixed(1)} baseline_hps=${baselineHps.toFixed(1)}`,
    );
  } finally {
    await database?.$disconnect();
    await dropDatabase(serverUrl).catch((error: unknown) => {
      console.error(`could not drop ${DATABASE}: ${String(error)}`);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
