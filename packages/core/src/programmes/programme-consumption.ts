import { Prisma } from "@tessera/db";
import { withAccruing } from "../billing/accruing-endpoint-usage";
import { accruingUsageOf } from "../billing/accruing-usage";
import {
  aggregateUnbilledUsage,
  aggregateUsageByDay,
  type UnbilledAggregate,
} from "../billing/aggregate-usage";
import { periodBounds, periodOf } from "../billing/billing-period";
import type { AccruingWindow } from "../billing/price-accruing-windows";
import { loadBillingCustomers } from "../billing/load-billing-customer";
import { loadRatingTerms } from "../billing/load-rating-terms";
import { listValueNumerator, rateUsage, type PriceVersionTerms } from "../billing/rate-usage";
import { apportion } from "./apportion";
import { utcDay, type DailyAmount } from "./burn-down";

type RawClient = { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> };

/**
 * What a programme has consumed: its share of the rated usage on its awards — what it owes, as
 * its statements and the organisations' invoices compute it. Invoiced is what finalised invoices
 * and credit notes put on its statements (by the invoice's billing month); not yet invoiced is
 * its share of the organisations' live drafts, rated as finalisation will rate them. The daily
 * series shares each rated amount out over the UTC days its usage started on, by list value, so
 * that the days add up to the total exactly: settled usage on the days its records started, and
 * time still accruing (a running job, an endpoint's open window) on the day its record will start
 * (the job's start or its month's, the window's start). What accrues is the line's share beyond
 * what its settled usage alone is rated at, so a settled day keeps its figure while a job runs on.
 */
export interface ProgrammeConsumption {
  /** Per UTC day the usage started on; the amounts add up to `totalMinor`. */
  daily: DailyAmount[];
  /** Per billing month of the invoices: each is that month's statement total. */
  invoiced: { period: string; programmeMinor: bigint }[];
  invoicedMinor: bigint;
  uninvoicedMinor: bigint;
  totalMinor: bigint;
}

/** What rating groups usage by: one organisation's usage month, class, award line and price. */
interface RatingKey {
  organizationId: string;
  usagePeriod: string;
  resourceClassId: string;
  allocationLineId: string | null;
  priceVersionId: string | null;
}

const keyOf = (k: RatingKey) =>
  [k.organizationId, k.usagePeriod, k.resourceClassId, k.allocationLineId, k.priceVersionId].join(
    "\u0000",
  );

const add = (map: Map<string, bigint>, key: string, amount: bigint) =>
  map.set(key, (map.get(key) ?? 0n) + amount);

/** An accruing piece of a line: the day its record will start on, and its usage. */
interface AccruingPiece {
  key: string;
  day: string;
  window: AccruingWindow;
}

interface UninvoicedShares {
  /** The programme's share of each organisation's live draft, per rating key. */
  shares: Map<string, bigint>;
  /** The same rated on the settled records alone, without what is accruing. */
  settledShares: Map<string, bigint>;
  /** What is accruing, piece by piece (only when asked for the days). */
  accruing: AccruingPiece[];
}

/**
 * The day an accruing piece's record will start on (UTC): an endpoint's open window starts at
 * its lease; a running job's piece of a month at the job's start (to the second, as its record
 * is) or, when it started in an earlier month, at the month's start in the billing time zone.
 */
function accruingDay(
  window: AccruingWindow,
  jobStarts: ReadonlyMap<string, Date>,
  timeZone: string,
): string {
  if ("endpointId" in window) return utcDay(window.windowStart);
  const monthStart = periodBounds(window.usagePeriod, timeZone).start;
  const started = jobStarts.get(window.jobId);
  const jobStart = started ? new Date(Math.floor(started.getTime() / 1000) * 1000) : monthStart;
  return utcDay(jobStart > monthStart ? jobStart : monthStart);
}

/**
 * The programme's share of each organisation's live draft, per rating key: what "Charges so far"
 * shows, endpoints' open metering windows and running jobs up to now included (accruingUsageOf),
 * and the same without what is accruing.
 */
