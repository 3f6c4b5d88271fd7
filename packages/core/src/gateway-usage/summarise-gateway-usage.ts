import { Prisma, type Database } from "@tessera/db";
import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";
import { accruingEndpointUsage } from "../billing/accruing-endpoint-usage";
import { averageSharedEndpointEnergy } from "./average-shared-endpoint-energy";
import { energyPerThousandTokens } from "./energy-per-thousand-tokens";
import { rateSharedModelTokens, type SharedModelCharge } from "./rate-shared-model-tokens";

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
  /** One row per model and kind of endpoint: a model called both ways has two. */
  byModel: (GatewayUsageCell & {
    model: string;
    /**
     * Calls to the platform's shared endpoints of the model (paid from the organisation's tokens)
     * rather than to endpoints of the organisation's own.
     */
    shared: boolean;
    /** Median time to the last byte (ms); null without requests. */
    medianLatencyMs: number | null;
    /**
     * Median time to the first token (ms) over the streamed calls only — a call answered whole
     * has no first token apart from its answer, and the gateway records none for it; null when
     * no call was streamed.
     */
    medianTimeToFirstTokenMs: number | null;
    /** How many of the calls were streamed (the median first token is over these). */
    streamedRequests: number;
    /**
     * Energy per 1,000 tokens (mWh, rounded half up) over the days shown; null when nothing was
     * metered yet. Own endpoints: the energy their replicas were metered with — settled windows
     * and the open one up to now, as Billing's live draft counts them — divided by the tokens
     * they served. Shared: an estimate, the shared endpoints' average over every caller's
     * tokens (averageSharedEndpointEnergy: the energy of their windows that served calls of the
     * model, idle ones left to the platform operator) on the basis Billing's token line uses
     * (settled windows, and open ones up to their last call), the same figure for every
     * organisation.
     */
    energyPerThousandTokensMilliWh: number | null;
    /** True when every replica record behind that figure had measured, not estimated, energy. */
    energyMeasured: boolean;
    /**
     * False when the figure includes open metering windows (own or shared endpoints'), estimated
     * (own: up to now; shared: up to their last call) and not yet settled, as Billing's live
     * draft counts them.
     */
    energySettled: boolean;
  })[];
  /**
   * How the calls are paid. Calls to the organisation's own endpoints are paid through the
   * endpoints' running time (unit-hours on Billing), not per token; calls to the platform's
   * shared models are billed per token, from the organisation's tokens of each model's tier.
   */
  payment: {
    ownEndpoints: GatewayUsageCell;
    sharedModels: GatewayUsageCell & { charges: SharedModelCharge[] };
  };
}

const NOT_METERED = {
  energyPerThousandTokensMilliWh: null,
  energyMeasured: false,
  energySettled: true,
};

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
 *
 * Every row read here is the organisation's own. `database`, the unscoped client, is handed only
 * to averageSharedEndpointEnergy, for the platform-wide average of the shared models called.
 */
