import { describe, expect, it } from "vitest";
import { priceAccruingWindows, type AccruingWindow } from "./price-accruing-windows";
import type { AllocationTerms, PriceVersionTerms } from "./rate-usage";

const prices = new Map<string, PriceVersionTerms>([
  ["pv-cpu", { minorPerUnitHour: 4, minorPerMillionTokens: null }],
  ["pv-h100", { minorPerUnitHour: 295, minorPerMillionTokens: null }],
]);
const award: AllocationTerms = {
  allocationId: "award",
  subsidyRateBps: 7_000,
  subsidyLeftMinor: 1_000_000n,
};
const allocationOfLine = new Map([["line", award]]);

const window = (
  over: Partial<AccruingWindow> & { priceVersionId: string; unitSeconds: bigint },
): AccruingWindow => ({
  endpointId: "ep-1",
  windowStart: new Date("2026-12-01T10:00:00Z"),
  replicaUnits: 1,
  lastObservedAt: new Date("2026-12-01T10:00:00Z"),
  observedUnitSeconds: 0n,
  powerDrawWatts: 700,
  resourceClassId: over.priceVersionId === "pv-cpu" ? "cpu" : "h100",
  allocationLineId: "line",
  allocationId: "award",
  usagePeriod: "2026-12",
  tokens: 0n,
  energyMilliWh: 0n,
  energyMeasured: false,
  ...over,
});

const amounts = (charge: { listMinor: bigint; programmeMinor: bigint; tenantMinor: bigint }) => [
  charge.listMinor,
  charge.programmeMinor,
  charge.tenantMinor,
];

describe("priceAccruingWindows", () => {
  it("prices a row on its own: its quantity × the unit price, then the programme's rate", () => {
    // 0.513 core-hours at 4 cents: 2.05 → 2 cents; 70 % of 2 = 1.4 → 1 (not the 2 that the
    // line's 4 cents less the settled line's 2 cents would give the programme).
    const [cpu] = priceAccruingWindows(
      [window({ priceVersionId: "pv-cpu", unitSeconds: 1_847n })],
      prices,
      allocationOfLine,
    );
    expect(amounts(cpu!)).toEqual([2n, 1n, 1n]);
    // 0.630 GPU-hours at €2.95: 185.85 → €1.86.
    const [gpu] = priceAccruingWindows(
      [window({ priceVersionId: "pv-h100", unitSeconds: 2_268n, allocationLineId: null })],
      prices,
      allocationOfLine,
    );
    expect(amounts(gpu!)).toEqual([186n, 0n, 186n]);
  });

  it("caps the programme's share by what the award has left after the settled lines", () => {
    const windows = [
      window({ priceVersionId: "pv-h100", unitSeconds: 3_600n, endpointId: "ep-a" }),
      window({ priceVersionId: "pv-h100", unitSeconds: 3_600n, endpointId: "ep-b" }),
    ];
    const charges = priceAccruingWindows(
      windows,
      prices,
      allocationOfLine,
      new Map([["award", 300n]]),
    );
    // 295 list each; 70 % = 206.5 → 206 (half to even); the second gets the 94 left.
    expect(charges.map(amounts)).toEqual([
      [295n, 206n, 89n],
      [295n, 94n, 201n],
    ]);
  });

  it("says which price version is missing rather than pricing at zero", () => {
    expect(() =>
      priceAccruingWindows(
        [window({ priceVersionId: "pv-gone", unitSeconds: 60n })],
        prices,
        allocationOfLine,
      ),
    ).toThrow("No price version pv-gone");
  });
});
