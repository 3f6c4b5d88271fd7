import { callState } from "./call-state";

/**
 * When the programme ends, for its dashboard and the exhaustion projection: consumption runs
 * until its last award ends — but while a call is still open or to open (a rolling call, say),
 * more awards can come, so the programme runs at least until that call closes. `basis` says which
 * date it is: "award" only once no call is open or to open (the end is firm); "awardSoFar" when the
 * last award ends no earlier than such a call closes (an award made on it may still run longer);
 * "call" when the call closes later; null before any award and with no call still to close.
 */
export interface ProgrammeEnd {
  endsAt: Date | null;
  basis: "award" | "awardSoFar" | "call" | null;
}

/** Pure: see ProgrammeEnd. */
export function programmeEnd(input: {
  lastAwardEndsAt: Date | null;
  calls: readonly { opensAt: Date; closesAt: Date }[];
  now: Date;
}): ProgrammeEnd {
  const stillOpen = input.calls
    .filter((call) => callState(call, input.now) !== "CLOSED")
    .map((call) => call.closesAt.getTime());
  const callCloses = stillOpen.length > 0 ? Math.max(...stillOpen) : null;
  const award = input.lastAwardEndsAt?.getTime() ?? null;
  if (callCloses !== null && (award === null || callCloses > award)) {
    return { endsAt: new Date(callCloses), basis: "call" };
  }
  if (award !== null) {
    return { endsAt: new Date(award), basis: callCloses === null ? "award" : "awardSoFar" };
  }
  return { endsAt: null, basis: null };
}
