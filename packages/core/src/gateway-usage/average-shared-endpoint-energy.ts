import { Prisma } from "@tessera/db";
import { accruingEndpointUsageOf, windowEnergyUpTo } from "../billing/accruing-endpoint-usage";
import type { SqlClient } from "../billing/sql-client";
import { energyPerThousandTokens } from "./energy-per-thousand-tokens";

/** A shared model's energy intensity: the only figure that leaves this file. */
export interface SharedEndpointEnergy {
  /**
   * mWh per 1,000 tokens, rounded half up; null when its endpoints reported no energy for the
   * windows that served calls.
   */
  energyPerThousandTokensMilliWh: number | null;
  /** True when every sampler record behind the figure had measured, not estimated, energy. */
  energyMeasured: boolean;
  /**
   * False when the figure includes the endpoints' open metering windows (estimated up to their
   * last call, not yet settled into sampler records).
   */
  energySettled: boolean;
}

/**
 * Where the open windows are counted up to, as an organisation's own endpoints' are on Billing's
 * live draft and the usage page (accruingEndpointUsage): `now`, and the billing month and time
 * zone a window's start is keyed by ("" for a span of days: only windows begun within it).
 */
export interface AccruingAt {
  now: Date;
  period: string;
  timeZone: string;
}

/**
 * What the averages are per: a shared model (by name), or the token tier it is sold as. Calls to
 * shared endpoints are found by either through a partial index of its own (migration
 * 20261207080000_shared_call_indexes), so that whether a window served a call is a range probe.
 */
const KEYS = {
  model: { endpoint: Prisma.sql`m.name`, call: Prisma.sql`s.model` },
  tokenClass: {
    endpoint: Prisma.sql`m."tokenResourceClassId"`,
    call: Prisma.sql`s."resourceClassId"`,
  },
} as const;

type Key = (typeof KEYS)[keyof typeof KEYS];

/** The span the averages are over: records that started in [from, until) (no until: since from). */
interface Span {
  from: Date;
  until?: Date | undefined;
}

/** `alias`'s record started within the span. */
function startsWithin(alias: string, span: Span): Prisma.Sql {
  const start = Prisma.sql`${Prisma.raw(alias)}."intervalStart"`;
  return span.until
    ? Prisma.sql`${start} >= ${span.from} AND ${start} < ${span.until}`
    : Prisma.sql`${start} >= ${span.from}`;
}

/**
 * Whether a shared endpoint (`endpoint`: SQL for its key, workload and organisation) served a
 * call whose request time is in [after, before) (no `before`: since `after`) and within the span
 * — a call of its key, whoever called, or one naming the endpoint (the calls whose tokens the
 * average divides by). Two EXISTS, each a range probe of an index: the calls of the key by its
 * partial index, those naming the endpoint by its organisation's (organizationId, intervalStart)
 * (the gateway names a workload only on a call to the caller's own endpoint).
 */
function servedCall(
  key: Key,
  span: Span,
  endpoint: { key: Prisma.Sql; workloadId: Prisma.Sql; organizationId: Prisma.Sql },
  after: Prisma.Sql,
  before?: Prisma.Sql,
): Prisma.Sql {
  const between = Prisma.sql`s."intervalStart" >= ${after}
    ${before ? Prisma.sql`AND s."intervalStart" < ${before}` : Prisma.empty}
    AND ${startsWithin("s", span)}`;
  return Prisma.sql`(EXISTS (
      SELECT 1 FROM "UsageRecord" s
       WHERE s.source = 'GATEWAY_TOKENS' AND s."workloadId" IS NULL
         AND ${key.call} = ${endpoint.key} AND ${between})
    OR EXISTS (
      SELECT 1 FROM "UsageRecord" s
       WHERE s.source = 'GATEWAY_TOKENS' AND s."workloadId" = ${endpoint.workloadId}
         AND s."organizationId" = ${endpoint.organizationId} AND ${between}))`;
}

/**
 * When a shared endpoint last served a call (as servedCall finds them) since `after`, within the
 * span: the later of two range probes, one per index; NULL when it served none.
 */
function lastCallSince(
  key: Key,
  span: Span,
  endpoint: { key: Prisma.Sql; workloadId: Prisma.Sql; organizationId: Prisma.Sql },
  after: Prisma.Sql,
): Prisma.Sql {
  const between = Prisma.sql`s."intervalStart" >= ${after} AND ${startsWithin("s", span)}`;
  return Prisma.sql`GREATEST(
    (SELECT max(s."intervalStart") FROM "UsageRecord" s
      WHERE s.source = 'GATEWAY_TOKENS' AND s."workloadId" IS NULL
        AND ${key.call} = ${endpoint.key} AND ${between}),
    (SELECT max(s."intervalStart") FROM "UsageRecord" s
      WHERE s.source = 'GATEWAY_TOKENS' AND s."workloadId" = ${endpoint.workloadId}
        AND s."organizationId" = ${endpoint.organizationId} AND ${between}))`;
}

