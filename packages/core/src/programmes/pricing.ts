import { ledgerUnitsPerPricedUnit, type MeteredKind } from "../catalogue/metering-unit";
import { AppError } from "../errors";
import { divideHalfEven, toSafeNumber } from "./money";

export const BASIS_POINTS = 10_000;

/**
 * A requested or granted line. `unitHours` counts whole priced units of the class — hours of its
 * unit, or millions of tokens for a TOKENS class — and `listPriceMinorPerHour` is the price of
 * one such unit (catalogue/metering-unit.ts), so their product is the list value either way.
 */
export interface PriceLineInput {
  resourceClassId: string;
  unitHours: number;
  listPriceMinorPerHour: number;
}

export interface PricedLine extends PriceLineInput {
  /** unitHours × listPriceMinorPerHour, exact. */
  listValueMinor: number;
  /** What the programme pays: the list value × subsidy rate, rounded half-even once per line. */
  programmeShareMinor: number;
  /** The rest: list value − programme share, so the two shares always add up to the list value. */
  tenantShareMinor: number;
}

export interface PriceTotals {
  listValueMinor: number;
  programmeShareMinor: number;
  tenantShareMinor: number;
}

export interface PricedLines {
  subsidyRateBps: number;
  lines: PricedLine[];
  /** Sums of the lines (no second rounding). */
  totals: PriceTotals;
}

function checkRate(subsidyRateBps: number): void {
  if (!Number.isInteger(subsidyRateBps) || subsidyRateBps < 0 || subsidyRateBps > BASIS_POINTS) {
    throw new AppError(
      "INVALID",
      "A subsidy rate is a whole number of basis points from 0 to 10,000.",
    );
  }
}

function checkPrice(listPriceMinorPerHour: number): void {
  if (!Number.isSafeInteger(listPriceMinorPerHour) || listPriceMinorPerHour < 0) {
    throw new AppError(
      "INVALID",
      "A list price must be a whole number of minor units, zero or more.",
    );
  }
}

/** A list value split: the programme's share rounded half-even once, the organisation the rest. */
function splitListValue(listValue: bigint, subsidyRateBps: number): PriceTotals {
  const programmeShare = divideHalfEven(listValue * BigInt(subsidyRateBps), BigInt(BASIS_POINTS));
  return {
    listValueMinor: toSafeNumber(listValue),
    programmeShareMinor: toSafeNumber(programmeShare),
    tenantShareMinor: toSafeNumber(listValue - programmeShare),
  };
}

/**
 * THE pricing rule, for every priced figure Tessera shows or stores (quotes, awards, allocations,
 * a job's hold, consumption): the list value of a quantity — the class's ledger units (unit-
 * seconds at a per-hour list price, or tokens at a per-million price; `kind` says which, through
 * catalogue/metering-unit.ts) — rounded half-even to a whole minor unit; the programme's share
 * of that list value at the subsidy rate, rounded half-even once; the organisation pays the rest.
 * So the two shares always add up to the list value shown beside them. Whole priced units (whole
 * hours, whole millions of tokens) have an exact list value, so for them only the programme's
 * share is rounded.
 */
export function priceQuantity(
  ledgerUnits: bigint | number,
  listPriceMinorPerHour: number,
  subsidyRateBps: number,
  kind: MeteredKind,
): PriceTotals {
  checkRate(subsidyRateBps);
  const units = BigInt(ledgerUnits);
  if (units < 0n) {
    throw new AppError("INVALID", "A quantity of compute must be zero or more.");
  }
  checkPrice(listPriceMinorPerHour);
  const listValue = divideHalfEven(
    units * BigInt(listPriceMinorPerHour),
    BigInt(ledgerUnitsPerPricedUnit(kind)),
  );
  return splitListValue(listValue, subsidyRateBps);
}

/** A rate is carried in 10^-3 of a minor unit: thousandths of a cent for the euro. */
export const RATE_SUB_MINOR_DIGITS = 3;
const PRICED_UNITS_PER_RATE = 10 ** RATE_SUB_MINOR_DIGITS;

/** What one priced unit (an hour, a million tokens) of something is worth, in thousandths of a minor unit. */
export interface RateTotals {
  listMilliMinor: number;
  programmeShareMilliMinor: number;
  tenantShareMilliMinor: number;
}

/**
 * THE pricing rule as a rate: what `units` of a class are worth for one priced unit each (an hour
 * of each, or a million tokens), in thousandths of a minor unit — priced by {@link priceQuantity}
 * over a thousand priced units, so the rate shown times the hours gives the invoice's amount to
 * within a minor unit (€1.19 split half is €0.595 an hour for each side, not €0.60 and €0.59).
 */
export function rateOf(
  units: number,
  listPriceMinorPerHour: number,
  subsidyRateBps: number,
  kind: MeteredKind,
): RateTotals {
  const priced = priceQuantity(
    BigInt(units) * BigInt(ledgerUnitsPerPricedUnit(kind)) * BigInt(PRICED_UNITS_PER_RATE),
    listPriceMinorPerHour,
    subsidyRateBps,
    kind,
  );
  return {
    listMilliMinor: priced.listValueMinor,
    programmeShareMilliMinor: priced.programmeShareMinor,
    tenantShareMilliMinor: priced.tenantShareMinor,
  };
}

