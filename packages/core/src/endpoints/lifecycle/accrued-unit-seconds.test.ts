import { describe, expect, it } from "vitest";
import { secondsCrossed } from "./accrued-unit-seconds";

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
