import { describe, expect, it } from "vitest";
import { allocationValidity } from "./allocation-validity";

const allocation = {
  validFrom: new Date("2026-01-01T00:00:00Z"),
  validTo: new Date("2026-07-01T00:00:00Z"),
};

describe("allocationValidity", () => {
  it("is upcoming before it starts and expired from its end instant", () => {
    expect(allocationValidity(allocation, new Date("2025-12-31T23:59:59Z"))).toEqual({
      state: "UPCOMING",
      expiresSoon: false,
    });
    expect(allocationValidity(allocation, new Date("2026-07-01T00:00:00Z"))).toEqual({
      state: "EXPIRED",
      expiresSoon: false,
    });
  });

  it("flags the last 14 days of an active allocation, and not the day before", () => {
    expect(allocationValidity(allocation, new Date("2026-06-16T23:59:59Z"))).toEqual({
      state: "ACTIVE",
      expiresSoon: false,
    });
    expect(allocationValidity(allocation, new Date("2026-06-17T00:00:00Z"))).toEqual({
      state: "ACTIVE",
      expiresSoon: true,
    });
    expect(allocationValidity(allocation, new Date("2026-06-30T23:59:59Z"))).toEqual({
      state: "ACTIVE",
      expiresSoon: true,
    });
  });
});
