import { divideHalfEven } from "../programmes/money";
import { SECONDS_PER_UNIT_HOUR, TOKENS_PER_PRICED_UNIT } from "../catalogue/metering-unit";
import { BASIS_POINTS } from "../programmes/pricing";

/**
 * Rating: usage is summed first — per organisation, resource class, price version, allocation
 * line and usage month (UsageAggregate, one SQL GROUP BY) — and then priced once per line.
 *
 * THE ROUNDING RULE (the only one): an amount that is not a whole number of minor units is
 * rounded half to even (divideHalfEven), exactly once per line — the line's list amount from its
 * unit-seconds and tokens, and the programme's share from that list amount. The tenant's share is
 * list − programme, so the two add up to the list amount exactly; invoice totals are sums of
 * lines; VAT is rounded once per invoice on the tenant's net total.
 */
export interface UsageAggregate {
  resourceClassId: string;
  priceVersionId: string;
  /** Null when the usage draws on no allocation (the tenant pays all of it). */
  allocationLineId: string | null;
  /** "YYYY-MM" in the organisation's billing time zone. */
  usagePeriod: string;
  unitSeconds: bigint;
  tokens: bigint;
  energyMilliWh: bigint;
  /** True when every record of the line had measured energy. */
  energyMeasured: boolean;
}

export interface PriceVersionTerms {
  minorPerUnitHour: number;
  minorPerMillionTokens: number | null;
}

export interface AllocationTerms {
  allocationId: string;
  subsidyRateBps: number;
  /** The award's subsidy not yet drawn by finalised invoices (never below zero). */
  subsidyLeftMinor: bigint;
}

export interface RatedLine extends UsageAggregate {
  allocationId: string | null;
  minorPerUnitHour: number;
  listMinor: bigint;
  programmeMinor: bigint;
  tenantMinor: bigint;
}

const TOKENS_PER_PRICE_UNIT = BigInt(TOKENS_PER_PRICED_UNIT);
const HOUR = BigInt(SECONDS_PER_UNIT_HOUR);

/**
 * The list value of usage before rounding, in minor units × hours × a million (exact): what
 * listAmountOf rounds, and the weight a rated amount is shared out by.
 */
export function listValueNumerator(
  usage: { unitSeconds: bigint; tokens: bigint },
  price: PriceVersionTerms,
): bigint {
  return (
    usage.unitSeconds * BigInt(price.minorPerUnitHour) * TOKENS_PER_PRICE_UNIT +
    usage.tokens * BigInt(price.minorPerMillionTokens ?? 0) * HOUR
  );
}

/** The list amount of a line: unit-seconds × price per unit-hour + tokens × price per million, rounded once. */
export function listAmountOf(
  usage: { unitSeconds: bigint; tokens: bigint },
  price: PriceVersionTerms,
): bigint {
  return divideHalfEven(listValueNumerator(usage, price), HOUR * TOKENS_PER_PRICE_UNIT);
}

/**
 * The programme's share of a list amount: the subsidy rate, rounded once, capped by what is left
 * of the award's subsidy. The tenant pays the rest.
 */
export function splitShares(
  listMinor: bigint,
  subsidyRateBps: number,
  subsidyLeftMinor: bigint,
): { programmeMinor: bigint; tenantMinor: bigint } {
  const atRate = divideHalfEven(listMinor * BigInt(subsidyRateBps), BigInt(BASIS_POINTS));
  const left = subsidyLeftMinor > 0n ? subsidyLeftMinor : 0n;
  const programmeMinor = atRate < left ? atRate : left;
  return { programmeMinor, tenantMinor: listMinor - programmeMinor };
}

/** What lines are ordered by: usage month, then class, allocation line and price version. */
const orderKey = (x: UsageAggregate) =>
  [x.usagePeriod, x.resourceClassId, x.allocationLineId ?? "", x.priceVersionId].join("\u0000");

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A stable order for lines: usage month, then class, allocation line and price version. */
export function compareAggregates(a: UsageAggregate, b: UsageAggregate): number {
  return byKey(orderKey(a), orderKey(b));
}

/** The aggregates in compareAggregates' order, each one's key made once. */
function inLineOrder<T extends UsageAggregate>(aggregates: readonly T[]): T[] {
  return aggregates
    .map((aggregate) => ({ aggregate, key: orderKey(aggregate) }))
    .sort((a, b) => byKey(a.key, b.key))
    .map(({ aggregate }) => aggregate);
}

