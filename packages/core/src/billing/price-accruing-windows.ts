import type { AccruingAggregate } from "./accruing-endpoint-usage";
import type { AccruingJobAggregate } from "./accruing-job-usage";
import {
  compareAggregates,
  rateAmounts,
  type AllocationTerms,
  type PriceVersionTerms,
} from "./rate-usage";

/** Time counted up to now, not yet settled: an endpoint's open window or a running job's time. */
export type AccruingWindow = AccruingAggregate | AccruingJobAggregate;

/** An accruing window priced on its own, before VAT. */
export type AccruingCharge = AccruingWindow & {
  listMinor: bigint;
  programmeMinor: bigint;
  tenantMinor: bigint;
};

const workloadOf = (window: AccruingWindow) =>
  "endpointId" in window ? window.endpointId : window.jobId;

/**
 * Each open window priced on its own, by the invoice's rounding rule (rateUsage): its
 * unit-seconds × the unit price, rounded once (listAmountOf), then the programme's share of that
 * at the award's rate, rounded once and capped by what the award has left (splitShares); the
 * tenant pays the rest. So a row's amounts follow from the row alone.
 *
 * The draft itself rates each line once on its whole quantity, settled and accruing together, so
 * the windows' amounts can differ from what they add to the line by up to a cent for each window
 * (one rounding per row instead of one for the line).
 *
 * `subsidyLeft` is the ledger rateUsage left after rating the settled lines (an award not in it
 * has its terms' subsidyLeftMinor); the windows draw on a copy of it, in line order.
 */
export function priceAccruingWindows(
  windows: readonly AccruingWindow[],
  prices: ReadonlyMap<string, PriceVersionTerms>,
  allocationOfLine: ReadonlyMap<string, AllocationTerms>,
  subsidyLeft: ReadonlyMap<string, bigint> = new Map(),
): AccruingCharge[] {
  const left = new Map(subsidyLeft);
  const ordered = [...windows].sort(
    (a, b) =>
      compareAggregates(a, b) ||
      (workloadOf(a) < workloadOf(b) ? -1 : workloadOf(a) > workloadOf(b) ? 1 : 0),
  );
  return ordered.map((window) => {
    const { listMinor, programmeMinor, tenantMinor } = rateAmounts(
      window,
      prices,
      allocationOfLine,
      left,
    );
    return { ...window, listMinor, programmeMinor, tenantMinor };
  });
}
