import { AppError } from "../errors";
import { divideHalfEven, toSafeNumber } from "./money";

export const BASIS_POINTS = 10_000;
export const SECONDS_PER_HOUR = 3_600;

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

/**
 * Pure: prices requested or granted lines for a programme. Money is integer minor units; the only
 * rounding is the programme share of each line (half-even); the tenant pays the remainder of that
 * line, and totals are plain sums of the lines.
 */
export function priceLines(lines: readonly PriceLineInput[], subsidyRateBps: number): PricedLines {
  checkRate(subsidyRateBps);
  const rate = BigInt(subsidyRateBps);
  const totals = { listValueMinor: 0n, programmeShareMinor: 0n, tenantShareMinor: 0n };
  const priced = lines.map((line) => {
    if (!Number.isSafeInteger(line.unitHours) || line.unitHours < 0) {
      throw new AppError(
        "INVALID",
        "Requested hours must be a whole number of hours, zero or more.",
      );
    }
    if (!Number.isSafeInteger(line.listPriceMinorPerHour) || line.listPriceMinorPerHour < 0) {
      throw new AppError(
        "INVALID",
        "A list price must be a whole number of minor units, zero or more.",
      );
    }
    const listValue = BigInt(line.unitHours) * BigInt(line.listPriceMinorPerHour);
    const programmeShare = divideHalfEven(listValue * rate, BigInt(BASIS_POINTS));
    const tenantShare = listValue - programmeShare;
    totals.listValueMinor += listValue;
    totals.programmeShareMinor += programmeShare;
    totals.tenantShareMinor += tenantShare;
    return {
      ...line,
      listValueMinor: toSafeNumber(listValue),
      programmeShareMinor: toSafeNumber(programmeShare),
      tenantShareMinor: toSafeNumber(tenantShare),
    };
  });
  return {
    subsidyRateBps,
    lines: priced,
    totals: {
      listValueMinor: toSafeNumber(totals.listValueMinor),
      programmeShareMinor: toSafeNumber(totals.programmeShareMinor),
      tenantShareMinor: toSafeNumber(totals.tenantShareMinor),
    },
  };
}

/**
 * Pure: the programme's share of metered consumption (unit-seconds at a per-hour price), rounded
 * half-even once. Used for burn-down estimates; invoices round per invoice line.
 */
export function programmeShareOfUsage(
  unitSeconds: bigint,
  listPriceMinorPerHour: number,
  subsidyRateBps: number,
): bigint {
  checkRate(subsidyRateBps);
  return divideHalfEven(
    unitSeconds * BigInt(listPriceMinorPerHour) * BigInt(subsidyRateBps),
    BigInt(SECONDS_PER_HOUR * BASIS_POINTS),
  );
}
