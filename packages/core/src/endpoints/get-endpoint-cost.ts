import { Prisma, type ResourceKind } from "@tessera/db";
import { accruingEndpointUsage, withAccruing } from "../billing/accruing-endpoint-usage";
import { unbilledBefore, aggregateUsage, type UnbilledAggregate } from "../billing/aggregate-usage";
import { periodBounds, periodOf } from "../billing/billing-period";
import { loadBillingCustomer } from "../billing/load-billing-customer";
import { loadRatingTerms } from "../billing/load-rating-terms";
import { rateUsage, totalsOf } from "../billing/rate-usage";
import { loadPricesInForce } from "../catalogue/load-prices-in-force";
import { notFound } from "../errors";
import { toSafeNumber } from "../programmes/money";
import { rateOf } from "../programmes/pricing";
import { roleMay } from "../tenancy/permissions";
import type { TenantAccess } from "../tenancy/tenant-access";
import { endpointHourPrice, type EndpointPriceTerms } from "./endpoint-price";
import { nextWindowAt } from "../budgets/endpoint-stops";
import { isLiveEndpointStatus } from "./endpoint-rules";

export interface EndpointMonthCost {
  /** The billing month ("YYYY-MM", the organisation's time zone) and when it began. */
  period: string;
  periodStart: Date;
  /** Unit-seconds counted this month, and how many of them are the open window's, not settled. */
  unitSeconds: number;
  accruingUnitSeconds: number;
  /** Before VAT, as the lines of "Charges so far" are. */
  listMinor: number;
  programmeMinor: number;
  tenantMinor: number;
}

export interface EndpointCost {
  currency: string;
  /** The price in force now and the award's rate: what any replica count is priced from. */
  terms: EndpointPriceTerms;
  /**
   * An hour at the replicas it runs now: 0 replicas and nothing when scaled to zero, or when it
   * runs nothing at all (failed, being deleted or deleted), `idle` saying which.
   */
  hour: {
    replicas: number;
    listMinor: number;
    programmeMinor: number;
    tenantMinor: number;
    /**
     * The programme's and the organisation's shares of the hour in thousandths of a minor unit
     * (rateOf), as the deploy form shows them: €2.065 and €0.885 of €2.95, not €2.06 and €0.89.
     */
    programmeMilliMinor: number;
    tenantMilliMinor: number;
    idle: "SCALED_TO_ZERO" | "NOT_RUNNING" | null;
  };
  /**
   * Set when the lease window it runs in now is billed at a price other than today's (the class's
   * price changed since the window opened): `hour` is at the window's price, and from `at` — its
   * next window (nextWindowAt), or sooner if its replicas change — an hour costs this.
   */
  nextWindow: {
    at: Date;
    listMinor: number;
    programmeMilliMinor: number;
    tenantMilliMinor: number;
  } | null;
  /** Null for a role that may not read billing. */
  month: EndpointMonthCost | null;
  computedAt: Date;
}

/**
 * What an endpoint costs: an hour at its current replicas (the class's price in force now, split
 * at its award's rate) and this billing month so far. The month is rated exactly as "Charges so
 * far" rates it (getCurrentCharges): its settled usage records of the month plus its open quota
 * window up to now (accruingEndpointUsage), summed per line first and priced once by rateUsage.
 * So when the endpoint is the only usage on its billing line, the two pages show the same cents;
 * when other workloads share the line, the line is their sum rounded once. The programme's share
 * is capped by what is left of the award's subsidy, as an invoice caps it. NOT_FOUND for an
 * endpoint of another organisation.
 */
