import { apportion } from "../programmes/apportion";
import { lineKeyOf } from "./accruing-endpoint-usage";
import type { RatedLine, UsageAggregate } from "./rate-usage";

type Amounts = Pick<RatedLine, "listMinor" | "programmeMinor">;

/**
 * What each of `added` adds to the lines it is billed on, when a line is priced once with it in
 * it: the line rated with the additions (`withAdded`) less the line rated without them
 * (`without`), shared out over the line's additions by unit-seconds (apportion), the tenant's
 * share being list − programme. The parts add up exactly to what the additions add to the lines,
 * which a budget's projection needs (its running items add up to the projected total). Should the
 * additions take an award past what is left of its subsidy, a later line of that award loses
 * programme share to them; that shift stays on that line.
 */
export function shareOutAdded<W extends UsageAggregate>(
  withAdded: readonly RatedLine[],
  without: readonly RatedLine[],
  added: readonly W[],
): (W & Amounts & { tenantMinor: bigint })[] {
  const byKey = (lines: readonly RatedLine[]) =>
    new Map<string, Amounts>(lines.map((line) => [lineKeyOf(line), line]));
  const rated = byKey(withAdded);
  const before = byKey(without);
  const addedTo = new Map<string, W[]>();
  for (const item of added) {
    const key = lineKeyOf(item);
    addedTo.set(key, [...(addedTo.get(key) ?? []), item]);
  }
  const parts: (W & Amounts & { tenantMinor: bigint })[] = [];
  for (const [key, ofLine] of addedTo) {
    const line = rated.get(key);
    const settled = before.get(key);
    const gain = (amount: keyof Amounts) => (line?.[amount] ?? 0n) - (settled?.[amount] ?? 0n);
    const weights = ofLine.map((item) => item.unitSeconds);
    const list = apportion(gain("listMinor"), weights);
    const programme = apportion(gain("programmeMinor"), weights);
    ofLine.forEach((item, index) => {
      parts.push({
        ...item,
        listMinor: list[index]!,
        programmeMinor: programme[index]!,
        tenantMinor: list[index]! - programme[index]!,
      });
    });
  }
  return parts;
}
