import { priceQuantity } from "@tessera/core/pricing";
import { ledgerUnitsPerPricedUnit } from "@tessera/core/words";
import { formatMoney } from "@/components/programmes/format";
import type { FormLine } from "@/components/workloads/types";
import { te, tp } from "@/i18n";

/**
 * The line's list price per unit-hour with the programme's and the organisation's shares — of one
 * unit-hour, or of a hundred when one costs less than a whole unit of money (the shares of €0.04
 * would round to €0.03 and €0.01 and misstate the programme's rate).
 */
export function lineShares(
  line: Pick<FormLine, "currency" | "listPriceMinorPerHour" | "subsidyRateBps"> & {
    resourceClass: Pick<FormLine["resourceClass"], "kind" | "unit">;
  },
) {
  const money = (minor: number) => formatMoney(minor, line.currency);
  const kind = line.resourceClass.kind;
  const hours = line.listPriceMinorPerHour < 100 ? 100 : 1;
  const priced = priceQuantity(
    ledgerUnitsPerPricedUnit(kind) * hours,
    line.listPriceMinorPerHour,
    line.subsidyRateBps,
    kind,
  );
  const price = tp.money.perHour(money(line.listPriceMinorPerHour), line.resourceClass.unit);
  return {
    price:
      hours === 1
        ? price
        : te.form.ofHours(price, hours, line.resourceClass.unit, money(priced.listValueMinor)),
    programme: money(priced.programmeShareMinor),
    tenant: money(priced.tenantShareMinor),
  };
}
