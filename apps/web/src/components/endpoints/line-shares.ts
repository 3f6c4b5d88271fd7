import { rateOf } from "@tessera/core/pricing";
import { formatHourlyRate, formatMoney } from "@/components/programmes/format";
import type { FormLine } from "@/components/workloads/types";
import { tp } from "@/i18n";

/**
 * The line's list price per unit-hour with the programme's and the organisation's shares of one
 * unit-hour, exactly: their rates by THE pricing rule (rateOf), shown to the thousandth of a
 * cent, so a share times the units running gives the hour's share beside it
 * (€1.19 at 50 % is €0.595 each, not €0.60 and €0.59; €0.04 at 70 % is €0.028 and €0.012).
 */
export function lineShares(
  line: Pick<FormLine, "currency" | "listPriceMinorPerHour" | "subsidyRateBps"> & {
    resourceClass: Pick<FormLine["resourceClass"], "kind" | "unit">;
  },
) {
  const rate = rateOf(1, line.listPriceMinorPerHour, line.subsidyRateBps, line.resourceClass.kind);
  return {
    price: tp.money.perHour(
      formatMoney(line.listPriceMinorPerHour, line.currency),
      line.resourceClass.unit,
    ),
    programme: formatHourlyRate(rate.programmeShareMilliMinor, line.currency),
    tenant: formatHourlyRate(rate.tenantShareMilliMinor, line.currency),
  };
}
