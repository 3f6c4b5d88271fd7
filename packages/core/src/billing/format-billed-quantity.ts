import { countsTokens, pricedUnitsName, type MeteredClass } from "../catalogue/metering-unit";
import { formatTokens } from "../quota/format-ledger-quantity";
import {
  exactFigure,
  formatUnitHours,
  unitHoursFigure,
  unitHoursOf,
} from "../quota/format-unit-hours";

export { exactFigure, unitHoursOf };

/**
 * A billed line's compute quantity, exact as it was priced (unit-hours to the thousandth, by the
 * rule of every page: unitHoursFigure) and its unit written out: "12 GPU-hours", "3.029 GPU-hours",
 * "0.260 CPU core-hours", "1 GPU-hour".
 */
export function formatBilledUnitHours(unitHours: string, metered: MeteredClass): string {
  const figure = unitHoursFigure(unitHours);
  return figure === "1" ? `1 ${metered.unit}-hour` : `${figure} ${pricedUnitsName(metered)}`;
}

/**
 * Metered unit-seconds as an invoice line prices them: unit-hours exact to the thousandth, rounded
 * half up once from whole unit-seconds (unitHoursOf), so that the usage page, the dashboard and
 * the allocations read a quantity exactly as the invoice and its CSV do ("3.018 GPU-hours", never
 * "3.02" beside it). A non-zero amount below half a thousandth reads "less than 0.001 GPU-hours";
 * a ledger below zero reads as nothing.
 */
export function formatMeteredUnitHours(
  unitSeconds: number | bigint,
  metered: MeteredClass,
): string {
  return formatUnitHours(unitSeconds, metered.unit);
}

/** Ledger units of a class as metered and billed: compute as formatMeteredUnitHours, tokens exactly. */
export function formatMeteredQuantity(amount: number | bigint, metered: MeteredClass): string {
  return countsTokens(metered.kind)
    ? formatTokens(amount)
    : formatMeteredUnitHours(amount, metered);
}

/**
 * Accruing time of several lines as one quantity per unit, in the order the units first appear:
 * lines of one class at two price versions (or of two classes counted in one unit) are summed in
 * unit-seconds, then rounded once to the thousandth as a line is (unitHoursOf) — "0.874 GPU-hours",
 * "1.712 CPU core-hours", never "0.015 GPU-hours and 0.859 GPU-hours". Lines with none are left
 * out.
 */
export function accruingQuantitiesByUnit(
  lines: readonly {
    accruingUnitSeconds: number;
    resourceKind: MeteredClass["kind"];
    unit: string;
  }[],
): string[] {
  const byUnit = new Map<string, { metered: MeteredClass; unitSeconds: bigint }>();
  for (const line of lines) {
    if (line.accruingUnitSeconds <= 0) continue;
    const metered = { kind: line.resourceKind, unit: line.unit };
    const key = pricedUnitsName(metered);
    const seen = byUnit.get(key);
    const unitSeconds = BigInt(line.accruingUnitSeconds);
    byUnit.set(key, { metered, unitSeconds: (seen?.unitSeconds ?? 0n) + unitSeconds });
  }
  return [...byUnit.values()].map(({ metered, unitSeconds }) =>
    formatBilledUnitHours(unitHoursOf(unitSeconds), metered),
  );
}
