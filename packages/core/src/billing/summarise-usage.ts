import { Prisma, type Database, type ResourceKind } from "@tessera/db";
import { countsTokens } from "../catalogue/metering-unit";
import { notFound } from "../errors";
import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";
import { RECORD_TOKENS, usagePeriodSql } from "./aggregate-usage";
import { periodBounds, periodOf, shiftPeriod } from "./billing-period";
import { sharedTierIntensities, tokenEnergyMilliWh } from "./estimate-shared-token-energy";
import { loadBillingCustomer } from "./load-billing-customer";

export interface UsageResourceClass {
  id: string;
  code: string;
  name: string;
  /** What the class counts in: a TOKENS class's usage is its cells' `tokens`. */
  kind: ResourceKind;
  unit: string;
}

export interface UsageCell {
  unitSeconds: number;
  tokens: number;
  energyMilliWh: number;
  /** True when every record behind the figure had measured energy. */
  energyMeasured: boolean;
  /**
   * False when the figure is a shared model's tokens' estimate that counts its endpoints' open
   * windows (up to their last call), not yet settled: the same estimate, worded the same, as
   * Billing's charges so far.
   */
  energySettled: boolean;
}

export interface UsageSummary {
  timeZone: string;
  /** The months covered, oldest first ("YYYY-MM" in the billing time zone). */
  months: string[];
  resourceClasses: UsageResourceClass[];
  /** Per month and resource class (only where there was usage). */
  byMonth: (UsageCell & { period: string; resourceClassId: string })[];
  /** Per project and resource class over all the months (projectId null: no project). */
  byProject: (UsageCell & {
    projectId: string | null;
    projectName: string | null;
    resourceClassId: string;
  })[];
}

interface Row {
  period: string;
  resourceClassId: string;
  code: string;
  name: string;
  kind: ResourceKind;
  unit: string;
  projectId: string | null;
  projectName: string | null;
  unitSeconds: bigint;
  tokens: bigint;
  energyMilliWh: bigint;
  energyMeasured: boolean;
}

function add<T extends UsageCell>(into: Map<string, T>, key: string, make: () => T, row: Row) {
  const cell = into.get(key) ?? make();
  cell.unitSeconds += toSafeNumber(row.unitSeconds, "quantity");
  cell.tokens += toSafeNumber(row.tokens, "quantity");
  cell.energyMilliWh += toSafeNumber(row.energyMilliWh, "energy");
  cell.energyMeasured &&= row.energyMeasured;
  into.set(key, cell);
}

/**
 * The organisation's metered usage over the last `months` billing months (this one included), by
 * resource class and month and by project — quantities and energy straight from the usage records,
 * billed or not. A shared model's tokens carry no energy of their own: theirs is estimated from
 * the tier's energy per 1,000 tokens in each month by the one estimate Billing's charges so far
 * use (sharedTierIntensities with `now`: the shared endpoints' settled windows that served calls
 * and their open ones up to their last call), so the same tokens read the same Wh on both pages,
 * and "not metered yet" only where neither has any energy (estimate-shared-token-energy.ts). `database`, the unscoped client, is handed only to that
 * estimate, for the platform-wide average; every row read here is the organisation's own.
 *
 * A month, class and project with nothing to show is left out: no time, no energy, and (for a
 * class counted in tokens) no tokens. The gateway's records of tokens served by an organisation's
 * own endpoint count tokens on a compute class, with no time, so until the endpoint's time settles
 * they would show as "0 GPU-hours · 0 Wh" beside a running endpoint; its time so far is under
 * "Accruing now".
 */
