import { Prisma, type Database } from "@tessera/db";
import { RECORD_TOKENS, usagePeriodSql } from "../billing/aggregate-usage";
import { DEFAULT_BILLING_TIME_ZONE } from "../billing/billing-time-zone";
import { listAmountOf, type PriceVersionTerms } from "../billing/rate-usage";
import { toSafeNumber } from "../programmes/money";

/** The recent calls a tokens class's price change is shown against: the last this many days. */
export const PRICE_CHANGE_CALLS_DAYS = 30;

/** How many of the organisations calling a tokens class the preview names one by one. */
export const PRICE_CHANGE_CALLERS_LISTED = 8;

const DAY_MS = 86_400_000;

/** One organisation calling the class: its tokens of the window, at both prices. */
export interface PriceChangeCaller {
  organisationId: string;
  organisationName: string;
  /** Its API keys that called the class in the window. */
  apiKeys: number;
  /** Tokens in + out of its calls in the window. */
  tokens: number;
  /** What those tokens cost at the current price and at the new one (integer minor units). */
  fromMinor: number;
  toMinor: number;
  /** It holds an open token lease on the class now: it is calling at this moment. */
  holdsLease: boolean;
}

/**
 * Who calls a tokens class (a shared model tier) through the gateway: the calls of the last
 * {@link PRICE_CHANGE_CALLS_DAYS} days, and the organisations holding a token lease on it now.
 * Every call is billed at the price version in force when it was made, so calls from the moment
 * the change is confirmed pay the new price; the window's cost at both prices says what that is.
 */
export interface PriceChangeCalls {
  days: number;
  /** The window: from `since` up to the preview's computedAt. */
  since: Date;
  /** Organisations that called the class in the window or hold a token lease on it now. */
  organisations: number;
  /** Of them, those holding an open token lease on it now (calling at this moment). */
  leasing: number;
  /** API keys that called the class in the window. */
  apiKeys: number;
  /** Tokens in + out of every call in the window. */
  tokens: number;
  /**
   * What the window's tokens cost at the current price and at the new one (integer minor units):
   * priced as billing prices them, each organisation's tokens of an allocation line and billing
   * month as one line (listAmountOf, rounded once per line), the lines added up.
   */
  fromMinor: number;
  toMinor: number;
  /** The first {@link PRICE_CHANGE_CALLERS_LISTED}, most tokens first. */
  callers: PriceChangeCaller[];
}

type Reader = Pick<Database, "$queryRaw"> | Prisma.TransactionClient;

const utc = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The calls of the window to the class's shared models: gateway records naming no workload (a
 * call to an organisation's own endpoint names it), read through the partial index
 * "UsageRecord_shared_calls_class_idx" on (resourceClassId, intervalStart).
 */
function sharedCallsOf(resourceClassId: string, since: Date) {
  return Prisma.sql`
      FROM "UsageRecord" u
     WHERE u."source" = 'GATEWAY_TOKENS' AND u."workloadId" IS NULL
       AND u."resourceClassId" = ${resourceClassId}
       AND u."intervalStart" >= ${utc(since)}`;
}

interface Tally {
  apiKeys: number;
  tokens: bigint;
  fromMinor: bigint;
  toMinor: bigint;
  holdsLease: boolean;
}

/**
 * Who has called a tokens class over the last {@link PRICE_CHANGE_CALLS_DAYS} days and who holds
 * a token lease on it now, and what their tokens of the window cost at `fromPriceMinor` and at
 * `toPriceMinor` (per million tokens), by billing's own rating (listAmountOf). A lease is quota,
 * not price: it changes nothing of what the calls pay, but an organisation holding one is calling
 * now.
 */
