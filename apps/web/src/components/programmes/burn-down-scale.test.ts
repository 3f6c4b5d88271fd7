import { describe, expect, it } from "vitest";
import {
  AXIS_FRACTIONS,
  axisMoney,
  axisValues,
  burnDownPanels,
  burnDownScale,
  niceCeiling,
} from "./burn-down-scale";

describe("niceCeiling", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceCeiling(735)).toBe(1_000);
    expect(niceCeiling(1_000)).toBe(1_000);
    expect(niceCeiling(1_001)).toBe(2_000);
    expect(niceCeiling(2_100)).toBe(2_500);
    expect(niceCeiling(3_546)).toBe(5_000);
    expect(niceCeiling(0)).toBe(0);
  });
});

describe("burnDownScale", () => {
  it("scales to a small consumption and leaves a far larger award and budget off the scale", () => {
    // €35.46 consumed, projected to €700 by the programme's end, of €11,333 awarded and €2M.
    expect(
      burnDownScale({
        consumedMinor: [0, 2_926, 3_546],
        projectedMinor: [3_600, 70_000],
        awardedMinor: 1_133_300,
        budgetMinor: 200_000_000,
      }),
    ).toEqual({ peak: 100_000, drawAwarded: false, drawBudget: false });
  });

  it("draws the award and the budget when consumption comes close to them", () => {
    expect(
      burnDownScale({
        consumedMinor: [0, 40_000],
        projectedMinor: [100_000],
        awardedMinor: 150_000,
        budgetMinor: 180_000,
      }),
    ).toEqual({ peak: 200_000, drawAwarded: true, drawBudget: true });
  });

  it("reaches the budget when the projection runs it out", () => {
    expect(
      burnDownScale({
        consumedMinor: [10_000],
        projectedMinor: [50_000, 100_000],
        awardedMinor: 100_000,
        budgetMinor: 100_000,
      }),
    ).toEqual({ peak: 100_000, drawAwarded: true, drawBudget: true });
  });

  it("scales to the award while nothing is consumed, and to the budget before any award", () => {
    expect(
      burnDownScale({
        consumedMinor: [0, 0],
        projectedMinor: [],
        awardedMinor: 1_133_300,
        budgetMinor: 200_000_000,
      }),
    ).toEqual({ peak: 2_000_000, drawAwarded: true, drawBudget: false });
    expect(
      burnDownScale({ consumedMinor: [0], projectedMinor: [], awardedMinor: 0, budgetMinor: 0 }),
    ).toEqual({ peak: 1, drawAwarded: true, drawBudget: true });
  });
});

describe("burnDownPanels", () => {
  // The walk's programme: €35.46 consumed, €38,668.91 awarded, €2,000,000 budget.
  const walk = {
    consumedMinor: [0, 2_926, 3_546],
    projectedMinor: [3_600, 7_000],
    awardedMinor: 3_866_891,
    budgetMinor: 200_000_000,
  };

  it("puts the budget and the awarded amount in view on the first panel", () => {
    const { overviewPeak } = burnDownPanels(walk);
    expect(overviewPeak).toBe(200_000_000);
    expect(overviewPeak).toBeGreaterThanOrEqual(walk.budgetMinor);
    expect(overviewPeak).toBeGreaterThanOrEqual(walk.awardedMinor);
  });

  it("adds a close-up of a consumption too small to read against the budget", () => {
    expect(burnDownPanels(walk).closeUp).toEqual({
      peak: 10_000,
      drawAwarded: false,
      drawBudget: false,
    });
  });

  it("needs no close-up when consumption is already on the budget's scale", () => {
    const panels = burnDownPanels({
      consumedMinor: [0, 40_000],
      projectedMinor: [100_000],
      awardedMinor: 150_000,
      budgetMinor: 180_000,
    });
    expect(panels).toEqual({ overviewPeak: 200_000, closeUp: null });
  });
});

describe("the axis", () => {
  it("labels every gridline, top first, with whole amounts where they are whole", () => {
    expect(axisValues(200_000_000)).toEqual([200_000_000, 150_000_000, 100_000_000, 50_000_000, 0]);
    expect(AXIS_FRACTIONS).toHaveLength(axisValues(1).length);
    expect(axisMoney("€2,000,000.00")).toBe("€2,000,000");
    expect(axisMoney("€62.50")).toBe("€62.50");
    expect(axisMoney("€0.25")).toBe("€0.25");
    expect(axisMoney("¥1,000")).toBe("¥1,000");
  });
});
