import { MAX_PROGRAMME_AMOUNT_MINOR } from "@tessera/core/money-limits";
import { tp } from "@/i18n";
import { formatMoney, minorDigits, readMoneyEntry, type MoneyEntry } from "./format";

type AmountMessages = typeof tp.programmeForm.required.budget;

/**
 * An amount typed into the programme form, as integer minor units of the programme's currency,
 * or the field's one message that says what to change: more than zero, to the cent, up to the
 * most the API takes.
 */
function readProgrammeAmount(input: string, currency: string, m: AmountMessages): MoneyEntry {
  return readMoneyEntry(
    input,
    currency,
    { min: 1, max: MAX_PROGRAMME_AMOUNT_MINOR },
    {
      empty: m.empty,
      notANumber: m.notANumber,
      tooManyDecimals: m.tooManyDecimals(minorDigits(currency)),
      tooSmall: m.tooSmall,
      tooLarge: m.tooLarge(formatMoney(MAX_PROGRAMME_AMOUNT_MINOR, currency)),
    },
  );
}

/** The programme's budget. */
export function readProgrammeBudget(input: string, currency: string): MoneyEntry {
  return readProgrammeAmount(input, currency, tp.programmeForm.required.budget);
}

/** The limit per organisation (that it is at most the budget is checked apart). */
export function readProgrammeCap(input: string, currency: string): MoneyEntry {
  return readProgrammeAmount(input, currency, tp.programmeForm.required.cap);
}
