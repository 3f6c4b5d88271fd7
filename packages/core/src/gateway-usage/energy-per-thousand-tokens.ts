import { toSafeNumber } from "../programmes/money";

/**
 * Energy per 1,000 tokens in whole milliwatt-hours: `energyMilliWh × 1000 / tokens`, rounded half
 * up once, in integers (no float on the way). Null when there is nothing to divide — no energy
 * metered or no tokens served — so that "not metered" is never shown as 0.
 */
export function energyPerThousandTokens(energyMilliWh: bigint, tokens: bigint): number | null {
  if (energyMilliWh <= 0n || tokens <= 0n) return null;
  return toSafeNumber((energyMilliWh * 2000n + tokens) / (tokens * 2n), "energy");
}
