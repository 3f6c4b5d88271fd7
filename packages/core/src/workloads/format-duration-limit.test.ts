import { describe, expect, it } from "vitest";
import { formatDurationLimit } from "./format-duration-limit";

describe("formatDurationLimit", () => {
  it("says a limit in the largest unit that says it exactly", () => {
    expect(formatDurationLimit(604_800)).toBe("7 days");
    expect(formatDurationLimit(86_400)).toBe("1 day");
    expect(formatDurationLimit(3_600)).toBe("1 hour");
    expect(formatDurationLimit(90_000)).toBe("25 hours");
    expect(formatDurationLimit(60)).toBe("1 minute");
    expect(formatDurationLimit(5_400)).toBe("90 minutes");
    expect(formatDurationLimit(1)).toBe("1 second");
    expect(formatDurationLimit(61)).toBe("61 seconds");
  });
});
