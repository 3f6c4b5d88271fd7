import { describe, expect, it } from "vitest";
import { endpointStops, type RenewalRow } from "./endpoint-stops";

const at = (time: string) => new Date(`2031-03-10T${time}Z`);
const MONTH_END = new Date("2031-04-01T00:00:00Z");
/** 2 replicas × 2 units for an hour's lease window: 14,400 unit-seconds a window, 4 a second. */
const WINDOW = 14_400n;

/** An endpoint of 2 ready replicas × 2 units whose window began at `leaseStartedAt`, counted to `now`. */
function endpoint(
  workloadId: string,
  leaseStartedAt: Date,
  now: Date,
  more: Partial<RenewalRow> = {},
): RenewalRow {
  const units = more.units ?? 4;
  return {
    kind: "ENDPOINT",
    workloadId,
    units,
    until: MONTH_END,
    allocationLineId: "line-1",
    lineRemaining: 0n,
    allocationEnds: null,
    holdUnitSeconds: WINDOW,
    leaseStartedAt,
    leaseSeconds: 3_600,
    desiredReplicas: 2,
    unitsPerReplica: 2,
    observedUnitSeconds: BigInt(units * ((now.getTime() - leaseStartedAt.getTime()) / 1000)),
    countedFrom: now,
    ...more,
  };
}

describe("endpointStops", () => {
  it("stops an endpoint at the first renewal with less than a whole window left, not when the rest would be spent", () => {
    const now = at("08:10:00");
    // One window left in the line besides its own: renewals at 08:30 (21,600 left with the
    // release: held) and 09:00 (14,400: held, none left); at 09:30 the release is 7,200, short
    // of a window. Spending it all at 4 a second would last until 10:00.
    const rows = [endpoint("a", at("08:00:00"), now, { lineRemaining: WINDOW })];
    expect(endpointStops(rows, now)).toEqual(
      new Map([["a", { at: at("09:30:00"), reason: "QUOTA" }]]),
    );
    // One unit-second short of that, the 09:00 renewal is already refused.
    const short = [endpoint("a", at("08:00:00"), now, { lineRemaining: WINDOW - 1n })];
    expect(endpointStops(short, now).get("a")).toEqual({ at: at("09:00:00"), reason: "QUOTA" });
    // A line already overdrawn is as good as empty.
    const overdrawn = [endpoint("a", at("08:00:00"), now, { lineRemaining: -5n })];
    expect(endpointStops(overdrawn, now).get("a")).toEqual({ at: at("08:30:00"), reason: "QUOTA" });
  });

  it("sizes each window on the desired replicas, while it uses only the ready ones", () => {
    const now = at("08:10:00");
    // 1 of 2 replicas ready: it uses 3,600 a half window, and each window holds 14,400.
    const rows = [endpoint("a", at("08:00:00"), now, { units: 2, lineRemaining: 10_000n })];
    // 08:30: 10,000 + 10,800 → 6,400 left; 09:00: 17,200 → 2,800; 09:30: 13,600 is short.
    expect(endpointStops(rows, now).get("a")).toEqual({ at: at("09:30:00"), reason: "QUOTA" });
  });

  it("interleaves the renewals of two endpoints on one line, each needing its own whole window", () => {
    const now = at("08:20:00");
    const rows = [
      endpoint("a", at("08:00:00"), now, { lineRemaining: WINDOW }),
      endpoint("b", at("08:15:00"), now, { lineRemaining: WINDOW }),
    ];
    // a 08:30: 14,400 + 7,200 released → holds, 7,200 left; b 08:45: 14,400 → holds, none left;
    // a 09:00: 7,200 < a window → stops, its 7,200 released; b 09:15: 14,400 → holds; b 09:45:
    // 7,200 → stops. Spending the 37,200 left at 8 a second would stop both at 09:37:30.
    expect(endpointStops(rows, now)).toEqual(
      new Map([
        ["a", { at: at("09:00:00"), reason: "QUOTA" }],
        ["b", { at: at("09:45:00"), reason: "QUOTA" }],
      ]),
    );
    // Another line's quota is not theirs: alone on a line with nothing left, each stops at its
    // first renewal.
    const apart = [rows[0]!, { ...rows[1]!, allocationLineId: "line-2", lineRemaining: 0n }];
    expect(endpointStops(apart, now)).toEqual(
      new Map([
        ["a", { at: at("09:30:00"), reason: "QUOTA" }],
        ["b", { at: at("08:45:00"), reason: "QUOTA" }],
      ]),
    );
  });

  it("stops an endpoint at its first renewal at or after its allocation's end, not at the end", () => {
    const now = at("08:10:00");
    const plenty = { lineRemaining: 10n ** 12n };
    const midWindow = [
      endpoint("a", at("08:00:00"), now, { ...plenty, allocationEnds: at("09:10:00") }),
    ];
    expect(endpointStops(midWindow, now).get("a")).toEqual({
      at: at("09:30:00"),
      reason: "ALLOCATION_END",
    });
    // A renewal at the very instant it ends is refused (a hold needs now < validTo).
    const onRenewal = [
      endpoint("a", at("08:00:00"), now, { ...plenty, allocationEnds: at("09:00:00") }),
    ];
    expect(endpointStops(onRenewal, now).get("a")).toEqual({
      at: at("09:00:00"),
      reason: "ALLOCATION_END",
    });
    // Ended already: it runs on to its next renewal.
    const ended = [
      endpoint("a", at("08:00:00"), now, { ...plenty, allocationEnds: at("08:05:00") }),
    ];
    expect(endpointStops(ended, now).get("a")?.at).toEqual(at("08:30:00"));
    // Short of quota and ended at the same renewal: the end is named, as the refusal names it.
    const both = [
      endpoint("a", at("08:00:00"), now, { lineRemaining: 0n, allocationEnds: at("08:20:00") }),
    ];
    expect(endpointStops(both, now).get("a")?.reason).toBe("ALLOCATION_END");
  });

  it("says nothing of a stop at or after the endpoint's until, when the month has ended first", () => {
    const now = at("08:10:00");
    const stopsAt = (until: Date) =>
      endpointStops([endpoint("a", at("08:00:00"), now, { until })], now).get("a");
    expect(stopsAt(at("08:45:00"))).toEqual({ at: at("08:30:00"), reason: "QUOTA" });
    expect(stopsAt(at("08:30:00"))).toBeUndefined();
    expect(stopsAt(at("08:20:00"))).toBeUndefined();
  });

  it("renews an overdue window at the next sweep, now, and counts what it used until then", () => {
    const now = at("08:40:00");
    // Due at 08:30 but not renewed yet: at 08:40 it has used 9,600 and releases 4,800.
    const rows = [endpoint("a", at("08:00:00"), now, { lineRemaining: 9_600n })];
    // 08:40: 14,400 → holds, none left; 09:10: 7,200 is short of a window.
    expect(endpointStops(rows, now).get("a")).toEqual({ at: at("09:10:00"), reason: "QUOTA" });
  });

  it("projects nothing more for a running job, which holds its whole walltime already", () => {
    const now = at("08:10:00");
    const job: RenewalRow = {
      ...endpoint("job", at("08:00:00"), now),
      kind: "TRAINING_JOB",
      leaseStartedAt: null,
    };
    expect(endpointStops([job], now).size).toBe(0);
  });
});
