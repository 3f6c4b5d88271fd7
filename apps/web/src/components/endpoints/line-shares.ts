import { priceQuantity } from "@tessera/core/pricing";
import { ledgerUnitsPerPricedUnit } from "@tessera/core/words";
import { formatMoney } from "@/components/programmes/format";
import type { FormLine } from "@/components/workloads/types";
import { tp } from "@/i18n";

/** The shares are priced over this many unit-hours and shown per unit-hour to 10^-3 of a cent. */
const SHARE_HOURS = 1_000;
const SHARE_SUB_MINOR_DIGITS = 3;

/**
 * The line's list price per unit-hour with the programme's and the organisation's shares of one
 * unit-hour, exactly: priced by THE pricing rule over a thousand unit-hours and shown to the
 * thousandth of a cent, so a share times the units running gives the hour's share beside it
 * (€1.19 at 50 % is €0.595 each, not €0.60 and €0.59; €0.04 at 70 % is €0.028 and €0.012).
 */
export function lineShares(
  line: Pick<FormLine, "currency" | "listPriceMinorPerHour" | "subsidyRateBps"> & {
    resourceClass: Pick<FormLine["resourceClass"], "kind" | "unit">;
  },
) {
  const kind = line.resourceClass.kind;
  const priced = priceQuantity(
    ledgerUnitsPerPricedUnit(kind) * SHARE_HOURS,
    line.listPriceMinorPerHour,
    line.subsidyRateBps,
    kind,
  );
  const perUnitHour = (minorOfThousand: number) =>
    formatMoney(minorOfThousand, line.currency, { subMinorDigits: SHARE_SUB_MINOR_DIGITS });
  return {
    price: tp.money.perHour(
      formatMoney(line.listPriceMinorPerHour, line.currency),
      line.resourceClass.unit,
    ),
    programme: perUnitHour(priced.programmeShareMinor),
    tenant: perUnitHour(priced.tenantShareMinor),
  };
}
