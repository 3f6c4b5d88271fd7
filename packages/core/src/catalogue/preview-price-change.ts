import { Prisma, type Database, type ResourceClass, type ResourceKind } from "@tessera/db";
import { DEFAULT_BILLING_TIME_ZONE } from "../billing/billing-time-zone";
import { jobRecordStartSql, priceVersionAtSql } from "../billing/current-record-price";
import { LIVE_ENDPOINT_STATUSES } from "../endpoints/endpoint-rules";
import { AppError, notFound } from "../errors";
import { rateOf } from "../programmes/pricing";
import { countsTokens, pricedUnitName } from "./metering-unit";
import { LARGE_PRICE_FACTOR, priceChangeStep, type PriceChangeStep } from "./price-change-rules";
import { previewTokenCalls, type PriceChangeCalls } from "./preview-token-calls";

/** How many of the workloads a price change touches the preview names one by one. */
export const PRICE_CHANGE_LISTED = 8;

/**
 * An hour of something at the price billed for it now and at the price billed once the change
 * reaches it, in thousandths of a minor unit (rateOf).
 */
export interface HourAtBothPrices {
  fromMilliMinor: number;
  toMilliMinor: number;
}

export interface PriceChangeWorkload {
  id: string;
  kind: "TRAINING_JOB" | "INFERENCE_ENDPOINT";
  name: string;
  organisationName: string;
  /** Units it runs now: a job's quantity; an endpoint's units per replica × ready replicas. */
  unitsNow: number;
  /** An endpoint's replicas ready now (null for a job). */
  replicasNow: number | null;
  /**
   * The price per unit-hour billed for it now: the price version in force when its usage record
   * began — a job's start (or the start of its billing month, where its records are cut), an
   * endpoint's lease window — which billing keeps for that record whatever the list price is.
   */
  priceNowMinor: number;
  /**
   * When billing moves it to the new price: an endpoint at its next lease window (its hold is
   * renewed once half its window has passed: lease start + window / 2; now when that is due or it
   * holds no window yet); a running job only at the start of its organisation's next billing
   * month, if it is still running then.
   */
  newPriceFrom: Date;
  /** The time zone its billing months are cut in (for a job's newPriceFrom). */
  billingTimeZone: string;
  /**
   * A running job's latest end: its start plus its walltime, when the scheduler stops it (null for
   * an endpoint). A job ending before newPriceFrom never moves to the new price.
   */
  walltimeEndsAt: Date | null;
  /**
   * An hour of what it runs now at priceNowMinor (until newPriceFrom) and at the new price (from
   * then); null for a tokens class, priced per million tokens instead.
   */
  hour: HourAtBothPrices | null;
}

export interface PriceChangePreview {
  resourceClass: {
    id: string;
    code: string;
    name: string;
    kind: ResourceKind;
    unit: string;
    currency: string;
  };
  /** The price version the change is reviewed against: the update must carry it back. */
  priceVersionId: string;
  fromPriceMinor: number;
  toPriceMinor: number;
  /** What the price is per: "GPU-hour", "million tokens". */
  pricedUnit: string;
  /**
   * A new version opens when the change is saved. Billing prices each usage record at the version
   * in force when the record began, so: jobs started from then on pay it; a running job keeps its
   * price until it ends (or its next billing month starts); an endpoint moves to it at its next
   * lease window.
   */
  takesEffect: "IMMEDIATELY";
  /** The extra step the change needs before it may be saved, or null for none. */
  step: PriceChangeStep | null;
  /** The factor from which a change counts as LARGE_CHANGE, for the words of the step. */
  largeFactor: number;
  runningJobs: number;
  liveEndpoints: number;
  /** Jobs accepted or queued and not yet running: billed at the new price once they run. */
  waitingJobs: number;
  /** Organisations whose running jobs or live endpoints are on the class. */
  organisations: number;
  /**
   * Units running now, all of them together, and an hour of them: billed now (from), and once
   * every live endpoint has renewed its window (to) — the running jobs at the price they keep.
   */
  unitsNow: number;
  hour: HourAtBothPrices | null;
  /** When the last live endpoint reaches its next lease window (null with no live endpoint). */
  endpointsRenewedBy: Date | null;
  /** The first {@link PRICE_CHANGE_LISTED}, most units first. */
  workloads: PriceChangeWorkload[];
  /**
   * A tokens class only (null for compute): nothing runs on it, but tenants' API keys call its
   * shared models through the gateway — who called it lately, and what their tokens cost at
   * both prices (previewTokenCalls).
   */
  calls: PriceChangeCalls | null;
  computedAt: Date;
}

