import { MAX_DECLARED_AID_MINOR } from "@tessera/core/money-limits";
import { formatMoney, readMoneyEntry, type MoneyEntry } from "@/components/programmes/format";
import { tsa } from "@/i18n";

/**
 * The amount of the `n`th other de minimis aid declared, typed in euros, as euro cents, or the one
 * message that says what to change: more than €0.00, to the cent, up to the most the API takes.
 */
export function readDeclaredAidAmount(input: string, n: number): MoneyEntry {
  const r = tsa.declaration.required;
  return readMoneyEntry(
    input,
    "EUR",
    { min: 1, max: MAX_DECLARED_AID_MINOR },
    {
      empty: r.amount(n),
      notANumber: r.amountNotANumber(n),
      tooManyDecimals: r.amountTooManyDecimals(n),
      tooSmall: r.amountTooSmall(n),
      tooLarge: r.amountTooLarge(n, formatMoney(MAX_DECLARED_AID_MINOR, "EUR")),
    },
  );
}
