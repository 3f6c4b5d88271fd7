import { tp } from "@/i18n";
import { codeAndNameProblems } from "./catalogue-entry-checks";
import { readListPrice } from "./catalogue-price";
import { parseWholeNumber } from "./format";

/** The resource class form's fields as typed. */
export interface ResourceClassEntry {
  code: string;
  name: string;
  unit: string;
  price: string;
  power: string;
}

export type ResourceClassField =
  "code" | "name" | "unit" | "listPriceMinorPerHour" | "powerDrawWatts";

/** The same limits as the server's, so that the form says every problem in one round. */
const MAX_POWER_WATTS = 100_000;

/**
 * Every problem with a resource class as typed, all at once and in the form's order (code, name,
 * unit, price, power): checking the code and name only after the price was right made people
 * submit twice. `existing`: an edit, whose code is fixed. `tokens`: a tokens class, whose unit
 * and power the server sets.
 */
export function resourceClassProblems(
  entry: ResourceClassEntry,
  { existing, tokens, currency }: { existing: boolean; tokens: boolean; currency: string },
): {
  problems: [ResourceClassField, string][];
  priceMinor: number | null;
  powerWatts: number | null;
} {
  const r = tp.catalogue.required;
  const problems: [ResourceClassField, string][] = codeAndNameProblems(entry, existing, r);
  const unit = entry.unit.trim();
  if (!tokens) {
    if (!unit) problems.push(["unit", r.unit]);
    else if (unit.length > 40) problems.push(["unit", r.unitLong]);
  }
  const price = readListPrice(entry.price, currency);
  if (price.error !== null) problems.push(["listPriceMinorPerHour", price.error]);
  const power = tokens ? null : parseWholeNumber(entry.power);
  if (!tokens) {
    // "-700" is a whole number, only below zero: say so rather than "not a whole number".
    if (power === null && /^\s*[-\u2212]\s*\d[\d\s,]*$/.test(entry.power)) {
      problems.push(["powerDrawWatts", r.powerNegative]);
    } else if (power === null) problems.push(["powerDrawWatts", r.power]);
    else if (power > MAX_POWER_WATTS) problems.push(["powerDrawWatts", r.powerTooLarge]);
  }
  return { problems, priceMinor: price.minor, powerWatts: power };
}