export async function summariseGatewayUsage(
  tenant: TenantAccess,
  input: { days: number; apiKeyId?: string | null; model?: string | null; now?: Date },
  database: Database,
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
        shared: boolean;
        medianLatencyMs: number | null;
        medianTimeToFirstTokenMs: number | null;
        streamedRequests: bigint;
        endpoints: (string | null)[];
        energyMilliWh: bigint | null;
        endpointTokens: bigint | null;
        energyMeasured: boolean | null;
      })[]
    >(Prisma.sql`
      WITH calls AS (
        -- A call to a shared endpoint names no workload: the endpoint is not the organisation's.
        SELECT u.model, u."workloadId" IS NULL AS "shared", ${totals},
               percentile_disc(0.5) WITHIN GROUP (ORDER BY u."latencyMs") AS "medianLatencyMs",
               percentile_disc(0.5) WITHIN GROUP (ORDER BY u."timeToFirstTokenMs")
                 AS "medianTimeToFirstTokenMs",
               count(u."timeToFirstTokenMs")::bigint AS "streamedRequests",
               array_agg(DISTINCT u."workloadId") AS "endpoints"
          FROM "UsageRecord" u WHERE ${narrow} GROUP BY 1, 2
      ), served AS (
        -- Everything the same endpoints served over the days shown, whichever key called.
        SELECT c.model, sum(s."tokensIn" + s."tokensOut")::bigint AS "endpointTokens"
          FROM calls c JOIN "UsageRecord" s ON s."workloadId" = ANY(c."endpoints")
         WHERE NOT c."shared" AND s."organizationId" = ${organizationId}
           AND s.source = 'GATEWAY_TOKENS' AND s."intervalStart" >= ${from}
         GROUP BY 1
      ), replicas AS (
        SELECT c.model, sum(r."energyMilliWh")::bigint AS "energyMilliWh",
               bool_and(r."energyBasis" = 'MEASURED') AS "energyMeasured"
          FROM calls c JOIN "UsageRecord" r ON r."workloadId" = ANY(c."endpoints")
         WHERE NOT c."shared" AND r."organizationId" = ${organizationId}
           AND r.source = 'K8S_SAMPLER' AND r."intervalStart" >= ${from}
         GROUP BY 1
      )
      SELECT c.model, c."shared", c."requests", c."tokensIn", c."tokensOut", c."medianLatencyMs",
             c."medianTimeToFirstTokenMs", c."streamedRequests", c."endpoints",
             r."energyMilliWh", s."endpointTokens", r."energyMeasured"
        FROM calls c
        LEFT JOIN served s ON s.model = c.model AND NOT c."shared"
        LEFT JOIN replicas r ON r.model = c.model AND NOT c."shared"
       ORDER BY c."requests" DESC, c.model, c."shared"`),
  ]);
  const [sharedEnergy, accruing, charges] = await Promise.all([
    averageSharedEndpointEnergy(database, {
      models: byModel.filter((row) => row.shared).map((row) => row.model),
      from,
      accruing: { now, period: "", timeZone: "UTC" },
    }),
    // Endpoints' open windows, as Billing's live draft counts them: their energy so far.
    accruingEndpointUsage(
      tenant.db,
      { organizationId, period: "", bounds: { start: from, end: now }, timeZone: "UTC" },
      now,
    ),
    rateSharedModelTokens(tenant.db, { organizationId, from, narrow, now }, database),
  ]);
  const accruingMilliWh = new Map<string, bigint>();
  for (const window of accruing) {
    accruingMilliWh.set(
      window.endpointId,
      (accruingMilliWh.get(window.endpointId) ?? 0n) + window.energyMilliWh,
    );
  }
  const split = { own: [] as CellRow[], shared: [] as CellRow[] };
  for (const row of byModel) (row.shared ? split.shared : split.own).push(row);

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
      const energy = row.shared
        ? (sharedEnergy.get(row.model) ?? NOT_METERED)
        : ownEnergy(row, accruingMilliWh);
      return {
        model: row.model,
        shared: row.shared,
        ...cell(row),
        medianLatencyMs: row.medianLatencyMs,
        medianTimeToFirstTokenMs: row.medianTimeToFirstTokenMs,
        streamedRequests: toSafeNumber(row.streamedRequests, "quantity"),
        ...energy,
      };
    }),
    payment: {
      ownEndpoints: cell(sumCells(split.own)),
      sharedModels: { ...cell(sumCells(split.shared)), charges },
    },
  };
}

function sumCells(rows: readonly CellRow[]): CellRow {
  return rows.reduce<CellRow>(
    (sum, row) => ({
      requests: sum.requests + row.requests,
      tokensIn: sum.tokensIn + row.tokensIn,
      tokensOut: sum.tokensOut + row.tokensOut,
    }),
    { requests: 0n, tokensIn: 0n, tokensOut: 0n },
  );
}

/**
 * Own endpoints' energy per 1,000 tokens: their settled sampler records and their open windows'
 * estimate so far (what Billing's draft adds), over the tokens they served.
 */
function ownEnergy(
  row: {
    endpoints: (string | null)[];
    energyMilliWh: bigint | null;
    endpointTokens: bigint | null;
    energyMeasured: boolean | null;
  },
  accruingMilliWh: ReadonlyMap<string, bigint>,
) {
  const open = row.endpoints.reduce(
    (sum, id) => sum + (id === null ? 0n : (accruingMilliWh.get(id) ?? 0n)),
    0n,
  );
  return {
    energyPerThousandTokensMilliWh: energyPerThousandTokens(
      (row.energyMilliWh ?? 0n) + open,
      row.endpointTokens ?? 0n,
    ),
    // An open window's energy is an estimate from the class's power draw.
    energyMeasured: row.energyMeasured === true && open === 0n,
    energySettled: open === 0n,
  };
}
