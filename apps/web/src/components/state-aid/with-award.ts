/**
 * Pure: an undertaking's de minimis total with an award added, against the ceiling, in euro
 * cents — the one sum behind the state-aid panel, the decision form and its confirmation.
 */
export function deMinimisWithAward(
  standing: { receivedMinor: number; ceilingMinor: number },
  awardMinor: number,
): { totalMinor: number; leftMinor: number; overMinor: number } {
  const totalMinor = standing.receivedMinor + awardMinor;
  return {
    totalMinor,
    leftMinor: Math.max(0, standing.ceilingMinor - totalMinor),
    overMinor: Math.max(0, totalMinor - standing.ceilingMinor),
  };
}