/**
 * What one piece of usage comes to, priced on its own by THE ROUNDING RULE: its list amount
 * (listAmountOf), then the programme's share of it (splitShares) drawn from `subsidyLeft`, the
 * ledger of what each award has left (an award not in it has its terms' subsidyLeftMinor), which
 * it updates.
 */
export function rateAmounts(
  usage: Pick<UsageAggregate, "priceVersionId" | "allocationLineId" | "unitSeconds" | "tokens">,
  prices: ReadonlyMap<string, PriceVersionTerms>,
  allocationOfLine: ReadonlyMap<string, AllocationTerms>,
  subsidyLeft: Map<string, bigint>,
): {
  price: PriceVersionTerms;
  listMinor: bigint;
  allocationId: string | null;
  programmeMinor: bigint;
  tenantMinor: bigint;
} {
  const price = prices.get(usage.priceVersionId);
  if (!price) throw new Error(`No price version ${usage.priceVersionId}`);
  const listMinor = listAmountOf(usage, price);
  const terms = usage.allocationLineId ? allocationOfLine.get(usage.allocationLineId) : undefined;
  if (!terms) {
    return { price, listMinor, allocationId: null, programmeMinor: 0n, tenantMinor: listMinor };
  }
  const left = subsidyLeft.get(terms.allocationId) ?? terms.subsidyLeftMinor;
  const shares = splitShares(listMinor, terms.subsidyRateBps, left);
  subsidyLeft.set(terms.allocationId, left - shares.programmeMinor);
  return { price, listMinor, allocationId: terms.allocationId, ...shares };
}

/**
 * Prices aggregated usage: one line per aggregate, in a stable order; each allocation's subsidy
 * is drawn down line by line, so the programme never pays more than the award has left.
 * `subsidyLeft` is the ledger of what each award has left once lines drew on it (an award not in
 * it has its terms' subsidyLeftMinor): pass one ledger to every invoice rated together, so that
 * invoices of one run drawing on the same award share what it has left.
 */
export function rateUsage(
  aggregates: readonly UsageAggregate[],
  prices: ReadonlyMap<string, PriceVersionTerms>,
  allocationOfLine: ReadonlyMap<string, AllocationTerms>,
  subsidyLeft: Map<string, bigint> = new Map(),
): RatedLine[] {
  return inLineOrder(aggregates).map((aggregate) => {
    const { price, listMinor, ...split } = rateAmounts(
      aggregate,
      prices,
      allocationOfLine,
      subsidyLeft,
    );
    return ratedLine(aggregate, price, listMinor, split);
  });
}

/**
 * A rated line, its fields named one by one: a run rates tens of thousands of lines, and copying
 * the aggregate field by field is many times faster than spreading it into a new object.
 */
function ratedLine(
  aggregate: UsageAggregate,
  price: PriceVersionTerms,
  listMinor: bigint,
  split: { allocationId: string | null; programmeMinor: bigint; tenantMinor: bigint },
): RatedLine {
  return {
    resourceClassId: aggregate.resourceClassId,
    priceVersionId: aggregate.priceVersionId,
    allocationLineId: aggregate.allocationLineId,
    usagePeriod: aggregate.usagePeriod,
    unitSeconds: aggregate.unitSeconds,
    tokens: aggregate.tokens,
    energyMilliWh: aggregate.energyMilliWh,
    energyMeasured: aggregate.energyMeasured,
    allocationId: split.allocationId,
    minorPerUnitHour: price.minorPerUnitHour,
    listMinor,
    programmeMinor: split.programmeMinor,
    tenantMinor: split.tenantMinor,
  };
}

export interface LineTotals {
  listMinor: bigint;
  programmeMinor: bigint;
  tenantNetMinor: bigint;
  energyMilliWh: bigint;
}

/** Invoice totals: the sums of the lines, nothing else. */
export function totalsOf(
  lines: readonly {
    listMinor: bigint;
    programmeMinor: bigint;
    tenantMinor: bigint;
    energyMilliWh: bigint;
  }[],
): LineTotals {
  return lines.reduce<LineTotals>(
    (sum, line) => ({
      listMinor: sum.listMinor + line.listMinor,
      programmeMinor: sum.programmeMinor + line.programmeMinor,
      tenantNetMinor: sum.tenantNetMinor + line.tenantMinor,
      energyMilliWh: sum.energyMilliWh + line.energyMilliWh,
    }),
    { listMinor: 0n, programmeMinor: 0n, tenantNetMinor: 0n, energyMilliWh: 0n },
  );
}
