import { MAX_BUDGET_MINOR } from "@tessera/core/money-limits";
import {
  formatMoney,
  minorDigits,
  readMoneyEntry,
  type MoneyEntry,
} from "@/components/programmes/format";
import { tg } from "@/i18n";

/**
 * The monthly budget typed into the budget form, as integer minor units of the billing currency,
 * or the one message that says what to change (too many decimals, too large, not a number, zero
 * or less): never a guess at what was meant.
 */
export function readBudgetAmount(input: string, currency: string): MoneyEntry {
  const f = tg.form;
  const max = Number(MAX_BUDGET_MINOR);
  return readMoneyEntry(
    input,
    currency,
    { min: 1, max },
    {
      empty: f.amountRequired,
      notANumber: f.amountNotANumber,
      tooManyDecimals: f.amountTooManyDecimals(minorDigits(currency)),
      tooSmall: f.amountTooSmall,
      tooLarge: f.amountTooLarge(formatMoney(max, currency)),
    },
  );
}
