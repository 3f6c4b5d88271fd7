import { serverEnv } from "@tessera/config";
import { formatMoney } from "../programmes/money";
import { dayToDate, STATE_AID_CURRENCY } from "./undertaking";

/** The de minimis ceiling per undertaking over three rolling years, in euro cents (configurable). */
export function deMinimisCeilingMinor(): bigint {
  return BigInt(serverEnv().DE_MINIMIS_CEILING_MINOR);
}

/**
 * Pure: "5 December 2026 (Brussels time)" for the day "2026-12-05" — state-aid days are calendar
 * days in Brussels (STATE_AID_TIME_ZONE), and every message that names one says so.
 */
export function formatDay(day: string): string {
  const date = dayToDate(day).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return `${date} (Brussels time)`;
}

export interface CeilingFigures {
  /** Aid already received in the window: booked awards and declared other aid. */
  receivedMinor: bigint;
  /** This award's gross grant equivalent. */
  awardMinor: bigint;
  ceilingMinor: bigint;
  /** The award date, "YYYY-MM-DD". */
  day: string;
}

const euros = (minor: bigint) => formatMoney(minor, STATE_AID_CURRENCY);

/** Pure: whether an award keeps the undertaking within the ceiling (reaching it exactly is allowed). */
export function withinCeiling(figures: Omit<CeilingFigures, "day">): boolean {
  return figures.receivedMinor + figures.awardMinor <= figures.ceilingMinor;
}

/**
 * Pure: why an award is refused, with the figures: "€290,000.00 already received in the three
 * years to 5 December 2026 + €20,000.00 for this award = €310,000.00, above the €300,000.00 de
 * minimis ceiling." — then what is left, so the administrator knows how much could be granted.
 */
export function ceilingRefusal(undertaking: string, figures: CeilingFigures): string {
  const total = figures.receivedMinor + figures.awardMinor;
  const left = figures.ceilingMinor - figures.receivedMinor;
  return [
    `${euros(figures.receivedMinor)} already received in the three years to ${formatDay(figures.day)} + ${euros(figures.awardMinor)} for this award = ${euros(total)}, above the ${euros(figures.ceilingMinor)} de minimis ceiling.`,
    left > 0n
      ? `${undertaking} can receive at most ${euros(left)} more as the programme's share: grant less, or reject the application.`
      : `${undertaking} has no de minimis aid left in this period: reject the application.`,
  ].join(" ");
}
