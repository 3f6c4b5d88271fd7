import { describe, expect, it } from "vitest";
import { quotaShortfallFigures, quotaShortfallMessage } from "./quota-shortfall-message";

describe("quotaShortfallFigures", () => {
  it("writes a shortfall that is the difference of the figures as written", () => {
    // 192 h needed, 183.97167 h left: exactly 8.02833 h short, 192 − 183.972 = 8.028 as written.
    expect(quotaShortfallFigures(691_200, 662_298, "GPU")).toEqual({
      needed: "192 GPU-hours",
      remaining: "183.972 GPU-hours",
      short: "8.028 GPU-hours",
    });
    // 0.83333 needed, 0.77778 left: 0.833 − 0.778 = 0.055, though the exact 0.05556 rounds to 0.056.
    expect(quotaShortfallFigures(3_000, 2_800, "GPU").short).toBe("0.055 GPU-hours");
  });

  it("never says a shortfall of nothing, and counts an overdrawn line as nothing left", () => {
    expect(quotaShortfallFigures(3_000, 2_999, "GPU").short).toBe("less than 0.001 GPU-hours");
    expect(quotaShortfallFigures(7_200, -50, "GPU")).toEqual({
      needed: "2 GPU-hours",
      remaining: "0 GPU-hours",
      short: "2 GPU-hours",
    });
  });

  it("the refusal's sentence carries the same figures", () => {
    expect(quotaShortfallMessage(691_200, 662_298, "GPU")).toBe(
      "Not enough quota left on this allocation: this needs 192 GPU-hours and 183.972 GPU-hours remain, 8.028 GPU-hours short.",
    );
  });
});
