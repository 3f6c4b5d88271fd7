import { Prisma } from "@tessera/db";
import { withAccruing } from "../billing/accruing-endpoint-usage";
import { accruingUsageOf } from "../billing/accruing-usage";
import {
  aggregateUnbilledUsage,
  aggregateUsageByDay,
  type UnbilledAggregate,
} from "../billing/aggregate-usage";
import { periodBounds, periodOf } from "../billing/billing-period";
import { loadBillingCustomers } from "../billing/load-billing-customer";
import { loadRatingTerms } from "../billing/load-rating-terms";
import { listValueNumerator, rateUsage, type PriceVersionTerms } from "../billing/rate-usage";
import { apportion } from "./apportion";
import type { DailyAmount } from "./burn-down";

type RawClient = { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> };

/**
 * What a programme has consumed: its share of the rated usage on its awards — what it owes, as
 * its statements and the organisations' invoices compute it. Invoiced is what finalised invoices
 * and credit notes put on its statements (by the invoice's billing month); not yet invoiced is
 * its share of the organisations' live drafts, rated as finalisation will rate them. The daily
 * series shares each rated amount out over the UTC days its usage started on, by list value, so
 * that the days add up to the total exactly.
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

/**
 * The programme's share of each organisation's live draft, per rating key: what "Charges so far"
 * shows, endpoints' open metering windows and running jobs up to now included (accruingUsageOf).
 */
async function uninvoicedShares(
  client: RawClient,
  programmeId: string,
  now: Date,
): Promise<Map<string, bigint>> {
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
  const drafts = new Map<string, UnbilledAggregate[]>();
  for (const scope of scopes) {
    const settled = unbilled.get(scope.organizationId)?.aggregates ?? [];
    const accruing = accruingOf.get(scope.organizationId) ?? [];
    if (settled.length > 0 || accruing.length > 0) {
      drafts.set(scope.organizationId, withAccruing(settled, accruing));
    }
  }
  const terms = await loadRatingTerms(client, [...drafts.values()].flat(), { lock: false });
  const ours = new Set(awards.map((award) => award.id));
  const shares = new Map<string, bigint>();
  for (const [organizationId, aggregates] of drafts) {
    // Rated per organisation, as its draft is: each award's subsidy is drawn down line by line.
    for (const line of rateUsage(aggregates, terms.prices, terms.allocationOfLine)) {
      if (line.allocationId && ours.has(line.allocationId)) {
        add(shares, keyOf({ organizationId, ...line }), line.programmeMinor);
      }
    }
  }
  return shares;
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
  const [invoicedLines, uninvoiced, days] = await Promise.all([
    // The statements' lines (getProgrammeStatement), per invoice month and rating key.
    client.$queryRaw<(RatingKey & { period: string; programmeMinor: bigint })[]>(Prisma.sql`
      SELECT i."organizationId", i."period", l."usagePeriod", l."resourceClassId",
             l."allocationLineId", l."priceVersionId",
             sum(l."programmeMinor")::bigint AS "programmeMinor"
        FROM "InvoiceLine" l
        JOIN "Invoice" i ON i."id" = l."invoiceId"
        JOIN "Allocation" a ON a."id" = l."allocationId"
       WHERE a."programmeId" = ${programmeId}::text
       GROUP BY 1, 2, 3, 4, 5, 6`),
    uninvoicedShares(client, programmeId, now),
    options.daily
      ? aggregateUsageByDay(client, {
          // Through the organisations' index, then the programme's award lines.
          where: Prisma.sql`u."organizationId" IN (
              SELECT "organizationId" FROM "Allocation" WHERE "programmeId" = ${programmeId}::text)
            AND u."allocationLineId" IN (
              SELECT l."id" FROM "AllocationLine" l JOIN "Allocation" a ON a."id" = l."allocationId"
               WHERE a."programmeId" = ${programmeId}::text)`,
        })
      : Promise.resolve([]),
  ]);

  const owed = new Map(uninvoiced);
  const byMonth = new Map<string, bigint>();
  for (const line of invoicedLines) {
    add(owed, keyOf(line), line.programmeMinor);
    add(byMonth, line.period, line.programmeMinor);
  }

  const priceIds = [...new Set(days.map((row) => row.priceVersionId))];
  const prices = new Map(
    (
      await client.$queryRaw<({ id: string } & PriceVersionTerms)[]>(Prisma.sql`
        SELECT "id", "minorPerUnitHour", "minorPerMillionTokens" FROM "PriceVersion"
         WHERE "id" = ANY(${priceIds}::text[])`)
    ).map((price) => [price.id, price]),
  );
  const daysOf = new Map<string, { day: string; weight: bigint }[]>();
  for (const row of days) {
    const price = prices.get(row.priceVersionId);
    const entries = daysOf.get(keyOf(row)) ?? [];
    entries.push({ day: row.day, weight: price ? listValueNumerator(row, price) : 0n });
    daysOf.set(keyOf(row), entries);
  }
  const perDay = new Map<string, bigint>();
  for (const [key, amount] of options.daily ? owed : []) {
    if (amount === 0n) continue;
    // Usage records are never deleted, so a settled amount has days; one that has none yet is an
    // endpoint's open window or a running job, accruing now: it counts today (in an earlier month, on its first day).
    const found = daysOf.get(key)?.sort((a, b) => a.day.localeCompare(b.day));
    const month = key.split("\u0000")[1]!;
    const today = now.toISOString().slice(0, 10);
    const spread = found?.length
      ? found
      : [{ day: today.startsWith(month) ? today : `${month}-01`, weight: 1n }];
    apportion(
      amount,
      spread.map((entry) => entry.weight),
    ).forEach((share, index) => add(perDay, spread[index]!.day, share));
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
