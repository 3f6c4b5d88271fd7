import { describe, expect, it } from "vitest";
import { UNSEEN_ACCRUAL_SECONDS } from "../../workloads/lifecycle/record-workloads-seen";
import { accruedUnitSeconds, secondsCrossed } from "./accrued-unit-seconds";

describe("secondsCrossed", () => {
  it("adds up back-to-back intervals of fractional seconds to the whole span", () => {
    const start = Date.UTC(2026, 11, 6, 6, 57, 50, 828);
    const gaps = [2_071, 1_952, 2_035, 1_940, 2_019, 1_999];
    let at = start;
    let total = 0;
    for (const gap of gaps) {
      total += secondsCrossed(new Date(at), new Date(at + gap));
      at += gap;
    }
    expect(total).toBe(Math.floor(at / 1000) - Math.floor(start / 1000));
    expect(total).toBe(12);
  });

  it("counts nothing backwards", () => {
    expect(secondsCrossed(new Date(5_000), new Date(3_000))).toBe(0);
  });
});

describe("accruedUnitSeconds", () => {
  const seen = new Date(Date.UTC(2026, 11, 7, 4, 0, 0));
  const endpoint = {
    leaseStartedAt: new Date(seen.getTime() - 60_000),
    lastObservedAt: seen,
    holdId: "hold",
    readyReplicas: 2,
    quantity: 2,
    heldUnitSeconds: 14_400n,
    observedUnitSeconds: 0n,
  };
  const later = (seconds: number) => new Date(seen.getTime() + seconds * 1000);

  it("counts the replicas last seen ready only up to UNSEEN_ACCRUAL_SECONDS past the last report", () => {
    expect(accruedUnitSeconds(endpoint, later(100))).toBe(400n);
    expect(accruedUnitSeconds(endpoint, later(UNSEEN_ACCRUAL_SECONDS))).toBe(720n);
    expect(accruedUnitSeconds(endpoint, later(3_000))).toBe(720n);
  });

  it("counts the time since the last report whole when the cluster reports the endpoint again", () => {
    expect(accruedUnitSeconds(endpoint, later(600), { observed: true })).toBe(2_400n);
  });
});