export async function previewTokenCalls(
  database: Reader,
  input: { resourceClassId: string; fromPriceMinor: number; toPriceMinor: number; now: Date },
): Promise<PriceChangeCalls> {
  const since = new Date(input.now.getTime() - PRICE_CHANGE_CALLS_DAYS * DAY_MS);
  const calls = sharedCallsOf(input.resourceClassId, since);
  const zone = Prisma.sql`COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE})`;
  // Billing's line key for one class at one price: organisation, allocation line, usage month.
  const lines = await database.$queryRaw<{ organizationId: string; tokens: bigint }[]>(Prisma.sql`
    SELECT u."organizationId",
           sum(${RECORD_TOKENS})::bigint AS "tokens"
      FROM (SELECT u."organizationId", u."allocationLineId", u."intervalStart",
                   u."tokensIn", u."tokensOut" ${calls}) u
      LEFT JOIN "BillingAccount" b ON b."organizationId" = u."organizationId"
     GROUP BY u."organizationId", u."allocationLineId",
              ${usagePeriodSql(zone)}`);
  const keys = await database.$queryRaw<{ organizationId: string | null; apiKeys: number }[]>(
    Prisma.sql`
    SELECT u."organizationId", count(DISTINCT u."apiKeyId")::int AS "apiKeys"
    ${calls}
     GROUP BY GROUPING SETS ((u."organizationId"), ())`,
  );
  // Open leases: ACTIVE holds with an expiry still ahead, on allocation lines of the class.
  const leases = await database.$queryRaw<{ organizationId: string }[]>(Prisma.sql`
    SELECT DISTINCT h."organizationId"
      FROM "QuotaHold" h JOIN "AllocationLine" l ON l."id" = h."allocationLineId"
     WHERE h."status" = 'ACTIVE' AND h."expiresAt" IS NOT NULL
       AND h."expiresAt" > ${utc(input.now)}
       AND l."resourceClassId" = ${input.resourceClassId}`);

  const at = (minorPerMillionTokens: number): PriceVersionTerms => ({
    minorPerUnitHour: 0,
    minorPerMillionTokens,
  });
  const from = at(input.fromPriceMinor);
  const to = at(input.toPriceMinor);
  const tally = new Map<string, Tally>();
  const of = (organizationId: string) => {
    let seen = tally.get(organizationId);
    if (!seen) {
      seen = { apiKeys: 0, tokens: 0n, fromMinor: 0n, toMinor: 0n, holdsLease: false };
      tally.set(organizationId, seen);
    }
    return seen;
  };
  for (const line of lines) {
    const seen = of(line.organizationId);
    const usage = { unitSeconds: 0n, tokens: line.tokens };
    seen.tokens += line.tokens;
    seen.fromMinor += listAmountOf(usage, from);
    seen.toMinor += listAmountOf(usage, to);
  }
  let apiKeys = 0;
  for (const row of keys) {
    if (row.organizationId === null) apiKeys = row.apiKeys;
    else of(row.organizationId).apiKeys = row.apiKeys;
  }
  for (const lease of leases) of(lease.organizationId).holdsLease = true;

  const all = [...tally.entries()];
  const sum = (pick: (t: Tally) => bigint) => all.reduce((total, [, t]) => total + pick(t), 0n);
  const top = all
    .sort(([idA, a], [idB, b]) =>
      a.tokens === b.tokens ? (idA < idB ? -1 : idA > idB ? 1 : 0) : a.tokens > b.tokens ? -1 : 1,
    )
    .slice(0, PRICE_CHANGE_CALLERS_LISTED);
  const names = new Map(
    (
      await database.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
        SELECT "id", "name" FROM "Organization"
         WHERE "id" = ANY(${top.map(([id]) => id)}::text[])`)
    ).map((row) => [row.id, row.name]),
  );
  return {
    days: PRICE_CHANGE_CALLS_DAYS,
    since,
    organisations: all.length,
    leasing: leases.length,
    apiKeys,
    tokens: toSafeNumber(
      sum((t) => t.tokens),
      "quantity",
    ),
    fromMinor: toSafeNumber(
      sum((t) => t.fromMinor),
      "money",
    ),
    toMinor: toSafeNumber(
      sum((t) => t.toMinor),
      "money",
    ),
    callers: top.map(([organisationId, t]) => ({
      organisationId,
      organisationName: names.get(organisationId) ?? "",
      apiKeys: t.apiKeys,
      tokens: toSafeNumber(t.tokens, "quantity"),
      fromMinor: toSafeNumber(t.fromMinor, "money"),
      toMinor: toSafeNumber(t.toMinor, "money"),
      holdsLease: t.holdsLease,
    })),
  };
}
