import { AppError } from "../errors";
import { MAX_DECLARED_AID_MINOR } from "../money-limits";
import { parseDay, threeYearWindow, inWindow } from "./undertaking";
import { formatDay } from "./ceiling";

/** Other de minimis aid as the applicant declares it: who granted it, how much, and when. */
export interface DeclaredAidInput {
  grantor: string;
  /** Euro cents. */
  amountMinor: number;
  /** The day it was granted, "YYYY-MM-DD". */
  grantedOn: string;
}

export const MAX_DECLARED_AID = 20;

/**
 * Pure: checks an applicant's declaration of other de minimis aid against `today` (a
 * "YYYY-MM-DD" day in Brussels): each entry names a grantor, a positive whole number of euro
 * cents, and a day within the last three years, not in the future. Returns the entries trimmed.
 */
export function checkDeclaredAid(
  entries: readonly DeclaredAidInput[],
  today: string,
): DeclaredAidInput[] {
  if (entries.length > MAX_DECLARED_AID) {
    throw new AppError(
      "INVALID",
      `Declare at most ${MAX_DECLARED_AID} grants of other aid; add smaller ones from the same grantor together.`,
    );
  }
  const window = threeYearWindow(today);
  const seen = new Map<string, number>();
  return entries.map((entry, index) => {
    const which = `Other aid ${index + 1}`;
    const grantor = entry.grantor.trim();
    if (grantor.length < 2 || grantor.length > 200) {
      throw new AppError("INVALID", `${which}: name who granted it (2 to 200 characters).`);
    }
    if (!Number.isSafeInteger(entry.amountMinor) || entry.amountMinor > MAX_DECLARED_AID_MINOR) {
      throw new AppError(
        "INVALID",
        `${which}: the amount must be in whole euro cents, at most ${(MAX_DECLARED_AID_MINOR / 100).toLocaleString("en-GB")} euros.`,
      );
    }
    if (entry.amountMinor <= 0) {
      throw new AppError("INVALID", `${which}: the amount must be more than €0.00.`);
    }
    const day = parseDay(entry.grantedOn);
    if (!day) throw new AppError("INVALID", `${which}: the date granted is not a real date.`);
    if (day > window.through) {
      throw new AppError("INVALID", `${which}: the date granted cannot be in the future.`);
    }
    if (!inWindow(day, window)) {
      throw new AppError(
        "INVALID",
        `${which}: only aid granted in the last three years counts — after ${formatDay(window.after)}. Leave older aid out.`,
      );
    }
    // Identical entries count once in the ledger (the same aid declared with several
    // applications), so two grants alike in every way must be declared as one.
    const key = `${grantor.toLowerCase()}|${day}|${entry.amountMinor}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new AppError(
        "INVALID",
        `${which} repeats other aid ${earlier + 1}: if they are two grants, declare them as one with the amounts added together.`,
      );
    }
    seen.set(key, index);
    return { grantor, amountMinor: entry.amountMinor, grantedOn: day };
  });
}
