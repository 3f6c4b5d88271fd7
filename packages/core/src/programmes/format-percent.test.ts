import { describe, expect, it } from "vitest";
import { formatPercent, percentTenths } from "./format-percent";

describe("formatPercent", () => {
  it("writes one decimal, rounded half to even — never truncated to a whole percent", () => {
    expect(formatPercent(268, 1_000)).toBe("26.8%");
    expect(formatPercent(2_679, 10_000)).toBe("26.8%");
    expect(formatPercent(26_849, 100_000)).toBe("26.8%");
    expect(formatPercent(26_850, 100_000)).toBe("26.8%");
    expect(formatPercent(26_950, 100_000)).toBe("27.0%");
    expect(formatPercent(1_133_300, 200_000_000)).toBe("0.6%");
  });

  it("reads large and empty shares plainly", () => {
    expect(formatPercent(150n, 10n)).toBe("1,500.0%");
    expect(formatPercent(0, 0)).toBe("0.0%");
    expect(formatPercent(5, 0)).toBe("0.0%");
    expect(percentTenths(1n, 3n)).toBe(333n);
  });
});