/**
 * The energy per 1,000 tokens of the platform's shared endpoints, per `by` (their model or its
 * token tier), over [from, until): the energy of their metering windows that served calls of the
 * key (sampler records, in the organisation that runs them, with at least one call's request
 * time inside the window) divided by every token they served in the same time, whoever called.
 * A window in which nobody called is the endpoints' idle time: its energy is not shared out to
 * callers, it stays with the platform operator (whose own bill shows every window).
 *
 * With `accruing` (the live draft and the usage pages), the endpoints' open windows count too,
 * each only up to the last call it has served (openWindowEnergy), not up to now. The figure is
 * read as "the energy of these calls", so it must not grow while nobody calls: counted up to now,
 * an open window's idle minutes after its last call made a few calls' figure climb by the minute
 * (≈ 273 → ≈ 771 Wh per 1,000 tokens in 13 idle minutes). So it moves at two moments only:
 * when a call is made (its window's time up to it, and its tokens, join the figure), and when a
 * window that served calls closes and is settled, which then counts whole — as the invoice run,
 * which reads settled windows only and is not changed by this, counts it: what ends on an invoice
 * is always the settled figure, and the live one says "not yet settled" until then. Between those
 * moments, whatever the clock says, it stays the same (while the replicas stay as they were).
 *
 * This is the one place usage is read across organisations, and it is safe because of what it
 * returns: one ratio (and whether it was measured) per shared model or tier, never a token count,
 * an energy total, a key, a caller or an organisation's name. A caller learns the platform's
 * average intensity, which is the platform's figure, not another tenant's data. It must take the
 * unscoped client, because the sampler records belong to the platform organisation and the
 * tokens to every caller; tenancy stays enforced for everything else (callers read their own rows
 * by their organisation only).
 */
async function averageSharedEnergy(
  database: SqlClient,
  by: keyof typeof KEYS,
  input: { keys: readonly string[]; from: Date; until?: Date; accruing?: AccruingAt },
): Promise<Map<string, SharedEndpointEnergy>> {
  const averages = new Map<string, SharedEndpointEnergy>();
  if (input.keys.length === 0) return averages;
  const key = KEYS[by];
  const keys = [...input.keys];
  const span: Span = { from: input.from, until: input.until };
  // One statement whatever the number of windows: each window's EXISTS is an index probe.
  const rows = await database.$queryRaw<
    {
      key: string;
      energyMilliWh: bigint | null;
      energyMeasured: boolean | null;
      tokens: bigint | null;
    }[]
  >(Prisma.sql`
    WITH endpoints AS (
      SELECT e."workloadId", e."organizationId", ${key.endpoint} AS key
        FROM "Endpoint" e JOIN "Model" m ON m.id = e."modelId"
       WHERE e.shared AND ${key.endpoint} = ANY(${keys}::text[])
    ), energy AS (
      SELECT ep.key, sum(r."energyMilliWh")::bigint AS "energyMilliWh",
             bool_and(r."energyBasis" = 'MEASURED') AS "energyMeasured"
        FROM endpoints ep
        JOIN "UsageRecord" r
          ON r."workloadId" = ep."workloadId" AND r."organizationId" = ep."organizationId"
       WHERE r.source = 'K8S_SAMPLER' AND ${startsWithin("r", span)}
         AND ${servedCall(
           key,
           span,
           {
             key: Prisma.sql`ep.key`,
             workloadId: Prisma.sql`ep."workloadId"`,
             organizationId: Prisma.sql`ep."organizationId"`,
           },
           Prisma.sql`r."intervalStart"`,
           Prisma.sql`r."intervalEnd"`,
         )}
       GROUP BY 1
    ), served AS (
      -- A call to a shared endpoint is recorded in the caller's organisation with no workload
      -- (the endpoint is not the caller's); one naming the endpoint was its own organisation's.
      SELECT ${key.call} AS key, s."tokensIn" + s."tokensOut" AS tokens
        FROM "UsageRecord" s
       WHERE s.source = 'GATEWAY_TOKENS' AND s."workloadId" IS NULL
         AND ${key.call} = ANY(${keys}::text[]) AND ${startsWithin("s", span)}
      UNION ALL
      SELECT ep.key, s."tokensIn" + s."tokensOut"
        FROM endpoints ep JOIN "UsageRecord" s ON s."workloadId" = ep."workloadId"
       WHERE s.source = 'GATEWAY_TOKENS' AND ${startsWithin("s", span)}
    ), tokens AS (
      SELECT key, sum(tokens)::bigint AS tokens FROM served GROUP BY 1
    )
    SELECT key, e."energyMilliWh", e."energyMeasured", t.tokens
      FROM energy e FULL JOIN tokens t USING (key)`);
  const open = input.accruing
    ? await openWindowEnergy(database, key, keys, {
        from: input.from,
        until: input.until ?? input.accruing.now,
        ...input.accruing,
      })
    : new Map<string, bigint>();
  for (const row of rows) {
    const unsettled = open.get(row.key) ?? 0n;
    const energyPerThousand = energyPerThousandTokens(
      (row.energyMilliWh ?? 0n) + unsettled,
      row.tokens ?? 0n,
    );
    averages.set(row.key, {
      energyPerThousandTokensMilliWh: energyPerThousand,
      // An open window's energy is an estimate from the class's power draw.
      energyMeasured:
        energyPerThousand !== null && row.energyMeasured === true && !open.has(row.key),
      energySettled: !open.has(row.key),
    });
  }
  return averages;
}

