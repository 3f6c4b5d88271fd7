import { describe, expect, it } from "vitest";
import { programmeEnd } from "./programme-end";

const now = new Date("2026-06-01T12:00:00Z");
const rolling = {
  opensAt: new Date("2026-05-01T00:00:00Z"),
  closesAt: new Date("2027-03-28T00:00:00Z"),
};
const closed = {
  opensAt: new Date("2026-01-01T00:00:00Z"),
  closesAt: new Date("2026-03-01T00:00:00Z"),
};

describe("programmeEnd", () => {
  it("runs at least until a call still open closes, past the last award's end", () => {
    // A rolling call open for most of a year; the awards so far end in December.
    expect(
      programmeEnd({
        lastAwardEndsAt: new Date("2026-12-31T00:00:00Z"),
        calls: [closed, rolling],
        now,
      }),
    ).toEqual({ endsAt: rolling.closesAt, basis: "call" });
  });

  it("has an end before any award while a call is open", () => {
    expect(programmeEnd({ lastAwardEndsAt: null, calls: [rolling], now })).toEqual({
      endsAt: rolling.closesAt,
      basis: "call",
    });
  });

  it("ends with its last award once every call has closed", () => {
    const lastAward = new Date("2027-06-30T00:00:00Z");
    expect(programmeEnd({ lastAwardEndsAt: lastAward, calls: [closed], now })).toEqual({
      endsAt: lastAward,
      basis: "award",
    });
  });

  it("says the last award's end is not firm while a call is open or to open", () => {
    // The award runs longer than the rolling call, but an award made on that call may run longer.
    const lastAward = new Date("2027-06-30T00:00:00Z");
    expect(programmeEnd({ lastAwardEndsAt: lastAward, calls: [rolling], now })).toEqual({
      endsAt: lastAward,
      basis: "awardSoFar",
    });
    // The last award ends on the day the call closes (what the walk saw): still not firm.
    expect(
      programmeEnd({ lastAwardEndsAt: rolling.closesAt, calls: [closed, rolling], now }),
    ).toEqual({ endsAt: rolling.closesAt, basis: "awardSoFar" });
    // A call still to open counts too.
    const upcoming = {
      opensAt: new Date("2026-09-01T00:00:00Z"),
      closesAt: new Date("2026-10-01T00:00:00Z"),
    };
    expect(programmeEnd({ lastAwardEndsAt: lastAward, calls: [upcoming], now })).toEqual({
      endsAt: lastAward,
      basis: "awardSoFar",
    });
  });

  it("has no end before any award with no call still to close", () => {
    expect(programmeEnd({ lastAwardEndsAt: null, calls: [closed], now })).toEqual({
      endsAt: null,
      basis: null,
    });
  });
});
