import { formatEnergy } from "@tessera/core/format-energy";
import { countsTokens, formatTokens, type MeteredClass } from "@tessera/core/words";
import { formatUnitHours, unitSecondsToHours } from "@/components/programmes/format";
import { tb } from "@/i18n";

/** "12.4 kWh (estimated)": energy with how it was obtained. */
export function energyWithBasis(milliWh: number, measured: boolean): string {
  return `${formatEnergy(milliWh)} (${measured ? tb.energy.measured : tb.energy.estimated})`;
}

/**
 * What a usage figure measures for its class: unit-seconds of compute, or the tokens a shared
 * model's tier counts — the figure a bar is drawn from and the words beside it ("12.5 GPU-hours",
 * "1.5 million tokens").
 */
export function usageQuantity(
  cell: { unitSeconds: number; tokens: number },
  metered: MeteredClass,
): { value: number; text: string } {
  if (countsTokens(metered.kind)) return { value: cell.tokens, text: formatTokens(cell.tokens) };
  return {
    value: cell.unitSeconds,
    text: formatUnitHours(unitSecondsToHours(cell.unitSeconds), metered.unit),
  };
}
