import { describe, expect, it } from "vitest";
import { windowEnergyUpTo, type AccruingAggregate } from "./accruing-endpoint-usage";

const START = new Date("2026-12-07T14:00:00Z");
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

/** An open window of 2 replicas × 2 units at 700 W a unit, `unitSeconds` accrued so far. */
const window = (unitSeconds: bigint): AccruingAggregate => ({
  endpointId: "ep-1",
  windowStart: START,
  replicaUnits: 4,
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
    expect(windowEnergyUpTo(window(4n * 3_000n), at(90))).toBe(70_000n);
  });

  it("never counts more than the window has accrued so far", () => {
    // Replicas ready only 30 s of the 90: 120 unit-seconds, 23.333 Wh rounded half up.
    expect(windowEnergyUpTo(window(120n), at(90))).toBe(23_333n);
  });
});
