import type { ResourceKind } from "@tessera/db";
import { pricePer } from "@tessera/core/words";
import { tp } from "@/i18n";
import { formatMoney } from "./format";

/** A class quoted at one list price that the catalogue now lists at another. */
export interface RepricedClassView {
  name: string;
  kind: ResourceKind;
  unit: string;
  quotedMinor: number;
  nowMinor: number;
}

/**
 * "NVIDIA H100 80 GB was quoted at €2.95 per GPU-hour and is €3.50 per GPU-hour now; …", one
 * clause per class, as the decision panel and the allocations page both say it.
 */
export function repricedClassesText(
  classes: readonly RepricedClassView[],
  currency: string,
): string {
  return classes
    .map((c) =>
      tp.money.repricedClass(
        c.name,
        pricePer(formatMoney(c.quotedMinor, currency), c),
        pricePer(formatMoney(c.nowMinor, currency), c),
      ),
    )
    .join("; ");
}
