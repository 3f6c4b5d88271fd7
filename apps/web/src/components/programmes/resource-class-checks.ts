import { tp } from "@/i18n";
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
  const problems: [ResourceClassField, string][] = [];
  const code = entry.code.trim().toLowerCase();
  const name = entry.name.trim();
  const unit = entry.unit.trim();
  if (!existing) {
    if (!code) problems.push(["code", r.code]);
    else if (code.length < 2) problems.push(["code", r.codeShort]);
    else if (code.length > 64) problems.push(["code", r.codeLong]);
    else if (!/^[a-z0-9][a-z0-9.-]*$/.test(code)) problems.push(["code", r.codeCharacters]);
  }
  if (!name) problems.push(["name", r.name]);
  else if (name.length < 2) problems.push(["name", r.nameShort]);
  else if (name.length > 120) problems.push(["name", r.nameLong]);
  if (!tokens) {
    if (!unit) problems.push(["unit", r.unit]);
    else if (unit.length > 40) problems.push(["unit", r.unitLong]);
  }
  const price = readListPrice(entry.price, currency);
  if (price.error !== null) problems.push(["listPriceMinorPerHour", price.error]);
  const power = tokens ? null : parseWholeNumber(entry.power);
  if (!tokens) {
    if (power === null) problems.push(["powerDrawWatts", r.power]);
    else if (power > MAX_POWER_WATTS) problems.push(["powerDrawWatts", r.powerTooLarge]);
  }
  return { problems, priceMinor: price.minor, powerWatts: power };
}