async function uninvoicedShares(
  client: RawClient,
  programmeId: string,
  now: Date,
  daily: boolean,
): Promise<UninvoicedShares> {
  const awards = await client.$queryRaw<{ id: string; organizationId: string }[]>(Prisma.sql`
    SELECT "id", "organizationId" FROM "Allocation" WHERE "programmeId" = ${programmeId}::text`);
  const customers = await loadBillingCustomers(client, [
    ...new Set(awards.map((award) => award.organizationId)),
  ]);
  const scopes = [...customers.values()].map((customer) => {
    const period = periodOf(now, customer.timeZone);
    return {
      organizationId: customer.organizationId,
      period,
      bounds: periodBounds(period, customer.timeZone),
      timeZone: customer.timeZone,
    };
  });
  const unbilled = await aggregateUnbilledUsage(client, scopes);
  // Read after the settled records, as the draft does (accruingUsageOf): every organisation's
  // open windows and running jobs at once, not one organisation at a time.
  const accruingOf = await accruingUsageOf(client, scopes, now);
  const drafts = new Map<string, { settled: UnbilledAggregate[]; accruing: AccruingWindow[] }>();
  for (const scope of scopes) {
    const settled = unbilled.get(scope.organizationId)?.aggregates ?? [];
    const accruing = accruingOf.get(scope.organizationId) ?? [];
    if (settled.length > 0 || accruing.length > 0) {
      drafts.set(scope.organizationId, { settled, accruing });
    }
  }
  const terms = await loadRatingTerms(
    client,
    [...drafts.values()].flatMap((draft) => withAccruing(draft.settled, draft.accruing)),
    { lock: false },
  );
  const ours = new Set(awards.map((award) => award.id));
  const shares = new Map<string, bigint>();
  const settledShares = new Map<string, bigint>();
  const accruing: AccruingPiece[] = [];
  const jobIds = [...drafts.values()].flatMap((draft) =>
    draft.accruing.flatMap((window) =>
      "jobId" in window && window.allocationId && ours.has(window.allocationId)
        ? [window.jobId]
        : [],
    ),
  );
  const jobStarts = new Map(
    daily && jobIds.length > 0
      ? (
          await client.$queryRaw<{ id: string; startedAt: Date }[]>(Prisma.sql`
            SELECT "id", "startedAt" FROM "Workload"
             WHERE "id" = ANY(${jobIds}::text[]) AND "startedAt" IS NOT NULL`)
        ).map((job) => [job.id, job.startedAt])
      : [],
  );
  for (const [organizationId, draft] of drafts) {
    // Rated per organisation, as its draft is: each award's subsidy is drawn down line by line.
    const rate = (aggregates: UnbilledAggregate[], into: Map<string, bigint>) => {
      for (const line of rateUsage(aggregates, terms.prices, terms.allocationOfLine)) {
        if (line.allocationId && ours.has(line.allocationId)) {
          add(into, keyOf({ organizationId, ...line }), line.programmeMinor);
        }
      }
    };
    rate(withAccruing(draft.settled, draft.accruing), shares);
    if (!daily) continue;
    rate(draft.settled, settledShares);
    const timeZone = customers.get(organizationId)!.timeZone;
    for (const window of draft.accruing) {
      if (!window.allocationId || !ours.has(window.allocationId)) continue;
      accruing.push({
        key: keyOf({ organizationId, ...window }),
        day: accruingDay(window, jobStarts, timeZone),
        window,
      });
    }
  }
  return { shares, settledShares, accruing };
}

/**
 * The programme's consumption: invoiced, not yet invoiced, and per UTC day (see
 * ProgrammeConsumption). With `daily: false` the days are left out (empty): the totals need no
 * pass over the usage history, which is what the home page and the alert sweep want.
 */
