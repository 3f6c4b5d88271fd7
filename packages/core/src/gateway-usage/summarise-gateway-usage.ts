import { Prisma } from "@tessera/db";
import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";

const DAY_MS = 86_400_000;

export interface GatewayUsageCell {
  requests: number;
  tokensIn: number;
  tokensOut: number;
}

export interface GatewayUsage {
  /** The days covered, oldest first ("YYYY-MM-DD", UTC). */
  days: string[];
  byDay: (GatewayUsageCell & { day: string })[];
  byKey: (GatewayUsageCell & { apiKeyId: string; name: string | null; lastAt: Date })[];
  byModel: (GatewayUsageCell & {
    model: string;
    /** Median time to the last byte and to the first token (ms); null without requests. */
    medianLatencyMs: number | null;
    medianTimeToFirstTokenMs: number | null;
    /**
     * Energy per 1,000 tokens (mWh): the energy its endpoints' replicas were metered with over the
     * days shown, divided by the tokens they served; null when nothing was metered yet.
     */
    energyPerThousandTokensMilliWh: number | null;
    /** True when every replica record behind that figure had measured, not estimated, energy. */
    energyMeasured: boolean;
  })[];
}

interface CellRow {
  requests: bigint;
  tokensIn: bigint;
  tokensOut: bigint;
}

function cell(row: CellRow): GatewayUsageCell {
  return {
    requests: toSafeNumber(row.requests, "quantity"),
    tokensIn: toSafeNumber(row.tokensIn, "quantity"),
    tokensOut: toSafeNumber(row.tokensOut, "quantity"),
  };
}

/**
 * What the organisation's calls through the gateway used over the last `days` days (today
 * included, UTC), by day, by key and by model, straight from the usage records — with the
 * energy per 1,000 tokens estimated from what the endpoints that served them were metered with.
 * An optional key or model narrows every table.
 */
export async function summariseGatewayUsage(
  tenant: TenantAccess,
  input: { days: number; apiKeyId?: string | null; model?: string | null; now?: Date },
): Promise<GatewayUsage> {
  const organizationId = tenant.organization.id;
  const now = input.now ?? new Date();
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const from = new Date(today - (input.days - 1) * DAY_MS);
  const days = Array.from({ length: input.days }, (_, index) =>
    new Date(from.getTime() + index * DAY_MS).toISOString().slice(0, 10),
  );
  const narrow = Prisma.sql`
    u."organizationId" = ${organizationId} AND u.source = 'GATEWAY_TOKENS'
    AND u."intervalStart" >= ${from}
    ${input.apiKeyId ? Prisma.sql`AND u."apiKeyId" = ${input.apiKeyId}` : Prisma.empty}
    ${input.model ? Prisma.sql`AND u.model = ${input.model}` : Prisma.empty}`;
  const totals = Prisma.sql`count(*)::bigint AS "requests",
    COALESCE(sum(u."tokensIn"), 0)::bigint AS "tokensIn",
    COALESCE(sum(u."tokensOut"), 0)::bigint AS "tokensOut"`;

  const [byDay, byKey, byModel] = await Promise.all([
    tenant.db.$queryRaw<(CellRow & { day: string })[]>(Prisma.sql`
      SELECT to_char(u."intervalStart", 'YYYY-MM-DD') AS "day", ${totals}
        FROM "UsageRecord" u WHERE ${narrow} GROUP BY 1 ORDER BY 1`),
    tenant.db.$queryRaw<(CellRow & { apiKeyId: string; name: string | null; lastAt: Date })[]>(
      Prisma.sql`
      SELECT u."apiKeyId", k.name, max(u."intervalEnd") AS "lastAt", ${totals}
        FROM "UsageRecord" u
        LEFT JOIN "ApiKey" k ON k.id = u."apiKeyId" AND k."organizationId" = u."organizationId"
       WHERE ${narrow} AND u."apiKeyId" IS NOT NULL
       GROUP BY 1, 2 ORDER BY "requests" DESC, 1`,
    ),
    tenant.db.$queryRaw<
      (CellRow & {
        model: string;
        medianLatencyMs: number | null;
        medianTimeToFirstTokenMs: number | null;
        energyMilliWh: bigint | null;
        endpointTokens: bigint | null;
        energyMeasured: boolean | null;
      })[]
    >(Prisma.sql`
      WITH calls AS (
        SELECT u.model, ${totals},
               percentile_disc(0.5) WITHIN GROUP (ORDER BY u."latencyMs") AS "medianLatencyMs",
               percentile_disc(0.5) WITHIN GROUP (ORDER BY u."timeToFirstTokenMs")
                 AS "medianTimeToFirstTokenMs",
               array_agg(DISTINCT u."workloadId") AS "endpoints"
          FROM "UsageRecord" u WHERE ${narrow} GROUP BY 1
      ), served AS (
        -- Everything the same endpoints served over the days shown, whichever key called.
        SELECT c.model, sum(s."tokensIn" + s."tokensOut")::bigint AS "endpointTokens"
          FROM calls c JOIN "UsageRecord" s ON s."workloadId" = ANY(c."endpoints")
         WHERE s."organizationId" = ${organizationId} AND s.source = 'GATEWAY_TOKENS'
           AND s."intervalStart" >= ${from}
         GROUP BY 1
      ), replicas AS (
        SELECT c.model, sum(r."energyMilliWh")::bigint AS "energyMilliWh",
               bool_and(r."energyBasis" = 'MEASURED') AS "energyMeasured"
          FROM calls c JOIN "UsageRecord" r ON r."workloadId" = ANY(c."endpoints")
         WHERE r."organizationId" = ${organizationId} AND r.source = 'K8S_SAMPLER'
           AND r."intervalStart" >= ${from}
         GROUP BY 1
      )
      SELECT c.model, c."requests", c."tokensIn", c."tokensOut", c."medianLatencyMs",
             c."medianTimeToFirstTokenMs", r."energyMilliWh", s."endpointTokens", r."energyMeasured"
        FROM calls c LEFT JOIN served s USING (model) LEFT JOIN replicas r USING (model)
       ORDER BY c."requests" DESC, c.model`),
  ]);

  return {
    days,
    byDay: byDay.map((row) => ({ day: row.day, ...cell(row) })),
    byKey: byKey.map((row) => ({
      apiKeyId: row.apiKeyId,
      name: row.name,
      lastAt: row.lastAt,
      ...cell(row),
    })),
    byModel: byModel.map((row) => {
      const tokens = row.endpointTokens === null ? 0 : toSafeNumber(row.endpointTokens, "quantity");
      const energy = row.energyMilliWh === null ? 0 : toSafeNumber(row.energyMilliWh, "energy");
      return {
        model: row.model,
        ...cell(row),
        medianLatencyMs: row.medianLatencyMs,
        medianTimeToFirstTokenMs: row.medianTimeToFirstTokenMs,
        energyPerThousandTokensMilliWh:
          tokens > 0 && energy > 0 ? Math.round((energy * 1000) / tokens) : null,
        energyMeasured: row.energyMeasured === true,
      };
    }),
  };
}
