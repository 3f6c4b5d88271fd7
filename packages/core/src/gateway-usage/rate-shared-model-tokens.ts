import { Prisma } from "@tessera/db";
import { aggregateUsage } from "../billing/aggregate-usage";
import { periodBounds } from "../billing/billing-period";
import { loadBillingCustomer } from "../billing/load-billing-customer";
import { DEFAULT_BILLING_TIME_ZONE } from "../billing/billing-time-zone";
import { sharedTierIntensities, tokenEnergyMilliWh } from "../billing/estimate-shared-token-energy";
import { listAmountOf } from "../billing/rate-usage";
import type { SqlClient } from "../billing/sql-client";
import { toSafeNumber } from "../programmes/money";

/** A shared model's tokens of one tier and month, priced as the bill prices them. */
export interface SharedModelCharge {
  /** The tier (a TOKENS resource class) and its name, as Billing names the line. */
  resourceClassId: string;
  resourceClassName: string;
  /** The billing month ("YYYY-MM", the organisation's billing time zone). */
  usagePeriod: string;
  /** True when the month began before the days read: Billing's line counts the whole month. */
  partOfMonth: boolean;
  tokens: number;
  /** The catalogue price in force (integer minor units per million tokens) and its currency. */
  minorPerMillionTokens: number;
  currency: string;
  /** The list amount, integer minor units, rounded once per invoice line as Billing rounds it. */
  listMinor: number;
  /**
   * The tokens' estimated energy (mWh; 0 when the shared endpoints report none), by Billing's one
   * estimate for the tier's month (sharedTierIntensities up to now), rounded once per invoice line
   * as Billing rounds it: a month read whole is, to the mWh, the energy of Billing's line.
   */
  energyMilliWh: number;
  /** False when that estimate counts the shared endpoints' open windows, not yet settled. */
  energySettled: boolean;
}

/**
 * The organisation's calls to the platform's shared models since `from`, priced as the invoice
 * prices them: summed per tier, price version, allocation line and billing month (aggregateUsage,
 * the key Billing rates by), each such line's list amount rounded once (listAmountOf), then added
 * up per tier, price and month. So a month read whole here is, to the cent, the list amount of
 * that tier's lines on Billing, and its energy Billing's estimate of them. `narrow` selects the
 * organisation's own gateway records (alias u); `database`, the unscoped client, is handed only to
 * the estimate, for the platform-wide average.
 */
export async function rateSharedModelTokens(
  client: SqlClient,
  input: { organizationId: string; from: Date; narrow: Prisma.Sql; now: Date },
  database: SqlClient,
): Promise<SharedModelCharge[]> {
  const customer = await loadBillingCustomer(client, input.organizationId);
  const timeZone = customer?.timeZone ?? DEFAULT_BILLING_TIME_ZONE;
  const aggregates = await aggregateUsage(client, {
    timeZone,
    // A call to a shared endpoint names no workload: the endpoint is not the organisation's.
    where: Prisma.sql`${input.narrow} AND u."workloadId" IS NULL`,
  });
  if (aggregates.length === 0) return [];
  const prices = await client.$queryRaw<
    {
      id: string;
      minorPerUnitHour: number;
      minorPerMillionTokens: number | null;
      currency: string;
      name: string;
    }[]
  >(Prisma.sql`
    SELECT pv."id", pv."minorPerUnitHour", pv."minorPerMillionTokens", pv."currency"::text,
           rc."name"
      FROM "PriceVersion" pv JOIN "ResourceClass" rc ON rc."id" = pv."resourceClassId"
     WHERE pv."id" = ANY(${[...new Set(aggregates.map((a) => a.priceVersionId))]}::text[])`);
  const priceOf = new Map(prices.map((price) => [price.id, price]));
  const tierMonth = (aggregate: (typeof aggregates)[number]) => ({
    resourceClassId: aggregate.resourceClassId,
    period: aggregate.usagePeriod,
    timeZone,
  });
  const intensity = await sharedTierIntensities(database, aggregates.map(tierMonth), input.now);
  const charges = new Map<
    string,
    SharedModelCharge & { listMinorExact: bigint; all: bigint; energyExact: bigint }
  >();
  for (const aggregate of aggregates) {
    const price = priceOf.get(aggregate.priceVersionId);
    if (!price) continue;
    const key = [aggregate.resourceClassId, aggregate.priceVersionId, aggregate.usagePeriod].join(
      "\u0000",
    );
    const listMinor = listAmountOf(aggregate, price);
    const average = intensity(tierMonth(aggregate));
    const energy =
      average?.energyPerThousandTokensMilliWh == null
        ? 0n
        : tokenEnergyMilliWh(aggregate.tokens, average.energyPerThousandTokensMilliWh);
    const settled = average?.energySettled ?? true;
    const seen = charges.get(key);
    if (seen) {
      seen.listMinorExact += listMinor;
      seen.all += aggregate.tokens;
      seen.energyExact += energy;
      seen.energySettled &&= settled;
      continue;
    }
    charges.set(key, {
      resourceClassId: aggregate.resourceClassId,
      resourceClassName: price.name,
      usagePeriod: aggregate.usagePeriod,
      partOfMonth: periodBounds(aggregate.usagePeriod, timeZone).start < input.from,
      tokens: 0,
      minorPerMillionTokens: price.minorPerMillionTokens ?? 0,
      currency: price.currency,
      listMinor: 0,
      listMinorExact: listMinor,
      all: aggregate.tokens,
      energyMilliWh: 0,
      energyExact: energy,
      energySettled: settled,
    });
  }
  return [...charges.values()]
    .map(({ listMinorExact, all, energyExact, ...charge }) => ({
      ...charge,
      tokens: toSafeNumber(all, "quantity"),
      listMinor: toSafeNumber(listMinorExact, "money"),
      energyMilliWh: toSafeNumber(energyExact, "energy"),
    }))
    .sort((a, b) =>
      a.usagePeriod === b.usagePeriod
        ? a.resourceClassName.localeCompare(b.resourceClassName)
        : a.usagePeriod < b.usagePeriod
          ? -1
          : 1,
    );
}
