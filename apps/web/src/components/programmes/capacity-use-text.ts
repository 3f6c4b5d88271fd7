import { tp } from "@/i18n";
import { formatNumber } from "./format";

/** A count of a class's units, written out ("1 GPU", "16 GPUs"). */
export const unitCount = (count: number, unit: string) =>
  `${formatNumber(count)} ${unit}${count === 1 ? "" : "s"}`;

/**
 * Units in use of a capacity, as they are: more in use than the capacity (after a drain) is
 * written out and flagged — never clamped, never a negative "free".
 */
export function capacityUseText(
  inUse: number,
  capacity: number,
  unit: string,
): { use: string; over: string | null } {
  const c = tp.catalogue;
  return {
    use: c.useOf(formatNumber(inUse), unitCount(capacity, unit)),
    over: inUse > capacity ? c.overCapacity(unitCount(inUse - capacity, unit)) : null,
  };
}
