import { describe, expect, it } from "vitest";
import { priceLines } from "../programmes/pricing";
import { checkOrganizationLimit, fitGrantToLimit, grantsNothing } from "./award-rules";

describe("checkOrganizationLimit", () => {
  it("says how much is left and how far a request goes over it", () => {
    // Alpine: €150,000 limit, €10,780 already awarded, asks for €144,550 of programme share.
    const check = checkOrganizationLimit({
      capMinor: 15_000_000,
      awardedMinor: 1_078_000,
      requestedMinor: 14_455_000,
    });
    expect(check.remainingMinor).toBe(13_922_000);
    expect(check.overByMinor).toBe(533_000);
    expect(check.fits).toBe(false);
  });

  it("fits exactly at what is left, and never reports less than nothing left", () => {
    expect(
      checkOrganizationLimit({ capMinor: 100, awardedMinor: 40, requestedMinor: 60 }).fits,
    ).toBe(true);
    const spent = checkOrganizationLimit({ capMinor: 100, awardedMinor: 120, requestedMinor: 1 });
    expect(spent.remainingMinor).toBe(0);
    expect(spent.overByMinor).toBe(1);
  });
});

describe("grantsNothing", () => {
  const worth = (listValueMinor: number, programmeShareMinor: number, subsidyRateBps = 7_000) => ({
    listValueMinor,
    programmeShareMinor,
    subsidyRateBps,
  });
  it("is true when every line grants zero or the programme would pay nothing", () => {
    expect(grantsNothing([0, 0], worth(0, 0))).toBe(true);
    expect(grantsNothing([0, 1], worth(1, 0))).toBe(true);
    expect(grantsNothing([0, 1], worth(2, 1))).toBe(false);
  });
  it("lets a programme that pays no share (0 %) award compute worth its list value", () => {
    expect(grantsNothing([0, 10], worth(2_950, 0, 0))).toBe(false);
    expect(grantsNothing([0, 0], worth(0, 0, 0))).toBe(true);
  });
});

describe("fitGrantToLimit", () => {
  const lines = [
    { resourceClassId: "h100", unitHours: 70_000, listPriceMinorPerHour: 295 },
    { resourceClassId: "cpu", unitHours: 1_000, listPriceMinorPerHour: 7 },
  ];
  const shareOf = (hours: number[]) =>
    priceLines(
      lines.map((line, index) => ({ ...line, unitHours: hours[index]! })),
      7_000,
    ).totals.programmeShareMinor;

  it("leaves a request that fits as it is", () => {
    expect(fitGrantToLimit(lines, 7_000, 100_000_000)).toEqual([70_000, 1_000]);
  });

  it("scales a request down to the largest grant that fits what is left", () => {
    const limit = 13_922_000;
    const hours = fitGrantToLimit(lines, 7_000, limit);
    expect(shareOf(hours)).toBeLessThanOrEqual(limit);
    expect(hours[0]).toBeLessThan(70_000);
    // One more hour of the dearest class would no longer fit.
    expect(shareOf([hours[0]! + 1, hours[1]!])).toBeGreaterThan(limit - 300);
  });

  it("grants nothing when nothing is left", () => {
    expect(fitGrantToLimit(lines, 7_000, 0)).toEqual([0, 0]);
  });
});