export async function summariseUsage(
  tenant: TenantAccess,
  input: { months: number; now?: Date },
  database: Database,
): Promise<UsageSummary> {
  const organizationId = tenant.organization.id;
  const customer = await loadBillingCustomer(tenant.db, organizationId);
  if (!customer) throw notFound("Organisation");
  const now = input.now ?? new Date();
  const current = periodOf(now, customer.timeZone);
  const first = shiftPeriod(current, -(input.months - 1));
  const from = periodBounds(first, customer.timeZone).start;
  const to = periodBounds(current, customer.timeZone).end;
  const rows = await tenant.db.$queryRaw<Row[]>(Prisma.sql`
    SELECT ${usagePeriodSql(customer.timeZone)} AS "period",
           rc."id" AS "resourceClassId", rc."code", rc."name", rc."kind"::text AS "kind", rc."unit",
           p."id" AS "projectId", p."name" AS "projectName",
           sum(u."unitSeconds")::bigint AS "unitSeconds",
           sum(${RECORD_TOKENS})::bigint AS "tokens",
           sum(u."energyMilliWh")::bigint AS "energyMilliWh",
           bool_and(u."energyBasis" = 'MEASURED') AS "energyMeasured"
      FROM "UsageRecord" u
      JOIN "ResourceClass" rc ON rc."id" = u."resourceClassId"
      LEFT JOIN "Project" p ON p."id" = u."projectId" AND p."organizationId" = u."organizationId"
     WHERE u."organizationId" = ${organizationId}::text
       AND u."intervalStart" >= (${from.toISOString()}::timestamptz AT TIME ZONE 'UTC')
       AND u."intervalStart" < (${to.toISOString()}::timestamptz AT TIME ZONE 'UTC')
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(u."unitSeconds") > 0
        OR sum(u."energyMilliWh") > 0
        OR (rc."kind" = 'TOKENS' AND sum(${RECORD_TOKENS}) > 0)
     ORDER BY 1, 3, 8`);
  const classes = new Map<string, UsageResourceClass>();
  const byMonth = new Map<string, UsageSummary["byMonth"][number]>();
  const byProject = new Map<string, UsageSummary["byProject"][number]>();
  const empty = () => ({
    unitSeconds: 0,
    tokens: 0,
    energyMilliWh: 0,
    energyMeasured: true,
    energySettled: true,
  });
  for (const row of rows) {
    classes.set(row.resourceClassId, {
      id: row.resourceClassId,
      code: row.code,
      name: row.name,
      kind: row.kind,
      unit: row.unit,
    });
    add(
      byMonth,
      `${row.period}\u0000${row.resourceClassId}`,
      () => ({
        ...empty(),
        period: row.period,
        resourceClassId: row.resourceClassId,
      }),
      row,
    );
    add(
      byProject,
      `${row.projectId ?? ""}\u0000${row.resourceClassId}`,
      () => ({
        ...empty(),
        projectId: row.projectId,
        projectName: row.projectName,
        resourceClassId: row.resourceClassId,
      }),
      row,
    );
  }
  // Each month's cell from its tokens, as its invoice line is; a project's from its months'.
  const tiers = rows.filter((row) => countsTokens(row.kind) && row.tokens > 0n);
  const intensity = await sharedTierIntensities(
    database,
    tiers.map((row) => ({
      resourceClassId: row.resourceClassId,
      period: row.period,
      timeZone: customer.timeZone,
    })),
    now,
  );
  const estimate = (cell: UsageCell, resourceClassId: string, period: string, tokens: bigint) => {
    const average = intensity({ resourceClassId, period, timeZone: customer.timeZone });
    if (average?.energyPerThousandTokensMilliWh == null) return;
    cell.energyMilliWh += toSafeNumber(
      tokenEnergyMilliWh(tokens, average.energyPerThousandTokensMilliWh),
      "energy",
    );
    cell.energyMeasured = false;
    cell.energySettled &&= average.energySettled;
  };
  for (const cell of byMonth.values()) {
    if (countsTokens(classes.get(cell.resourceClassId)!.kind) && cell.tokens > 0) {
      estimate(cell, cell.resourceClassId, cell.period, BigInt(cell.tokens));
    }
  }
  for (const row of tiers) {
    const cell = byProject.get(`${row.projectId ?? ""}\u0000${row.resourceClassId}`)!;
    estimate(cell, row.resourceClassId, row.period, row.tokens);
  }
  const months = Array.from({ length: input.months }, (_, index) => shiftPeriod(first, index));
  return {
    timeZone: customer.timeZone,
    months,
    resourceClasses: [...classes.values()].sort((a, b) => a.code.localeCompare(b.code)),
    byMonth: [...byMonth.values()],
    byProject: [...byProject.values()].sort((a, b) =>
      (a.projectName ?? "\uffff").localeCompare(b.projectName ?? "\uffff"),
    ),
  };
}
