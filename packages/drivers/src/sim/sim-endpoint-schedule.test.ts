import { describe, expect, it } from "vitest";
import { scheduleSimReplicas, type SimReplicaDemand } from "./sim-endpoint-schedule";

const T0 = Date.UTC(2026, 2, 1, 10);
const demand = (
  id: string,
  replicas: number,
  unitsPerReplica: number,
  changedSecond: number,
  resourceClassId: string | null = "l40s",
): SimReplicaDemand => ({
  id,
  replicas,
  unitsPerReplica,
  resourceClassId,
  changedAt: new Date(T0 + changedSecond * 1000),
});

describe("scheduleSimReplicas", () => {
  it("places whole replicas in the order endpoints changed, never past the capacity", () => {
    const schedule = scheduleSimReplicas(
      [demand("2", 2, 4, 5), demand("1", 1, 1, 0), demand("3", 1, 1, 9)],
      new Map([["l40s", 8]]),
      new Map(),
    );
    expect(schedule.placed).toEqual(
      new Map([
        ["1", 1],
        ["2", 1],
        ["3", 1],
      ]),
    );
    expect(schedule.unitsByClass.get("l40s")).toBe(1 + 4 + 1);
  });

  it("leaves running jobs their units and runs every replica of a class it does not account for", () => {
    const schedule = scheduleSimReplicas(
      [demand("1", 3, 2, 0), demand("2", 2, 1, 1, null)],
      new Map([["l40s", 8]]),
      new Map([["l40s", 3]]),
    );
    expect(schedule.placed.get("1")).toBe(2);
    expect(schedule.placed.get("2")).toBe(2);
    expect(schedule.unitsByClass.get("l40s")).toBe(4);
  });
});
