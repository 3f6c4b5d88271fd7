import type { ResourceKind } from "@tessera/db";
import { countsTokens } from "../catalogue/metering-unit";
import {
  averageSharedTierEnergy,
  type SharedEndpointEnergy,
} from "../gateway-usage/average-shared-endpoint-energy";
import { lineKeyOf } from "./accruing-endpoint-usage";
import { periodBounds } from "./billing-period";
import type { UsageAggregate } from "./rate-usage";
import type { SqlClient } from "./sql-client";

/**
 * Energy of a shared model's tokens. A call to a shared model is metered as tokens only: the
 * energy is on the sampler records of the platform's shared endpoints, which are not the caller's.
 * The caller's share is estimated as its tokens × the tier's energy per 1,000 tokens over the
 * same billing month (averageSharedTierEnergy: the energy of the endpoints' metering windows that
 * served calls of the tier, over every token they served that month, whoever called), so that the
 * shares of all callers add up to what the endpoints used while serving them. The endpoints' idle
 * time, the windows nobody called in, is not shared out to callers: it stays with the platform
 * operator, whose own bill shows every window.
 * A dedicated endpoint's tokens are on its compute class, whose sampler records carry its energy:
 * they are never estimated again.
 */

/** mWh of `tokens` at `perThousandMilliWh` mWh per 1,000 tokens, rounded half up once. */
export function tokenEnergyMilliWh(tokens: bigint, perThousandMilliWh: number): bigint {
  return (tokens * BigInt(perThousandMilliWh) * 2n + 1_000n) / 2_000n;
}

/** A month of a tier whose energy per 1,000 tokens is wanted. */
export interface TierMonth {
  resourceClassId: string;
  /** "YYYY-MM" in `timeZone`. */
  period: string;
  timeZone: string;
}

/**
 * The energy per 1,000 tokens of each tier in each month asked for (null when its endpoints were
 * not metered that month in the windows that served its calls), read once per month and time
 * zone. With `accruingAt`, the endpoints' open windows that have served a call count too, each up
 * to its last call, so the figure does not grow while nobody calls (averageSharedTierEnergy). The
 * one estimate of a shared tier's tokens: Billing's charges so far and its usage page both read it.
 */
export async function sharedTierIntensities(
  client: SqlClient,
  wanted: readonly TierMonth[],
  accruingAt?: Date,
): Promise<(month: TierMonth) => SharedEndpointEnergy | null> {
  const keyOf = (month: Omit<TierMonth, "resourceClassId">) => `${month.period} ${month.timeZone}`;
  const tiersOf = new Map<string, { month: TierMonth; tiers: Set<string> }>();
  for (const month of wanted) {
    const entry = tiersOf.get(keyOf(month)) ?? { month, tiers: new Set<string>() };
    entry.tiers.add(month.resourceClassId);
    tiersOf.set(keyOf(month), entry);
  }
  // One month after the other: the client may be a raw transaction's single connection (the
  // invoice run), which must not be handed a statement while another is running.
  const averages = new Map<string, Awaited<ReturnType<typeof averageSharedTierEnergy>>>();
  for (const [key, { month, tiers }] of tiersOf) {
    const bounds = periodBounds(month.period, month.timeZone);
    averages.set(
      key,
      await averageSharedTierEnergy(client, {
        resourceClassIds: [...tiers],
        from: bounds.start,
        until: bounds.end,
        ...(accruingAt
          ? { accruing: { now: accruingAt, period: month.period, timeZone: month.timeZone } }
          : {}),
      }),
    );
  }
  return (month) => {
    const average = averages.get(keyOf(month))?.get(month.resourceClassId);
    return average?.energyPerThousandTokensMilliWh == null ? null : average;
  };
}

/**
 * Adds to each shared tier's aggregate (a TOKENS class) the estimated energy of its tokens, in
 * place, before the aggregates are rated: the live draft and the invoice run both call it. Its
 * basis stays estimated. The live draft passes `accruingAt` (now): the shared endpoints' open
 * windows then count up to their last call, and the keys (lineKeyOf) of the lines whose
 * figure includes them, not yet settled, are returned. The invoice run counts settled records
 * only, as it does for its own endpoints.
 */
export async function addSharedTokenEnergy(
  client: SqlClient,
  usage: readonly { aggregates: readonly UsageAggregate[]; timeZone: string }[],
  classes: ReadonlyMap<string, { kind: ResourceKind }>,
  accruingAt?: Date,
): Promise<Set<string>> {
  const unsettled = new Set<string>();
  const tiers = usage.flatMap(({ aggregates, timeZone }) =>
    aggregates
      .filter((aggregate) => {
        const kind = classes.get(aggregate.resourceClassId)?.kind;
        return kind !== undefined && countsTokens(kind) && aggregate.tokens > 0n;
      })
      .map((aggregate) => ({ aggregate, timeZone })),
  );
  if (tiers.length === 0) return unsettled;
  const monthOf = ({ aggregate, timeZone }: (typeof tiers)[number]): TierMonth => ({
    resourceClassId: aggregate.resourceClassId,
    period: aggregate.usagePeriod,
    timeZone,
  });
  const intensity = await sharedTierIntensities(client, tiers.map(monthOf), accruingAt);
  for (const tier of tiers) {
    const average = intensity(monthOf(tier));
    if (average?.energyPerThousandTokensMilliWh == null) continue;
    tier.aggregate.energyMilliWh += tokenEnergyMilliWh(
      tier.aggregate.tokens,
      average.energyPerThousandTokensMilliWh,
    );
    tier.aggregate.energyMeasured = false;
    if (!average.energySettled) unsettled.add(lineKeyOf(tier.aggregate));
  }
  return unsettled;
}
