export type CallState = "UPCOMING" | "OPEN" | "CLOSED";

/** Pure: a call takes applications from `opensAt` (inclusive) until `closesAt` (exclusive). */
export function callState(call: { opensAt: Date; closesAt: Date }, now: Date): CallState {
  if (now.getTime() < call.opensAt.getTime()) return "UPCOMING";
  if (now.getTime() < call.closesAt.getTime()) return "OPEN";
  return "CLOSED";
}
