/**
 * Pure formatters the web tier's client components share with the domain's messages, so a
 * figure or a limit reads the same in a preview as in the server's refusal. No server imports.
 */
export { formatUnitHours, unitHourPartsTotal } from "./quota/format-unit-hours";
export {
  formatLedgerQuantity,
  formatPricedUnits,
  formatTokens,
  pricePer,
} from "./quota/format-ledger-quantity";
export {
  countsTokens,
  ledgerUnitsPerPricedUnit,
  SECONDS_PER_UNIT_HOUR,
  pricedUnitName,
  pricedUnitsName,
  pricedUnitsToLedger,
  type MeteredClass,
  type MeteredKind,
} from "./catalogue/metering-unit";
export { formatDurationLimit } from "./workloads/format-duration-limit";
export { quotaShortfallFigures, quotaShortfallMessage } from "./quota/quota-shortfall-message";
export { formatDuration, formatQuota, secondsRun } from "./workloads/format-usage";
export { formatPercent } from "./programmes/format-percent";
export {
  accruingQuantitiesByUnit,
  formatBilledUnitHours,
  formatMeteredQuantity,
  formatMeteredUnitHours,
  unitHoursOf,
} from "./billing/format-billed-quantity";
