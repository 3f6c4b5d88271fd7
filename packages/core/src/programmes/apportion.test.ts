import { describe, expect, it } from "vitest";
import { apportion } from "./apportion";

describe("apportion", () => {
  it("shares a total in proportion to the weights, adding up to it exactly", () => {
    expect(apportion(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(apportion(2_926n, [12n, 24n])).toEqual([975n, 1_951n]);
    expect(apportion(7n, [0n, 5n, 2n])).toEqual([0n, 5n, 2n]);
  });

  it("gives the units left over to the largest remainders", () => {
    // 10 × 3/7 = 4.29, 10 × 4/7 = 5.71: the second rounds up.
    expect(apportion(10n, [3n, 4n])).toEqual([4n, 6n]);
  });

  it("shares a negative total (a credit) the same way, negated", () => {
    expect(apportion(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it("puts the whole total on the first share when nothing weighs anything", () => {
    expect(apportion(5n, [0n, 0n])).toEqual([5n, 0n]);
    expect(apportion(0n, [])).toEqual([]);
  });

  it("refuses negative weights and a total with nowhere to go", () => {
    expect(() => apportion(1n, [-1n, 2n])).toThrow(RangeError);
    expect(() => apportion(1n, [])).toThrow(RangeError);
  });
});
