import { AppError } from "../errors";

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

export function checkCap(budgetMinor: number, orgCapMinor: number): void {
  if (orgCapMinor > budgetMinor) {
    throw new AppError(
      "INVALID",
      "The limit per organisation cannot be more than the programme's whole budget.",
    );
  }
}
