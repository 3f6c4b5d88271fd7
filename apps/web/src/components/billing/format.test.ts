import { describe, expect, it } from "vitest";
import { usageQuantity } from "./format";

const gpu = { kind: "GPU", unit: "GPU" } as const;

describe("usageQuantity", () => {
  it("writes compute usage in unit-hours to the hundredth, as the quota pages do", () => {
    expect(usageQuantity({ unitSeconds: 45_000, tokens: 0 }, gpu)).toEqual({
      value: 45_000,
      text: "12.5 GPU-hours",
    });
    expect(
      usageQuantity({ unitSeconds: 1_440, tokens: 0 }, { kind: "CPU", unit: "CPU core" }),
    ).toEqual({ value: 1_440, text: "0.4 CPU core-hours" });
  });

  it("never writes a little usage as 0 beside its non-empty bar", () => {
    expect(usageQuantity({ unitSeconds: 90, tokens: 0 }, gpu).text).toBe("0.03 GPU-hours");
    expect(usageQuantity({ unitSeconds: 12, tokens: 0 }, gpu).text).toBe(
      "less than 0.01 GPU-hours",
    );
  });

  it("counts a shared model's tier in tokens", () => {
    expect(
      usageQuantity({ unitSeconds: 0, tokens: 1_500_000 }, { kind: "TOKENS", unit: "token" }),
    ).toEqual({ value: 1_500_000, text: "1.5 million tokens" });
  });
});
