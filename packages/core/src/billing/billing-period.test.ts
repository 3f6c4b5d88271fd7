import { describe, expect, it } from "vitest";
import { periodBounds, periodOf, shiftPeriod } from "./billing-period";

describe("billing months in the organisation's time zone", () => {
  it("cuts months at local midnight", () => {
    expect(periodOf(new Date("2026-01-31T22:59:59Z"), "Europe/Brussels")).toBe("2026-01");
    expect(periodOf(new Date("2026-01-31T23:00:00Z"), "Europe/Brussels")).toBe("2026-02");
    expect(periodOf(new Date("2026-01-31T23:00:00Z"), "UTC")).toBe("2026-01");
    expect(periodBounds("2026-02", "Europe/Brussels")).toEqual({
      start: new Date("2026-01-31T23:00:00Z"),
      end: new Date("2026-02-28T23:00:00Z"),
    });
    // Summer time: April starts at 22:00 UTC on 31 March.
    expect(periodBounds("2026-04", "Europe/Lisbon").start).toEqual(
      new Date("2026-03-31T23:00:00Z"),
    );
    expect(periodBounds("2026-04", "Europe/Berlin").start).toEqual(
      new Date("2026-03-31T22:00:00Z"),
    );
    expect(periodBounds("2026-12", "UTC").end).toEqual(new Date("2027-01-01T00:00:00Z"));
  });

  it("steps between months across years", () => {
    expect(shiftPeriod("2026-12", 1)).toBe("2027-01");
    expect(shiftPeriod("2026-01", -1)).toBe("2025-12");
    expect(() => periodBounds("2026-13", "UTC")).toThrow(RangeError);
  });
});