export interface PreviewPriceChangeInput {
  resourceClassId: string;
  listPriceMinorPerHour: number;
}

type Reader = Pick<Database, "$queryRaw"> | Prisma.TransactionClient;

/** SQL: the id of the newest price version of the class `resourceClassId` (a column or value). */
function latestPriceVersionSql(resourceClassId: Prisma.Sql) {
  return Prisma.sql`(SELECT pv."id" FROM "PriceVersion" pv
                      WHERE pv."resourceClassId" = ${resourceClassId}
                      ORDER BY pv."effectiveFrom" DESC LIMIT 1)`;
}

/** The newest price version of a class: the one a change replaces (null only for a bad row). */
export async function latestPriceVersionId(
  database: Pick<Database, "$queryRaw"> | Prisma.TransactionClient,
  resourceClassId: string,
): Promise<string | null> {
  const rows = await database.$queryRaw<{ id: string | null }[]>(
    Prisma.sql`SELECT ${latestPriceVersionSql(Prisma.sql`${resourceClassId}`)} AS "id"`,
  );
  return rows[0]?.id ?? null;
}

/** Running jobs and live endpoints on the class (`w`, `o`, `e`, and `b` its billing account). */
function touchedOn(resourceClassId: string) {
  return Prisma.sql`
      FROM "Workload" w
      JOIN "Organization" o ON o."id" = w."organizationId"
      LEFT JOIN "Endpoint" e ON e."workloadId" = w."id"
      LEFT JOIN "BillingAccount" b ON b."organizationId" = w."organizationId"
     WHERE w."resourceClassId" = ${resourceClassId}
       AND ((w."kind" = 'TRAINING_JOB' AND w."status" = 'RUNNING')
         OR (w."kind" = 'INFERENCE_ENDPOINT'
             AND e."status"::text = ANY(${[...LIVE_ENDPOINT_STATUSES]}::text[])))`;
}

const UNITS_NOW = Prisma.sql`CASE WHEN e."workloadId" IS NULL THEN w."quantity"
                                  ELSE w."quantity" * e."readyReplicas" END`;

/**
 * Of a row of touchedOn, as billing will price it (aggregate-usage.ts: the price version in force
 * at the record's intervalStart): "priceNowMinor", the price of the version in force when its
 * current usage record began — a job's records start at its start and are cut at the month
 * boundaries of its organisation's billing time zone (record-job-usage.ts); an endpoint's record is
 * its lease window (record-endpoint-usage.ts) — and "newPriceFrom", when its next record begins:
 * a job's next billing month; an endpoint's next window, placed once half of this one has passed
 * (renew-endpoint-hold.ts), or now when that is due or it holds no window yet.
 */
