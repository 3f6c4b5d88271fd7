import { countsTokens, type MeteredKind } from "../catalogue/metering-unit";
import { AppError } from "../errors";
import { grantedQuantityProblem } from "./quantity-messages";

export interface RequestedLine {
  resourceClassId: string;
  resourceClassName: string;
  /** What the class counts in: `unitHours` are hours, or millions of tokens for TOKENS. */
  kind: MeteredKind;
  /** "GPU", "CPU core"; "token" for a TOKENS class. */
  unit: string;
  unitHours: number;
  listPriceMinorPerHour: number;
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
    // The same sentence the decision form shows on the field.
    const problem = grantedQuantityProblem(granted, line.unitHours, {
      name: line.resourceClassName,
      kind: line.kind,
      unit: line.unit,
    });
    if (problem) throw new AppError("INVALID", problem);
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
