import { describe, expect, it } from "vitest";
import { windowEnergyUpTo, type AccruingAggregate } from "./accruing-endpoint-usage";

const START = new Date("2026-12-07T14:00:00Z");
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

/**
 * An open window of 2 replicas × 2 units at 700 W a unit, last observed `observedAt` seconds in
 * with `observed` unit-seconds counted by then, `unitSeconds` accrued at the reading.
 */
const window = (unitSeconds: bigint, observedAt = 0, observed = 0n): AccruingAggregate => ({
  endpointId: "ep-1",
  windowStart: START,
  replicaUnits: 4,
  lastObservedAt: at(observedAt),
  observedUnitSeconds: observed,
  powerDrawWatts: 700,
  resourceClassId: "h100",
  priceVersionId: "pv",
  allocationLineId: "line",
  allocationId: "award",
  usagePeriod: "2026-12",
  unitSeconds,
  tokens: 0n,
  energyMilliWh: 0n,
  energyMeasured: false,
});

describe("windowEnergyUpTo", () => {
  it("counts the replicas' time from the window's start to the call, however long the window has run since", () => {
    // 4 units × 90 s × 700 W = 70 Wh.
    expect(windowEnergyUpTo(window(4n * 600n), at(90))).toBe(70_000n);
    expect(windowEnergyUpTo(window(4n * 3_000n, 2_900, 4n * 2_900n), at(90))).toBe(70_000n);
  });

  it("counts only the time the replicas were ready, and reads the same as later observations come in", () => {
    // Woken from zero: ready 60 s into the window (nothing counted by then), called at 90 s.
    // 4 units × 30 s × 700 W = 23.333 Wh, rounded half up, read right after the call…
    expect(windowEnergyUpTo(window(4n * 31n, 60, 0n), at(90))).toBe(23_333n);
    // …a minute later, before the cluster reports again…
    expect(windowEnergyUpTo(window(4n * 150n, 60, 0n), at(90))).toBe(23_333n);
    // …and after it has reported the same replicas at 180 s and at 300 s.
    expect(windowEnergyUpTo(window(4n * 120n, 180, 4n * 120n), at(90))).toBe(23_333n);
    expect(windowEnergyUpTo(window(4n * 250n, 300, 4n * 240n), at(90))).toBe(23_333n);
  });

  it("never counts more than the window has accrued so far", () => {
    expect(windowEnergyUpTo(window(40n, 60, 0n), at(90))).toBe(7_778n);
  });
});