function billedNow(now: Date) {
  // The columns are UTC timestamps without a zone; month boundaries are cut in the zone `tz`.
  const tz = Prisma.sql`COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE})`;
  const instant = Prisma.sql`${now.toISOString()}::timestamptz`;
  const at = Prisma.sql`(${instant} AT TIME ZONE 'UTC')`;
  const nextMonthStart = Prisma.sql`
      ((date_trunc('month', ${instant} AT TIME ZONE ${tz}) + make_interval(months => 1))
        AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'`;
  const recordStart = Prisma.sql`CASE
      WHEN e."workloadId" IS NOT NULL THEN COALESCE(e."leaseStartedAt", ${at})
      ELSE ${jobRecordStartSql(now, Prisma.sql`w."startedAt"`, tz)} END`;
  const priceNow = priceVersionAtSql(
    Prisma.sql`w."resourceClassId"`,
    recordStart,
    "minorPerUnitHour",
  );
  return Prisma.sql`
      COALESCE(${priceNow}, 0)::int AS "priceNowMinor",
      CASE WHEN e."workloadId" IS NOT NULL
           THEN greatest(${at}, COALESCE(e."leaseStartedAt"
                                  + make_interval(secs => e."leaseSeconds" / 2.0), ${at}))
           ELSE ${nextMonthStart} END AS "newPriceFrom",
      ${tz} AS "billingTimeZone"`;
}

/**
 * What changing a class's list price touches, worked out before it is saved: the price now and
 * after, the running jobs and live endpoints on the class (how many, whose, the first few by
 * name with what an hour of each is billed now and once the change reaches it), the jobs waiting
 * to run, and the extra step the change needs (price-change-rules.ts). The new version opens when
 * it is saved, and billing prices each usage record at the version in force when the record
 * began: jobs started from then on pay it; a running job keeps its price until it ends (or its
 * next billing month starts); an endpoint moves to it at its next lease window. A tokens class
 * runs nothing: for it, the calls its shared models had through the gateway lately, and the
 * organisations holding a token lease on it now, are what the change touches (previewTokenCalls).
 */
