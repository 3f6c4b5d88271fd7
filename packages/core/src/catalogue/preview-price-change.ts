import { Prisma, type Database, type ResourceKind } from "@tessera/db";
import { LIVE_ENDPOINT_STATUSES } from "../endpoints/endpoint-rules";
import { AppError, notFound } from "../errors";
import { rateOf } from "../programmes/pricing";
import { countsTokens, pricedUnitName } from "./metering-unit";
import { LARGE_PRICE_FACTOR, priceChangeStep, type PriceChangeStep } from "./price-change-rules";

/** How many of the workloads a price change touches the preview names one by one. */
export const PRICE_CHANGE_LISTED = 8;

/** An hour of something at the old and the new price, in thousandths of a minor unit (rateOf). */
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
  /** An hour of what it runs now; null for a tokens class, priced per million tokens instead. */
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
  /** A new version opens when the change is saved: usage from then on is billed at it. */
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
  /** Units running now, all of them together, and an hour of them at both prices. */
  unitsNow: number;
  hour: HourAtBothPrices | null;
  /** The first {@link PRICE_CHANGE_LISTED}, most units first. */
  workloads: PriceChangeWorkload[];
  computedAt: Date;
}

export interface PreviewPriceChangeInput {
  resourceClassId: string;
  listPriceMinorPerHour: number;
}

type Reader = Pick<Database, "$queryRaw" | "resourceClass"> | Prisma.TransactionClient;

/** The newest price version of a class: the one a change replaces (null only for a bad row). */
export async function latestPriceVersionId(
  database: Pick<Database, "$queryRaw"> | Prisma.TransactionClient,
  resourceClassId: string,
): Promise<string | null> {
  const rows = await database.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT "id" FROM "PriceVersion" WHERE "resourceClassId" = ${resourceClassId}
     ORDER BY "effectiveFrom" DESC LIMIT 1`);
  return rows[0]?.id ?? null;
}

/** Running jobs and live endpoints on the class, and (waiting) jobs not yet running. */
function touchedOn(resourceClassId: string) {
  return Prisma.sql`
      FROM "Workload" w
      JOIN "Organization" o ON o."id" = w."organizationId"
      LEFT JOIN "Endpoint" e ON e."workloadId" = w."id"
     WHERE w."resourceClassId" = ${resourceClassId}
       AND ((w."kind" = 'TRAINING_JOB' AND w."status" = 'RUNNING')
         OR (w."kind" = 'INFERENCE_ENDPOINT'
             AND e."status"::text = ANY(${[...LIVE_ENDPOINT_STATUSES]}::text[])))`;
}

const UNITS_NOW = Prisma.sql`CASE WHEN e."workloadId" IS NULL THEN w."quantity"
                                  ELSE w."quantity" * e."readyReplicas" END`;

/**
 * What changing a class's list price touches, worked out before it is saved: the price now and
 * after, the running jobs and live endpoints on the class (how many, whose, the first few by
 * name with an hour of each at both prices), the jobs waiting to run, and the extra step the
 * change needs (price-change-rules.ts). The change takes effect at once when saved: usage from
 * then on is billed at the new version, and what ran before keeps the old one.
 */
export async function previewPriceChange(
  database: Reader,
  input: PreviewPriceChangeInput,
  now: Date = new Date(),
): Promise<PriceChangePreview> {
  const resourceClass = await database.resourceClass.findUnique({
    where: { id: input.resourceClassId },
  });
  if (!resourceClass) throw notFound("Resource class");
  const fromPriceMinor = resourceClass.listPriceMinorPerHour;
  const toPriceMinor = input.listPriceMinorPerHour;
  if (toPriceMinor === fromPriceMinor) {
    throw new AppError("INVALID", "That is the price already: there is no change to review.");
  }
  const priceVersionId = await latestPriceVersionId(database, resourceClass.id);
  if (!priceVersionId) throw notFound("Resource class");

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
           (${UNITS_NOW})::int AS "unitsNow", e."readyReplicas" AS "replicasNow"
    ${touchedOn(resourceClass.id)}
     ORDER BY "unitsNow" DESC, w."name", w."id"
     LIMIT ${PRICE_CHANGE_LISTED}`);

  const kind = resourceClass.kind;
  const hourOf = (units: number): HourAtBothPrices | null =>
    countsTokens(kind)
      ? null
      : {
          fromMilliMinor: rateOf(units, fromPriceMinor, 0, kind).listMilliMinor,
          toMilliMinor: rateOf(units, toPriceMinor, 0, kind).listMilliMinor,
        };
  const unitsNow = totals?.unitsNow ?? 0;
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
    hour: hourOf(unitsNow),
    workloads: listed.map((row) => ({ ...row, hour: hourOf(row.unitsNow) })),
    computedAt: now,
  };
}
