import { countsTokens, type MeteredKind } from "../catalogue/metering-unit";
import { AppError } from "../errors";
import { formatPricedUnits } from "../quota/format-ledger-quantity";

export interface RequestedLine {
  resourceClassId: string;
  resourceClassName: string;
  /** What the class counts in: `unitHours` are hours, or millions of tokens for TOKENS. */
  kind: MeteredKind;
  unitHours: number;
  listPriceMinorPerHour: number;
}

/** "1000 hours" as the messages have always said it; "2 million tokens" for a token tier. */
function requestedAmount(line: RequestedLine): string {
  return countsTokens(line.kind)
    ? formatPricedUnits(line.unitHours, { kind: line.kind, unit: "token" })
    : `${line.unitHours} hours`;
}

export interface GrantInput {
  resourceClassId: string;
  grantedUnitHours: number;
}

/**
 * Pure: what an approval grants per requested line. Lines the administrator does not mention are
 * granted as requested; a grant may be lower than the request, never higher, and never for a
 * class that was not requested. At least one hour (or million tokens) must be granted (to grant
 * nothing, reject).
 */
export function grantLines(
  requested: readonly RequestedLine[],
  grants: readonly GrantInput[] | null | undefined,
): (RequestedLine & { grantedUnitHours: number })[] {
  const byClass = new Map(
    (grants ?? []).map((grant) => [grant.resourceClassId, grant.grantedUnitHours]),
  );
  if (byClass.size !== (grants ?? []).length) {
    throw new AppError("INVALID", "Each resource class may appear only once in the grant.");
  }
  const requestedIds = new Set(requested.map((line) => line.resourceClassId));
  for (const id of byClass.keys()) {
    if (!requestedIds.has(id)) {
      throw new AppError(
        "INVALID",
        "You can grant only resource classes the application asked for.",
      );
    }
  }
  const lines = requested.map((line) => {
    const granted = byClass.get(line.resourceClassId) ?? line.unitHours;
    if (!Number.isSafeInteger(granted) || granted < 0) {
      throw new AppError(
        "INVALID",
        `Grant a whole number of ${countsTokens(line.kind) ? "millions of tokens" : "hours"} of ${line.resourceClassName}, zero or more.`,
      );
    }
    if (granted > line.unitHours) {
      throw new AppError(
        "INVALID",
        `You can grant at most the ${requestedAmount(line)} of ${line.resourceClassName} that were requested.`,
      );
    }
    return { ...line, grantedUnitHours: granted };
  });
  if (lines.every((line) => line.grantedUnitHours === 0)) {
    throw new AppError(
      "INVALID",
      requested.every((line) => countsTokens(line.kind))
        ? "Grant at least a million tokens, or reject the application instead."
        : "Grant at least one hour, or reject the application instead.",
    );
  }
  return lines;
}