/**
 * The energy of the shared endpoints' open windows begun in [from, until) that have served a
 * call of their key since they began, per key, each from its start up to its last call
 * (windowEnergyUpTo: its replicas' time to then, from the class's power draw, as settling it would
 * estimate it; accruingEndpointUsageOf read for the organisations that run them); an open window
 * nobody has called in yet is idle time, left out as a settled one is, and so is a called window's
 * time after its last call until it closes. Read after the settled records, as
 * the draft reads its own: a window settled between the two reads is missing once, never counted
 * twice.
 */
async function openWindowEnergy(
  database: SqlClient,
  key: Key,
  keys: readonly string[],
  input: AccruingAt & { from: Date; until: Date },
): Promise<Map<string, bigint>> {
  const endpoints = await database.$queryRaw<
    { workloadId: string; organizationId: string; key: string }[]
  >(Prisma.sql`
    SELECT e."workloadId", e."organizationId", ${key.endpoint} AS key
      FROM "Endpoint" e JOIN "Model" m ON m.id = e."modelId"
     WHERE e.shared AND ${key.endpoint} = ANY(${[...keys]}::text[])`);
  const energy = new Map<string, bigint>();
  if (endpoints.length === 0) return energy;
  const endpointOf = new Map(endpoints.map((endpoint) => [endpoint.workloadId, endpoint]));
  const organisations = [...new Set(endpoints.map((endpoint) => endpoint.organizationId))];
  const accruing = await accruingEndpointUsageOf(
    database,
    organisations.map((organizationId) => ({
      organizationId,
      period: input.period,
      bounds: { start: input.from, end: input.until },
      timeZone: input.timeZone,
    })),
    input.now,
  );
  const windows = [...accruing.values()]
    .flat()
    .filter((window) => endpointOf.has(window.endpointId) && window.usagePeriod === input.period);
  if (windows.length === 0) return energy;
  // When each last served a call since it began: one statement for them all.
  const served = await database.$queryRaw<{ endpointId: string; lastCallAt: Date | null }[]>(
    Prisma.sql`
    SELECT w."endpointId", ${lastCallSince(
      key,
      { from: input.from, until: input.until },
      {
        key: Prisma.sql`w.key`,
        workloadId: Prisma.sql`w."endpointId"`,
        organizationId: Prisma.sql`w."organizationId"`,
      },
      Prisma.sql`w.start`,
    )} AS "lastCallAt"
      FROM unnest(${windows.map((window) => window.endpointId)}::text[],
                  ${windows.map((window) => endpointOf.get(window.endpointId)!.key)}::text[],
                  ${windows.map((window) => endpointOf.get(window.endpointId)!.organizationId)}::text[],
                  ${windows.map((window) => window.windowStart.toISOString())}::timestamp(3)[])
           AS w("endpointId", key, "organizationId", start)`,
  );
  const lastCallOf = new Map(
    served.flatMap((row) => (row.lastCallAt ? [[row.endpointId, row.lastCallAt] as const] : [])),
  );
  for (const window of windows) {
    const lastCallAt = lastCallOf.get(window.endpointId);
    if (!lastCallAt) continue;
    const of = endpointOf.get(window.endpointId)!.key;
    energy.set(of, (energy.get(of) ?? 0n) + windowEnergyUpTo(window, lastCallAt));
  }
  return energy;
}

/** The energy per 1,000 tokens of each shared model named, since `from` (averageSharedEnergy). */
export function averageSharedEndpointEnergy(
  database: SqlClient,
  input: { models: string[]; from: Date; accruing?: AccruingAt },
): Promise<Map<string, SharedEndpointEnergy>> {
  return averageSharedEnergy(database, "model", {
    keys: input.models,
    from: input.from,
    ...(input.accruing ? { accruing: input.accruing } : {}),
  });
}

/**
 * The energy per 1,000 tokens of each shared model's token tier (a TOKENS resource class, the
 * key of the map), over [from, until): what an invoice line of the tier is estimated from
 * (averageSharedEnergy).
 */
export function averageSharedTierEnergy(
  database: SqlClient,
  input: { resourceClassIds: readonly string[]; from: Date; until: Date; accruing?: AccruingAt },
): Promise<Map<string, SharedEndpointEnergy>> {
  return averageSharedEnergy(database, "tokenClass", {
    keys: input.resourceClassIds,
    from: input.from,
    until: input.until,
    ...(input.accruing ? { accruing: input.accruing } : {}),
  });
}