export async function loadProgrammeConsumption(
  client: RawClient,
  programmeId: string,
  now: Date,
  options: { daily: boolean } = { daily: true },
): Promise<ProgrammeConsumption> {
  // One reading after the other: the client may be a transaction's, which runs one at a time.
  // The statements' lines (getProgrammeStatement), per invoice month and rating key.
  const invoicedLines = await client.$queryRaw<
    (RatingKey & { period: string; programmeMinor: bigint })[]
  >(Prisma.sql`
      SELECT i."organizationId", i."period", l."usagePeriod", l."resourceClassId",
             l."allocationLineId", l."priceVersionId",
             sum(l."programmeMinor")::bigint AS "programmeMinor"
        FROM "InvoiceLine" l
        JOIN "Invoice" i ON i."id" = l."invoiceId"
        JOIN "Allocation" a ON a."id" = l."allocationId"
       WHERE a."programmeId" = ${programmeId}::text
       GROUP BY 1, 2, 3, 4, 5, 6`);
  const drafts = await uninvoicedShares(client, programmeId, now, options.daily);
  const days = options.daily
    ? await aggregateUsageByDay(client, {
        // Through the organisations' index, then the programme's award lines.
        where: Prisma.sql`u."organizationId" IN (
              SELECT "organizationId" FROM "Allocation" WHERE "programmeId" = ${programmeId}::text)
            AND u."allocationLineId" IN (
              SELECT l."id" FROM "AllocationLine" l JOIN "Allocation" a ON a."id" = l."allocationId"
               WHERE a."programmeId" = ${programmeId}::text)`,
      })
    : [];

  const uninvoiced = drafts.shares;
  const owed = new Map(uninvoiced);
  const byMonth = new Map<string, bigint>();
  for (const line of invoicedLines) {
    add(owed, keyOf(line), line.programmeMinor);
    add(byMonth, line.period, line.programmeMinor);
  }

  const priceIds = [
    ...new Set(
      [...days, ...drafts.accruing.map((piece) => piece.window)].map((row) => row.priceVersionId),
    ),
  ];
  const prices = new Map(
    (
      await client.$queryRaw<({ id: string } & PriceVersionTerms)[]>(Prisma.sql`
        SELECT "id", "minorPerUnitHour", "minorPerMillionTokens" FROM "PriceVersion"
         WHERE "id" = ANY(${priceIds}::text[])`)
    ).map((price) => [price.id, price]),
  );
  const weightOf = (row: { priceVersionId: string; unitSeconds: bigint; tokens: bigint }) => {
    const price = prices.get(row.priceVersionId);
    return price ? listValueNumerator(row, price) : 0n;
  };
  type Spread = { day: string; weight: bigint }[];
  /** Entries (rating key, day, weight) grouped by rating key. */
  const byKey = (entries: Iterable<{ key: string; day: string; weight: bigint }>) => {
    const grouped = new Map<string, Spread>();
    for (const { key, day, weight } of entries) {
      const spread = grouped.get(key);
      if (spread) spread.push({ day, weight });
      else grouped.set(key, [{ day, weight }]);
    }
    return grouped;
  };
  const settledDaysOf = byKey(
    days.map((row) => ({ key: keyOf(row), day: row.day, weight: weightOf(row) })),
  );
  const accruingDaysOf = byKey(
    drafts.accruing.map((piece) => ({
      key: piece.key,
      day: piece.day,
      weight: weightOf(piece.window),
    })),
  );
  const perDay = new Map<string, bigint>();
  const today = utcDay(now);
  const spreadOver = (amount: bigint, spread: Spread) => {
    if (amount === 0n) return;
    const shares = apportion(
      amount,
      spread.map((entry) => entry.weight),
    );
    shares.forEach((share, index) => add(perDay, spread[index]!.day, share));
  };
  for (const [key, amount] of options.daily ? owed : []) {
    const byDay = (a: { day: string }, b: { day: string }) => a.day.localeCompare(b.day);
    const settled = settledDaysOf.get(key)?.sort(byDay) ?? [];
    const accruing = accruingDaysOf.get(key)?.sort(byDay) ?? [];
    // What accrues is the line's share beyond its settled usage's own, on the days it started on;
    // the settled days share the rest. So a settled day's figure stays while a job runs on.
    const accruingAmount =
      accruing.length === 0
        ? 0n
        : settled.length === 0
          ? amount
          : (drafts.shares.get(key) ?? 0n) - (drafts.settledShares.get(key) ?? 0n);
    spreadOver(accruingAmount, accruing);
    // Usage records are never deleted, so a settled amount has days; one with none at all (no
    // record, nothing accruing) counts today (in an earlier month, on its first day).
    const month = key.split("\u0000")[1]!;
    spreadOver(
      amount - accruingAmount,
      settled.length > 0
        ? settled
        : [{ day: today.startsWith(month) ? today : `${month}-01`, weight: 1n }],
    );
  }

  const sum = (amounts: Iterable<bigint>) => [...amounts].reduce((a, b) => a + b, 0n);
  const invoicedMinor = sum(byMonth.values());
  const uninvoicedMinor = sum(uninvoiced.values());
  return {
    daily: [...perDay]
      .map(([day, amountMinor]) => ({ day, amountMinor }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    invoiced: [...byMonth]
      .map(([period, programmeMinor]) => ({ period, programmeMinor }))
      .sort((a, b) => a.period.localeCompare(b.period)),
    invoicedMinor,
    uninvoicedMinor,
    totalMinor: invoicedMinor + uninvoicedMinor,
  };
}