export async function previewPriceChange(
  database: Reader,
  input: PreviewPriceChangeInput,
  now: Date = new Date(),
): Promise<PriceChangePreview> {
  // The price and the version it is at, read in one statement: a change saved in between would
  // otherwise pair the old price with the new version, and the confirmation would pass unwarned.
  const [resourceClass] = await database.$queryRaw<
    (Pick<
      ResourceClass,
      "id" | "code" | "name" | "kind" | "unit" | "currency" | "listPriceMinorPerHour"
    > & { priceVersionId: string | null })[]
  >(Prisma.sql`
    SELECT rc."id", rc."code", rc."name", rc."kind"::text AS "kind", rc."unit", rc."currency",
           rc."listPriceMinorPerHour",
           ${latestPriceVersionSql(Prisma.sql`rc."id"`)} AS "priceVersionId"
      FROM "ResourceClass" rc WHERE rc."id" = ${input.resourceClassId}`);
  if (!resourceClass?.priceVersionId) throw notFound("Resource class");
  const { priceVersionId } = resourceClass;
  const fromPriceMinor = resourceClass.listPriceMinorPerHour;
  const toPriceMinor = input.listPriceMinorPerHour;
  if (toPriceMinor === fromPriceMinor) {
    throw new AppError("INVALID", "That is the price already: there is no change to review.");
  }

  const [totals] = await database.$queryRaw<
    {
      runningJobs: number;
      liveEndpoints: number;
      organisations: number;
      unitsNow: number;
    }[]
  >(Prisma.sql`
    SELECT COUNT(*) FILTER (WHERE e."workloadId" IS NULL)::int AS "runningJobs",
           COUNT(*) FILTER (WHERE e."workloadId" IS NOT NULL)::int AS "liveEndpoints",
           COUNT(DISTINCT w."organizationId")::int AS "organisations",
           COALESCE(SUM(${UNITS_NOW}), 0)::int AS "unitsNow"
    ${touchedOn(resourceClass.id)}`);
  const [waiting] = await database.$queryRaw<{ waitingJobs: number }[]>(Prisma.sql`
    SELECT COUNT(*)::int AS "waitingJobs" FROM "Workload"
     WHERE "resourceClassId" = ${resourceClass.id} AND "kind" = 'TRAINING_JOB'
       AND "status" IN ('ACCEPTED', 'SUBMITTED', 'PENDING')`);
  const listed = await database.$queryRaw<Omit<PriceChangeWorkload, "hour">[]>(Prisma.sql`
    SELECT w."id", w."kind"::text AS "kind", w."name", o."name" AS "organisationName",
           (${UNITS_NOW})::int AS "unitsNow", e."readyReplicas" AS "replicasNow",
           CASE WHEN e."workloadId" IS NULL AND w."startedAt" IS NOT NULL
                THEN w."startedAt" + make_interval(secs => w."walltimeSeconds") END
             AS "walltimeEndsAt",
           ${billedNow(now)}
    ${touchedOn(resourceClass.id)}
     ORDER BY "unitsNow" DESC, w."name", w."id"
     LIMIT ${PRICE_CHANGE_LISTED}`);
  // All of them together, by the price each pays now and whether it moves to the new one.
  const byPrice = await database.$queryRaw<
    { priceNowMinor: number; moves: boolean; units: number; lastMove: Date | null }[]
  >(Prisma.sql`
    SELECT t."priceNowMinor", t."kind" = 'INFERENCE_ENDPOINT' AS "moves",
           SUM(t."unitsNow")::int AS "units", MAX(t."newPriceFrom") AS "lastMove"
      FROM (SELECT w."kind"::text AS "kind", (${UNITS_NOW})::int AS "unitsNow", ${billedNow(now)}
            ${touchedOn(resourceClass.id)}) t
     GROUP BY 1, 2`);

  const kind = resourceClass.kind;
  const hourAt = (units: number, priceMinor: number) =>
    rateOf(units, priceMinor, 0, kind).listMilliMinor;
  const hourOf = (units: number, nowMinor: number, nextMinor: number): HourAtBothPrices | null =>
    countsTokens(kind)
      ? null
      : { fromMilliMinor: hourAt(units, nowMinor), toMilliMinor: hourAt(units, nextMinor) };
  const unitsNow = totals?.unitsNow ?? 0;
  // Every live endpoint renewed: it pays the new price; a running job keeps the one it pays now.
  const hour = countsTokens(kind)
    ? null
    : byPrice.reduce(
        (sum, group) => ({
          fromMilliMinor: sum.fromMilliMinor + hourAt(group.units, group.priceNowMinor),
          toMilliMinor:
            sum.toMilliMinor +
            hourAt(group.units, group.moves ? toPriceMinor : group.priceNowMinor),
        }),
        { fromMilliMinor: 0, toMilliMinor: 0 },
      );
  const calls = countsTokens(kind)
    ? await previewTokenCalls(database, {
        resourceClassId: resourceClass.id,
        fromPriceMinor,
        toPriceMinor,
        now,
      })
    : null;
  const moves = byPrice.filter((group) => group.moves && group.lastMove !== null);
  const endpointsRenewedBy = moves.length
    ? new Date(Math.max(...moves.map((group) => group.lastMove!.getTime())))
    : null;
  return {
    resourceClass: {
      id: resourceClass.id,
      code: resourceClass.code,
      name: resourceClass.name,
      kind,
      unit: resourceClass.unit,
      currency: resourceClass.currency,
    },
    priceVersionId,
    fromPriceMinor,
    toPriceMinor,
    pricedUnit: pricedUnitName(resourceClass),
    takesEffect: "IMMEDIATELY",
    step: priceChangeStep(fromPriceMinor, toPriceMinor),
    largeFactor: LARGE_PRICE_FACTOR,
    runningJobs: totals?.runningJobs ?? 0,
    liveEndpoints: totals?.liveEndpoints ?? 0,
    waitingJobs: waiting?.waitingJobs ?? 0,
    organisations: totals?.organisations ?? 0,
    unitsNow,
    hour,
    endpointsRenewedBy,
    workloads: listed.map((row) => ({
      ...row,
      hour: hourOf(row.unitsNow, row.priceNowMinor, toPriceMinor),
    })),
    calls,
    computedAt: now,
  };
}
