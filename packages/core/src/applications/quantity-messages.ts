/**
 * Pure: what is wrong with a requested or granted quantity, in the words both the forms and the
 * server say it — one sentence naming the class, its unit and the limit. Client-safe (no server
 * imports): the application form and the decision panel show these on the field as it is typed,
 * and the API refuses with the same sentence.
 */
import { countsTokens, pricedUnitsName, type MeteredClass } from "../catalogue/metering-unit";
import { formatPricedUnits } from "../quota/format-ledger-quantity";

/** A resource class as its quantity fields name it. */
export interface QuantityClass extends MeteredClass {
  name: string;
}

/** What a quantity field counts in: "GPU-hours", "CPU core-hours", "millions of tokens". */
export function quantityUnits(metered: MeteredClass): string {
  return countsTokens(metered.kind) ? "millions of tokens" : pricedUnitsName(metered);
}

/** The most one line of an application may ask for, in the class's priced units. */
export const MAX_REQUESTED_UNIT_HOURS = 10_000_000;

/** A requested line's quantity: a whole number of the class's unit, from 1 to the most. */
export function requestedQuantityProblem(
  value: number | null,
  resourceClass: QuantityClass,
): string | null {
  if (value === null || !Number.isSafeInteger(value) || value < 1)
    return `Enter a whole number of ${quantityUnits(resourceClass)} for ${resourceClass.name}, at least 1.`;
  if (value > MAX_REQUESTED_UNIT_HOURS)
    return `Request at most ${MAX_REQUESTED_UNIT_HOURS.toLocaleString("en-GB")} ${quantityUnits(resourceClass)} of ${resourceClass.name} on one line.`;
  return null;
}

/** A granted line's quantity: a whole number from 0 up to what was requested. */
export function grantedQuantityProblem(
  value: number | null,
  requested: number,
  resourceClass: QuantityClass,
): string | null {
  if (value === null || !Number.isSafeInteger(value) || value < 0)
    return `Enter a whole number of ${quantityUnits(resourceClass)} to grant for ${resourceClass.name}, from 0 to the ${formatPricedUnits(requested, resourceClass)} requested.`;
  if (value > requested)
    return `You can grant at most ${formatPricedUnits(requested, resourceClass)} of ${resourceClass.name}, what was requested.`;
  return null;
}

/** A line's problem as a list says it: "Line 2: …", as the API says any line's problem. */
export function onLine(index: number, problem: string): string {
  return `Line ${index + 1}: ${problem}`;
}
