import { apportion } from "../programmes/apportion";
import { lineKeyOf, type AccruingAggregate } from "./accruing-endpoint-usage";
import type { AccruingJobAggregate } from "./accruing-job-usage";
import type { RatedLine, UsageAggregate } from "./rate-usage";

/** Time counted up to now, not yet settled: an endpoint's open window or a running job's time. */
export type AccruingWindow = AccruingAggregate | AccruingJobAggregate;

/** An accruing window with what it adds to the live draft's amounts, before VAT. */
export type AccruingCharge = AccruingWindow & {
  listMinor: bigint;
  programmeMinor: bigint;
  tenantMinor: bigint;
};

type Amounts = Pick<RatedLine, "listMinor" | "programmeMinor">;

/**
 * What each open window adds to "Charges so far": a line is priced once with its windows in it,
 * so a window has no price of its own — its amount is the line rated with the windows less the
 * line rated without them, shared out over the line's windows by unit-seconds (apportion), the
 * tenant's share being list − programme. The windows' amounts then add up exactly to what they
 * add to the draft's lines. (Should the windows take an award past what is left of its subsidy,
 * a later line of that award loses programme share to them; that shift stays on that line.)
 *
 * Any usage not yet in the lines prices the same way (a budget's projection prices the time that
 * running work has still to run with it). `withWindows` and `settledOnly` are rateUsage of the draft's aggregates with and without the
 * windows, rated with the same terms.
 */
export function priceAccruingWindows<W extends UsageAggregate = AccruingWindow>(
  withWindows: readonly RatedLine[],
  settledOnly: readonly RatedLine[],
  windows: readonly W[],
): (W & Amounts & { tenantMinor: bigint })[] {
  const byKey = (lines: readonly RatedLine[]) =>
    new Map<string, Amounts>(lines.map((line) => [lineKeyOf(line), line]));
  const rated = byKey(withWindows);
  const settled = byKey(settledOnly);
  const windowsOf = new Map<string, W[]>();
  for (const window of windows) {
    const key = lineKeyOf(window);
    windowsOf.set(key, [...(windowsOf.get(key) ?? []), window]);
  }
  const charges: (W & Amounts & { tenantMinor: bigint })[] = [];
  for (const [key, ofLine] of windowsOf) {
    const line = rated.get(key);
    const before = settled.get(key);
    const added = (amount: keyof Amounts) => (line?.[amount] ?? 0n) - (before?.[amount] ?? 0n);
    const weights = ofLine.map((window) => window.unitSeconds);
    const list = apportion(added("listMinor"), weights);
    const programme = apportion(added("programmeMinor"), weights);
    ofLine.forEach((window, index) => {
      charges.push({
        ...window,
        listMinor: list[index]!,
        programmeMinor: programme[index]!,
        tenantMinor: list[index]! - programme[index]!,
      });
    });
  }
  return charges;
}
