import { parseWholeNumber } from "@/components/programmes/format";
import { te } from "@/i18n";

/** What the deploy form's price box is worked out from, as typed. */
export interface PriceInputs {
  units: string;
  min: string;
  max: string;
  start: string;
}

/**
 * Pure: the units and starting replicas the deploy form's price box may price, or what to fix
 * first — the same bounds the form checks on deploy and the server enforces, so the box never
 * shows a figure for replicas that would be refused (empty, 0, negative, fractional, a minimum
 * above the maximum, a start outside them).
 */
export function priceInputs(
  typed: PriceInputs,
  limits: { maxReplicas: number; maxUnitsPerReplica: number },
  unit: string,
): { units: number; replicas: number } | { problem: string } {
  const p = te.form.priceFix;
  const units = parseWholeNumber(typed.units);
  const min = parseWholeNumber(typed.min);
  const max = parseWholeNumber(typed.max);
  const start = parseWholeNumber(typed.start);
  if (units === null || units < 1 || units > limits.maxUnitsPerReplica)
    return { problem: p.units(unit, limits.maxUnitsPerReplica) };
  if (min === null) return { problem: p.min };
  if (max === null || max < 1 || max > limits.maxReplicas)
    return { problem: p.max(limits.maxReplicas) };
  if (min > max) return { problem: p.minAboveMax(min, max) };
  if (start === null || start < Math.max(min, 1) || start > max)
    return { problem: p.start(Math.max(min, 1), max) };
  return { units, replicas: start };
}
