import { formatEnergy } from "@tessera/core/format-energy";
import {
  countsTokens,
  formatMeteredQuantity,
  type MeteredClass,
  type MeteredKind,
} from "@tessera/core/words";
import { tb } from "@/i18n";
import type { BillingLine } from "./types";

/**
 * "12.4 kWh (measured)", "≈ 350 Wh (estimated)": energy with how it was obtained, every estimate
 * marked "≈"; "(estimated, not yet settled)" when it counts open metering windows
 * (`settled` false: the live draft, and a shared model's tokens' estimate on the usage page).
 */
export function energyWithBasis(milliWh: number, measured: boolean, settled = true): string {
  if (measured && settled) return `${formatEnergy(milliWh)} (${tb.energy.measured})`;
  const basis = settled ? tb.energy.estimated : tb.energy.unsettled;
  return `${tb.energy.approximately(formatEnergy(milliWh))} (${basis})`;
}

/**
 * The energy of an invoice line or a usage figure. A shared model's tokens carry the estimate
 * made from its endpoints' average energy per 1,000 tokens, shown as such ("≈ 380 Wh (estimated
 * from the shared model's average)"), and never as "0 Wh" when no estimate could be made. On the
 * live draft and the usage page, a figure that counts open windows (own or the shared
 * endpoints') says it is not yet settled, as the gateway usage page does, in the same words.
 */
export function usageEnergy(
  figure: {
    energyMilliWh: number;
    energyMeasured: boolean;
    tokens: number;
    energySettled?: boolean;
  },
  kind: MeteredKind,
): string {
  const settled = figure.energySettled ?? true;
  if (!countsTokens(kind))
    return energyWithBasis(figure.energyMilliWh, figure.energyMeasured, settled);
  if (figure.energyMilliWh === 0 && figure.tokens !== 0) return tb.energy.sharedNotMetered;
  const energy = formatEnergy(figure.energyMilliWh);
  return settled ? tb.energy.sharedAverage(energy) : tb.energy.sharedAverageUnsettled(energy);
}

/**
 * What a usage figure measures for its class: unit-seconds of compute, or the tokens a shared
 * model's tier counts — the figure a bar is drawn from and the words beside it ("12.5 GPU-hours",
 * "1.5 million tokens"), exact as the invoice prices it (unit-hours to the thousandth), so the usage
 * page and the invoice read the same figure, and a little usage never reads as 0.
 */
export function usageQuantity(
  cell: { unitSeconds: number; tokens: number },
  metered: MeteredClass,
): { value: number; text: string } {
  const value = countsTokens(metered.kind) ? cell.tokens : cell.unitSeconds;
  return { value, text: formatMeteredQuantity(value, metered) };
}

/**
 * The positions of lines whose class and month have another line at another price: the class's
 * list price changed within the month (each use is billed at the price in force when it began).
 * Lines of one class and month at one price (two awards' allocation lines) are not among them.
 */
export function repricedLines(
  lines: readonly Pick<
    BillingLine,
    "position" | "resourceClassCode" | "usagePeriod" | "minorPerUnitHour"
  >[],
): Set<number> {
  const pricesOf = new Map<string, Set<number>>();
  const keyOf = (line: (typeof lines)[number]) =>
    `${line.resourceClassCode}\u0000${line.usagePeriod}`;
  for (const line of lines) {
    pricesOf.set(keyOf(line), (pricesOf.get(keyOf(line)) ?? new Set()).add(line.minorPerUnitHour));
  }
  return new Set(
    lines.filter((line) => pricesOf.get(keyOf(line))!.size > 1).map((line) => line.position),
  );
}