export async function getEndpointCost(
  tenant: TenantAccess,
  id: string,
  now: Date = new Date(),
): Promise<EndpointCost> {
  const workload = await tenant.db.workload.findFirst({
    where: { id, kind: "INFERENCE_ENDPOINT" },
    select: {
      quantity: true,
      resourceClassId: true,
      allocationLineId: true,
      resourceClass: { select: { kind: true, currency: true } },
      allocationLine: {
        select: { allocationId: true, allocation: { select: { subsidyRateBps: true } } },
      },
      endpoint: {
        select: { desiredReplicas: true, status: true, leaseStartedAt: true, leaseSeconds: true },
      },
    },
  });
  if (!workload?.endpoint) throw notFound("Endpoint");
  const price = (await loadPricesInForce(tenant.db, [workload.resourceClassId], now)).get(
    workload.resourceClassId,
  );
  const kind: ResourceKind = workload.resourceClass.kind;
  const terms: EndpointPriceTerms = {
    minorPerUnitHour: price?.minorPerUnitHour ?? 0,
    subsidyRateBps: workload.allocationLine.allocation.subsidyRateBps,
    kind,
  };
  // A failed, deleting or deleted endpoint keeps the replicas it was asked for but runs none.
  const live = isLiveEndpointStatus(workload.endpoint.status);
  const replicas = live ? workload.endpoint.desiredReplicas : 0;
  const idle = !live ? "NOT_RUNNING" : replicas === 0 ? "SCALED_TO_ZERO" : null;
  // The window it runs in is billed at the price in force when it opened (its usage record's),
  // which is today's unless the price changed since: then today's from its next window on.
  const { leaseStartedAt } = workload.endpoint;
  const windowPrice =
    idle === null && leaseStartedAt
      ? (await loadPricesInForce(tenant.db, [workload.resourceClassId], leaseStartedAt)).get(
          workload.resourceClassId,
        )
      : undefined;
  const repriced =
    windowPrice !== undefined &&
    price !== undefined &&
    windowPrice.priceVersionId !== price.priceVersionId;
  const hourAt = (minorPerUnitHour: number) => ({
    ...endpointHourPrice(replicas, workload.quantity, { ...terms, minorPerUnitHour }),
    ...rateOf(replicas * workload.quantity, minorPerUnitHour, terms.subsidyRateBps, kind),
  });
  const hour = hourAt(repriced ? windowPrice.minorPerUnitHour : terms.minorPerUnitHour);
  const next = repriced ? hourAt(terms.minorPerUnitHour) : null;
  const nextAt = repriced ? nextWindowAt(workload.endpoint, now) : null;
  return {
    currency: price?.currency ?? workload.resourceClass.currency,
    terms,
    hour: {
      replicas,
      listMinor: hour.listValueMinor,
      programmeMinor: hour.programmeShareMinor,
      tenantMinor: hour.tenantShareMinor,
      programmeMilliMinor: hour.programmeShareMilliMinor,
      tenantMilliMinor: hour.tenantShareMilliMinor,
      idle,
    },
    nextWindow:
      next && nextAt
        ? {
            at: nextAt,
            listMinor: next.listValueMinor,
            programmeMilliMinor: next.programmeShareMilliMinor,
            tenantMilliMinor: next.tenantShareMilliMinor,
          }
        : null,
    month: roleMay(tenant.role, "billing.read")
      ? await monthCost(tenant, id, workload.allocationLine.allocationId, now)
      : null,
    computedAt: now,
  };
}

/** The endpoint's share of this month's live draft: see getEndpointCost. */
async function monthCost(
  tenant: TenantAccess,
  id: string,
  allocationId: string,
  now: Date,
): Promise<EndpointMonthCost> {
  const organizationId = tenant.organization.id;
  const customer = await loadBillingCustomer(tenant.db, organizationId);
  if (!customer) throw notFound("Organisation");
  const period = periodOf(now, customer.timeZone);
  const bounds = periodBounds(period, customer.timeZone);
  // The month's own usage not yet invoiced, as the draft reads it (late usage of an earlier month
  // is that month's).
  const settled = await aggregateUsage(tenant.db, {
    timeZone: customer.timeZone,
    where: Prisma.sql`${unbilledBefore(organizationId, bounds.end)}
      AND u."workloadId" = ${id}::text
      AND u."intervalStart" >= (${bounds.start.toISOString()}::timestamptz AT TIME ZONE 'UTC')`,
  });
  const scope = { organizationId, period, bounds, timeZone: customer.timeZone };
  // Read after the settled records, as the draft does (accruingEndpointUsage).
  const accruing = (await accruingEndpointUsage(tenant.db, scope, now)).filter(
    (window) => window.endpointId === id && window.usagePeriod === period,
  );
  const aggregates: UnbilledAggregate[] = withAccruing(
    settled.map((line) => ({ ...line, allocationId: line.allocationLineId ? allocationId : null })),
    accruing,
  );
  const terms = await loadRatingTerms(tenant.db, aggregates, { lock: false });
  const rated = rateUsage(aggregates, terms.prices, terms.allocationOfLine);
  const totals = totalsOf(rated);
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  return {
    period,
    periodStart: bounds.start,
    unitSeconds: toSafeNumber(sum(rated.map((line) => line.unitSeconds)), "quantity"),
    accruingUnitSeconds: toSafeNumber(
      sum(accruing.map((window) => window.unitSeconds)),
      "quantity",
    ),
    listMinor: toSafeNumber(totals.listMinor),
    programmeMinor: toSafeNumber(totals.programmeMinor),
    tenantMinor: toSafeNumber(totals.tenantNetMinor),
  };
}
