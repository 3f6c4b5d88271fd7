import { Prisma, type Database } from "@tessera/db";
import { energyPerThousandTokens } from "./energy-per-thousand-tokens";

/** A shared model's energy intensity: the only figure that leaves this file. */
export interface SharedEndpointEnergy {
  /** mWh per 1,000 tokens, rounded half up; null when its endpoints reported no energy. */
  energyPerThousandTokensMilliWh: number | null;
  /** True when every sampler record behind the figure had measured, not estimated, energy. */
  energyMeasured: boolean;
}

/**
 * The energy per 1,000 tokens of the platform's shared endpoints of each model, since `from`: the
 * energy their replicas were metered with (sampler records, in the organisation that runs them)
 * divided by every token they served in the same days, whoever called.
 *
 * This is the one place the gateway usage page reads across organisations, and it is safe because
 * of what it returns: one ratio (and whether it was measured) per shared model, never a token
 * count, an energy total, a key, a caller or an organisation's name. A caller learns the
 * platform's average intensity, which is the platform's figure, not another tenant's data. It
 * must take `database`, the unscoped client, because the sampler records belong to the platform
 * organisation and the tokens to every caller; tenancy stays enforced for everything else on the
 * page (summariseGatewayUsage reads the caller's rows by its organisation only).
 */
export async function averageSharedEndpointEnergy(
  database: Database,
  input: { models: string[]; from: Date },
): Promise<Map<string, SharedEndpointEnergy>> {
  const averages = new Map<string, SharedEndpointEnergy>();
  if (input.models.length === 0) return averages;
  const rows = await database.$queryRaw<
    {
      model: string;
      energyMilliWh: bigint | null;
      energyMeasured: boolean | null;
      tokens: bigint | null;
    }[]
  >(Prisma.sql`
    WITH endpoints AS (
      SELECT e."workloadId", e."organizationId", m.name AS model
        FROM "Endpoint" e JOIN "Model" m ON m.id = e."modelId"
       WHERE e.shared AND m.name = ANY(${input.models}::text[])
    ), energy AS (
      SELECT ep.model, sum(r."energyMilliWh")::bigint AS "energyMilliWh",
             bool_and(r."energyBasis" = 'MEASURED') AS "energyMeasured"
        FROM endpoints ep
        JOIN "UsageRecord" r
          ON r."workloadId" = ep."workloadId" AND r."organizationId" = ep."organizationId"
       WHERE r.source = 'K8S_SAMPLER' AND r."intervalStart" >= ${input.from}
       GROUP BY 1
    ), served AS (
      -- A call to a shared endpoint is recorded in the caller's organisation with no workload
      -- (the endpoint is not the caller's); one naming the endpoint was its own organisation's.
      SELECT s.model, s."tokensIn" + s."tokensOut" AS tokens
        FROM "UsageRecord" s
       WHERE s.source = 'GATEWAY_TOKENS' AND s."workloadId" IS NULL
         AND s.model = ANY(${input.models}::text[]) AND s."intervalStart" >= ${input.from}
      UNION ALL
      SELECT ep.model, s."tokensIn" + s."tokensOut"
        FROM endpoints ep JOIN "UsageRecord" s ON s."workloadId" = ep."workloadId"
       WHERE s.source = 'GATEWAY_TOKENS' AND s."intervalStart" >= ${input.from}
    ), tokens AS (
      SELECT model, sum(tokens)::bigint AS tokens FROM served GROUP BY 1
    )
    SELECT model, e."energyMilliWh", e."energyMeasured", t.tokens
      FROM energy e FULL JOIN tokens t USING (model)`);
  for (const row of rows) {
    const energyPerThousand = energyPerThousandTokens(row.energyMilliWh ?? 0n, row.tokens ?? 0n);
    averages.set(row.model, {
      energyPerThousandTokensMilliWh: energyPerThousand,
      energyMeasured: energyPerThousand !== null && row.energyMeasured === true,
    });
  }
  return averages;
}