/** Whole priced units at their price: exact for every kind, so no kind is needed. */
function pricePricedUnits(
  pricedUnits: number,
  listPriceMinorPerHour: number,
  subsidyRateBps: number,
): PriceTotals {
  checkHours(pricedUnits);
  checkPrice(listPriceMinorPerHour);
  return splitListValue(BigInt(pricedUnits) * BigInt(listPriceMinorPerHour), subsidyRateBps);
}

function checkHours(unitHours: number): void {
  if (!Number.isSafeInteger(unitHours) || unitHours < 0) {
    throw new AppError(
      "INVALID",
      "A requested quantity must be a whole number of hours (or of millions of tokens), zero or more.",
    );
  }
}

function addTotals(into: PriceTotals, add: PriceTotals): void {
  into.listValueMinor += add.listValueMinor;
  into.programmeShareMinor += add.programmeShareMinor;
  into.tenantShareMinor += add.tenantShareMinor;
}

function zeroTotals(): PriceTotals {
  return { listValueMinor: 0, programmeShareMinor: 0, tenantShareMinor: 0 };
}

function checkedTotals(totals: PriceTotals): PriceTotals {
  for (const value of [totals.listValueMinor, totals.programmeShareMinor, totals.tenantShareMinor])
    toSafeNumber(BigInt(value));
  return totals;
}

/**
 * Pure: prices requested or granted lines for a programme by {@link priceQuantity}, one line at a
 * time; totals are plain sums of the lines (no second rounding).
 */
export function priceLines(lines: readonly PriceLineInput[], subsidyRateBps: number): PricedLines {
  checkRate(subsidyRateBps);
  const totals = zeroTotals();
  const priced = lines.map((line) => {
    const price = pricePricedUnits(line.unitHours, line.listPriceMinorPerHour, subsidyRateBps);
    addTotals(totals, price);
    return { ...line, ...price };
  });
  return { subsidyRateBps, lines: priced, totals: checkedTotals(totals) };
}

/** Hours of one class with what they are worth. */
export interface PricedHours extends PriceTotals {
  unitHours: number;
}

export interface AwardLineInput {
  resourceClassId: string;
  requestedUnitHours: number;
  /** Null until decided (and for a class granted nothing before grants were recorded). */
  grantedUnitHours: number | null;
  listPriceMinorPerHour: number;
}

export interface AwardLine {
  resourceClassId: string;
  listPriceMinorPerHour: number;
  requested: PricedHours;
  /** Null while nothing is granted. */
  granted: PricedHours | null;
}

/** An application's or allocation's money, requested and granted side by side. */
export interface AwardPricing {
  subsidyRateBps: number;
  lines: AwardLine[];
  requested: PriceTotals;
  /** Null while nothing is granted. */
  granted: PriceTotals | null;
}

/**
 * Pure: what was requested and what was granted, each with its list value, the programme's share
 * and the organisation's share, line by line and in total — by {@link priceQuantity}. `granted`
 * says whether a grant exists (an approved application, an allocation); a line without granted
 * hours then counts as zero granted.
 */
export function priceAward(
  lines: readonly AwardLineInput[],
  subsidyRateBps: number,
  granted: boolean,
): AwardPricing {
  checkRate(subsidyRateBps);
  const requestedTotals = zeroTotals();
  const grantedTotals = zeroTotals();
  const hoursPrice = (unitHours: number, listPriceMinorPerHour: number): PricedHours => ({
    unitHours,
    ...pricePricedUnits(unitHours, listPriceMinorPerHour, subsidyRateBps),
  });
  const priced = lines.map((line) => {
    const requested = hoursPrice(line.requestedUnitHours, line.listPriceMinorPerHour);
    addTotals(requestedTotals, requested);
    let grantedPrice: PricedHours | null = null;
    if (granted) {
      grantedPrice = hoursPrice(line.grantedUnitHours ?? 0, line.listPriceMinorPerHour);
      addTotals(grantedTotals, grantedPrice);
    }
    return {
      resourceClassId: line.resourceClassId,
      listPriceMinorPerHour: line.listPriceMinorPerHour,
      requested,
      granted: grantedPrice,
    };
  });
  return {
    subsidyRateBps,
    lines: priced,
    requested: checkedTotals(requestedTotals),
    granted: granted ? checkedTotals(grantedTotals) : null,
  };
}

/**
 * Pure: the programme's share of metered consumption (the class's ledger units at its price), by
 * {@link priceQuantity}. Used for burn-down estimates.
 */
export function programmeShareOfUsage(
  ledgerUnits: bigint,
  listPriceMinorPerHour: number,
  subsidyRateBps: number,
  kind: MeteredKind,
): bigint {
  return BigInt(
    priceQuantity(ledgerUnits, listPriceMinorPerHour, subsidyRateBps, kind).programmeShareMinor,
  );
}
