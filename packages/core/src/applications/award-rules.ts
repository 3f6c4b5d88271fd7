import { priceLines, type PriceLineInput } from "../programmes/pricing";

/**
 * Where an award's programme share stands against what is left of the programme's limit per
 * organisation. The one rule behind the applicant's quote, the administrator's application page
 * and the approval form; the database applies the same sum when it books the award
 * (reserveProgrammeBudget), so a share that fits here is one the approval will accept.
 */
export interface OrganizationLimitCheck {
  capMinor: number;
  /** Programme share already awarded to the organisation by this programme. */
  awardedMinor: number;
  /** What the programme may still award the organisation (never below zero). */
  remainingMinor: number;
  /** The programme share asked for (or about to be granted). */
  requestedMinor: number;
  /** How far the request goes past what is left; zero when it fits. */
  overByMinor: number;
  fits: boolean;
}

export function checkOrganizationLimit(input: {
  capMinor: number;
  awardedMinor: number;
  requestedMinor: number;
}): OrganizationLimitCheck {
  const remainingMinor = Math.max(0, input.capMinor - input.awardedMinor);
  const overByMinor = Math.max(0, input.requestedMinor - remainingMinor);
  return { ...input, remainingMinor, overByMinor, fits: overByMinor === 0 };
}

/**
 * True when a grant gives nothing: zero on every line, or lines worth nothing — €0.00 at list
 * price, or, in a programme that pays a share, a €0.00 programme share (rounding). That is a
 * rejection, not an award. A programme with a 0 % rate pays nothing by design: its awards give
 * access to the compute, at the organisation's cost, and are worth their list value.
 */
export function grantsNothing(
  grantedUnitHours: readonly number[],
  value: { listValueMinor: number; programmeShareMinor: number; subsidyRateBps: number },
): boolean {
  return (
    grantedUnitHours.every((hours) => hours === 0) ||
    value.listValueMinor <= 0 ||
    (value.subsidyRateBps > 0 && value.programmeShareMinor <= 0)
  );
}

/**
 * The largest grant, line by line no more than requested, whose programme share fits within
 * `limitMinor`: every line scaled down by the same fraction (rounded down to whole units), then
 * trimmed one unit at a time from the dearest line while rounding still leaves it over. Returns the
 * requested hours unchanged when they fit.
 */
export function fitGrantToLimit(
  lines: readonly PriceLineInput[],
  subsidyRateBps: number,
  limitMinor: number,
): number[] {
  const share = (hours: readonly number[]) =>
    priceLines(
      lines.map((line, index) => ({ ...line, unitHours: hours[index] ?? 0 })),
      subsidyRateBps,
    ).totals.programmeShareMinor;
  const requested = lines.map((line) => line.unitHours);
  const requestedShare = share(requested);
  if (requestedShare <= limitMinor) return requested;
  if (limitMinor <= 0) return requested.map(() => 0);
  const fraction = limitMinor / requestedShare;
  const hours = requested.map((unitHours) => Math.floor(unitHours * fraction));
  const byPrice = lines
    .map((line, index) => ({ index, price: line.listPriceMinorPerHour }))
    .sort((a, b) => b.price - a.price);
  while (share(hours) > limitMinor) {
    const dearest = byPrice.find(({ index }) => (hours[index] ?? 0) > 0);
    if (!dearest) break;
    hours[dearest.index] = (hours[dearest.index] ?? 0) - 1;
  }
  return hours;
}
