/** The steps a chart's top may take within each power of ten: 1, 2, 2.5, 5, 10 × 10ⁿ. */
const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** The smallest "round" amount (1, 2, 2.5 or 5 × 10ⁿ minor units) at or above `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = NICE_STEPS.find((s) => s * power >= value) ?? 10;
  return step * power;
}

/** A reference drawn as a line only when it fits the scale consumption sets. */
const FITS_WITHIN = 2;

/**
 * Pure: how tall the burn-down is drawn. Consumption (what ran and the projection at the recent
 * rate) sets the scale, so that a small consumption is not a flat line under a budget many times
 * larger; the awarded amount and the budget are drawn when they are within twice the consumption,
 * and otherwise named beside the chart as above its scale. With nothing consumed, the awarded
 * amount (or, before any award, the budget) sets it.
 */
export function burnDownScale(input: {
  consumedMinor: readonly number[];
  projectedMinor: readonly number[];
  awardedMinor: number;
  budgetMinor: number;
}): { peak: number; drawAwarded: boolean; drawBudget: boolean } {
  const consumption = Math.max(0, ...input.consumedMinor, ...input.projectedMinor);
  const references = [input.awardedMinor, input.budgetMinor].filter((value) => value > 0);
  const base =
    consumption > 0
      ? Math.max(consumption, ...references.filter((value) => value <= FITS_WITHIN * consumption))
      : (references[0] ?? 0);
  const peak = niceCeiling(base) || 1;
  return {
    peak,
    drawAwarded: input.awardedMinor <= peak,
    drawBudget: input.budgetMinor <= peak,
  };
}

/** The chart's gridlines, as fractions of its height from the bottom: its axis is labelled at each. */
export const AXIS_FRACTIONS = [1, 0.75, 0.5, 0.25, 0] as const;

/** Pure: the amounts at the labelled gridlines, top first (the peak, three quarters, … zero). */
export function axisValues(peak: number): number[] {
  return AXIS_FRACTIONS.map((fraction) => Math.round(peak * fraction));
}

/** An amount on an axis, without a fraction that is all zeros: "€2,000,000", but "€0.25". */
export function axisMoney(formatted: string): string {
  return formatted.replace(/\.0+(?=\D*$)/, "");
}

/**
 * Pure: the burn-down's two panels. The first is scaled to the largest of the budget, the
 * awarded amount and consumption (with its projection), so every line is in view against the
 * budget. When consumption is too small to read on that scale, a second panel shows it close up
 * on its own scale (burnDownScale); null when the first panel already shows it at that scale.
 */
export function burnDownPanels(input: {
  consumedMinor: readonly number[];
  projectedMinor: readonly number[];
  awardedMinor: number;
  budgetMinor: number;
}): { overviewPeak: number; closeUp: ReturnType<typeof burnDownScale> | null } {
  const overviewPeak =
    niceCeiling(
      Math.max(
        0,
        input.budgetMinor,
        input.awardedMinor,
        ...input.consumedMinor,
        ...input.projectedMinor,
      ),
    ) || 1;
  const closeUp = burnDownScale(input);
  return { overviewPeak, closeUp: closeUp.peak < overviewPeak ? closeUp : null };
}
