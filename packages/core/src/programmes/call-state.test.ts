import { describe, expect, it } from "vitest";
import { callState } from "./call-state";

const call = {
  opensAt: new Date("2026-03-01T00:00:00Z"),
  closesAt: new Date("2026-04-01T00:00:00Z"),
};

describe("callState", () => {
  it("is upcoming before it opens, open from the opening instant, closed from the closing instant", () => {
    expect(callState(call, new Date("2026-02-28T23:59:59Z"))).toBe("UPCOMING");
    expect(callState(call, new Date("2026-03-01T00:00:00Z"))).toBe("OPEN");
    expect(callState(call, new Date("2026-03-31T23:59:59Z"))).toBe("OPEN");
    expect(callState(call, new Date("2026-04-01T00:00:00Z"))).toBe("CLOSED");
  });
});
