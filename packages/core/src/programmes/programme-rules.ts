import { AppError } from "../errors";
import { MAX_PROGRAMME_AMOUNT_MINOR } from "../money-limits";

export interface CallInput {
  name: string;
  opensAt: Date;
  closesAt: Date;
}

/** Pure checks shared by creating and changing programmes and calls. */
export function checkCall(call: CallInput): void {
  if (call.closesAt.getTime() <= call.opensAt.getTime()) {
    throw new AppError("INVALID", `The call "${call.name}" must close after it opens.`);
  }
}

/**
 * A programme's budget or limit per organisation: a whole number of minor units, more than zero
 * and at most MAX_PROGRAMME_AMOUNT_MINOR (the same limits the API's schema and the form apply).
 */
export function checkProgrammeAmount(
  label: "budget" | "limit per organisation",
  minor: number,
): void {
  if (!Number.isSafeInteger(minor) || minor > MAX_PROGRAMME_AMOUNT_MINOR) {
    throw new AppError(
      "INVALID",
      `The programme's ${label} must be a whole number of minor units (cents), at most ${MAX_PROGRAMME_AMOUNT_MINOR.toLocaleString("en-GB")}.`,
    );
  }
  if (minor < 1) {
    throw new AppError("INVALID", `The programme's ${label} must be more than zero.`);
  }
}

export function checkCap(budgetMinor: number, orgCapMinor: number): void {
  if (orgCapMinor > budgetMinor) {
    throw new AppError(
      "INVALID",
      "The limit per organisation cannot be more than the programme's whole budget.",
    );
  }
}
