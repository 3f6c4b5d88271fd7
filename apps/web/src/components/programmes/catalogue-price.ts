import { MAX_PRICE_MINOR_PER_HOUR } from "@tessera/core/money-limits";
import { tp } from "@/i18n";
import { formatMoney, readMoneyEntry, type MoneyEntry } from "./format";

/**
 * A resource class's list price typed into the catalogue form, as integer minor units, or the one
 * message that says what to change: prices are whole cents, zero or more, up to the catalogue's
 * maximum.
 */
export function readListPrice(input: string, currency: string): MoneyEntry {
  const r = tp.catalogue.required;
  return readMoneyEntry(
    input,
    currency,
    { min: 0, max: MAX_PRICE_MINOR_PER_HOUR },
    {
      empty: r.price,
      notANumber: r.priceNotANumber,
      tooManyDecimals: r.priceWholeCents,
      tooSmall: r.priceNegative,
      tooLarge: r.priceTooLarge(formatMoney(MAX_PRICE_MINOR_PER_HOUR, currency)),
    },
  );
}
