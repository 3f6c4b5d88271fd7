/** Multipliers of Kubernetes' quantity suffixes (binary, decimal and the milli of CPU). */
const SUFFIXES: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Pure: a quantity ("500m", "256Gi", "4", "1e3") as a number; NaN for what is not one. */
export function quantityValue(quantity: string): number {
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return Number.NaN;
  const multiplier = match[2] === "" ? 1 : SUFFIXES[match[2]!];
  return multiplier === undefined ? Number.NaN : Number(match[1]) * multiplier;
}

/**
 * Pure: whether `enforced` (a quota's status.hard) allows at least `wanted` in every resource
 * `wanted` names. Compared with a tolerance far below one milli-unit or one byte in a pebibyte.
 */
export function quotaCovers(
  enforced: Record<string, string> | undefined,
  wanted: Record<string, string> | undefined,
): boolean {
  return Object.entries(wanted ?? {}).every(([name, quantity]) => {
    const have = enforced?.[name];
    if (have === undefined) return false;
    const need = quantityValue(quantity);
    return quantityValue(have) >= need - Math.abs(need) * 1e-12;
  });
}
