import type { ResourceKind } from "@tessera/db";
import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";
import { lineKeyOf } from "./accruing-endpoint-usage";
import { unitHoursOf } from "./format-billed-quantity";
import { getInvoiceDraft } from "./get-invoice-draft";
import type { AccruingWindow } from "./price-accruing-windows";
import { programmesOfLines } from "./programme-shares";
import {
  classNamesOf,
  toBillingLineView,
  toBillingTotalsView,
  type BillingLineView,
  type BillingTotalsView,
} from "./invoice-view";

export interface CurrentChargeLineView extends BillingLineView {
  /**
   * How much of the line's quantity is accruing, up to now, not yet settled into usage records:
   * endpoints' time in open quota windows and running jobs' time (0 when none), priced with the
   * rest of the line.
   */
  accruingUnitSeconds: number;
  /** The same, in unit-hours exact to three decimals ("0.667"), as `unitHours` is written. */
  accruingUnitHours: string;
  /**
   * False when the line's energy includes open windows, estimated and not yet settled: its own
   * endpoints' up to now (accruingUnitSeconds), or, for a shared tier's tokens, the shared
   * endpoints' the tier's average is worked out from, up to their last call.
   */
  energySettled: boolean;
}

/**
 * An endpoint's open metering window, or a running job's time in one billing month: its time so
 * far and what it adds to the charges.
 */
export interface AccruingWindowView {
  workload: "endpoint" | "job";
  workloadId: string;
  workloadName: string;
  resourceClassName: string;
  resourceKind: ResourceKind;
  unit: string;
  /** The billing month its usage record will fall in ("YYYY-MM"). */
  usagePeriod: string;
  unitSeconds: number;
  /** Unit-hours exact to three decimals, as the lines write them. */
  unitHours: string;
  /** Before VAT, priced on its own by the lines' rule (priceAccruingWindows). */
  listMinor: number;
  programmeMinor: number;
  tenantMinor: number;
}

export interface CurrentChargesView extends BillingTotalsView {
  /** The billing month in the organisation's time zone ("YYYY-MM"). */
  period: string;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
  lines: CurrentChargeLineView[];
  /** Unit-seconds of open windows and running jobs counted in the lines, not yet settled. */
  accruingUnitSeconds: number;
  /**
   * Those windows one by one, each priced on its own (priceAccruingWindows): their amounts can
   * differ from what they add to the lines, priced once on the whole, by up to a cent each.
   */
  accruingWindows: AccruingWindowView[];
  /** The subsidy programmes paying the programme share so far, by name, largest first. */
  programmeShares: { name: string; programmeMinor: number }[];
  /** When these figures were computed (the draft is never stored). */
  computedAt: Date;
}

const workloadIdOf = (window: AccruingWindow) =>
  "endpointId" in window ? window.endpointId : window.jobId;

/**
 * This month's charges so far for the organisation: the live draft, rated as finalisation will
 * rate it (late usage of an invoiced month shows as an adjustment line). Endpoints' time in their
 * open quota windows and running jobs' time count up to now, so a tenant sees what a running
 * endpoint or job costs before it settles (when its window closes or the job ends); each line says
 * how much of it is still accruing.
 */
export async function getCurrentCharges(
  tenant: TenantAccess,
  input: { sellerCountry: string; now?: Date },
): Promise<CurrentChargesView> {
  const now = input.now ?? new Date();
  const draft = await getInvoiceDraft(tenant.db, {
    organizationId: tenant.organization.id,
    sellerCountry: input.sellerCountry,
    now,
    accruing: true,
  });
  const accruingOf = new Map<string, bigint>();
  for (const window of draft.accruing) {
    const key = lineKeyOf(window);
    accruingOf.set(key, (accruingOf.get(key) ?? 0n) + window.unitSeconds);
  }
  const accruingUnitSecondsOf = (line: (typeof draft.lines)[number]) =>
    accruingOf.get(lineKeyOf(line)) ?? 0n;
  const accruing = (line: (typeof draft.lines)[number]) =>
    toSafeNumber(accruingUnitSecondsOf(line), "quantity");
  const [classes, workloads, programmes] = await Promise.all([
    classNamesOf(
      tenant,
      draft.lines.map((line) => line.resourceClassId),
    ),
    tenant.db.workload.findMany({
      where: { id: { in: draft.accruing.map(workloadIdOf) } },
      select: { id: true, name: true },
    }),
    programmesOfLines(tenant, draft.lines),
  ]);
  const workloadNames = new Map(workloads.map((workload) => [workload.id, workload.name]));
  return {
    ...toBillingTotalsView({
      ...draft,
      vatTreatment: draft.vat.treatment,
      vatCountry: draft.vat.country,
      vatRateBps: draft.vat.rateBps,
    }),
    period: draft.period,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    timeZone: draft.timeZone,
    lines: draft.lines.map((line) => ({
      ...toBillingLineView(line, classes, programmes),
      accruingUnitSeconds: accruing(line),
      accruingUnitHours: unitHoursOf(accruingUnitSecondsOf(line)),
      energySettled:
        accruingUnitSecondsOf(line) === 0n && !draft.unsettledEnergy.has(lineKeyOf(line)),
    })),
    accruingUnitSeconds: draft.lines.reduce((sum, line) => sum + accruing(line), 0),
    accruingWindows: draft.accruing.map((window) => {
      const resourceClass = classes.get(window.resourceClassId);
      return {
        workload: "endpointId" in window ? ("endpoint" as const) : ("job" as const),
        workloadId: workloadIdOf(window),
        workloadName: workloadNames.get(workloadIdOf(window)) ?? workloadIdOf(window),
        resourceClassName: resourceClass?.name ?? window.resourceClassId,
        resourceKind: resourceClass?.kind ?? "GPU",
        unit: resourceClass?.unit ?? "unit",
        usagePeriod: window.usagePeriod,
        unitSeconds: toSafeNumber(window.unitSeconds, "quantity"),
        unitHours: unitHoursOf(window.unitSeconds),
        listMinor: toSafeNumber(window.listMinor),
        programmeMinor: toSafeNumber(window.programmeMinor),
        tenantMinor: toSafeNumber(window.tenantMinor),
      };
    }),
    programmeShares: programmes.shares.map((share) => ({
      name: share.name,
      programmeMinor: toSafeNumber(share.programmeMinor, "amount"),
    })),
    computedAt: now,
  };
}
