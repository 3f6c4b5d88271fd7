import { describe, expect, it } from "vitest";
import { quotaShortfallFigures, quotaShortfallMessage } from "./quota-shortfall-message";

describe("quotaShortfallFigures", () => {
  it("writes a shortfall that is the difference of the figures as written", () => {
    // 192 h needed, 183.9717 h left: exactly 8.0283 h short, but 192 − 183.97 = 8.03 as written.
    expect(quotaShortfallFigures(691_200, 662_298, "GPU")).toEqual({
      needed: "192 GPU-hours",
      remaining: "183.97 GPU-hours",
      short: "8.03 GPU-hours",
    });
    // 0.8333 needed, 0.7778 left: 0.83 − 0.78 = 0.05, though the exact 0.0556 rounds to 0.06.
    expect(quotaShortfallFigures(3_000, 2_800, "GPU").short).toBe("0.05 GPU-hours");
  });

  it("never says a shortfall of nothing, and counts an overdrawn line as nothing left", () => {
    expect(quotaShortfallFigures(3_001, 3_000, "GPU").short).toBe("less than 0.01 GPU-hours");
    expect(quotaShortfallFigures(7_200, -50, "GPU")).toEqual({
      needed: "2 GPU-hours",
      remaining: "0 GPU-hours",
      short: "2 GPU-hours",
    });
  });

  it("the refusal's sentence carries the same figures", () => {
    expect(quotaShortfallMessage(691_200, 662_298, "GPU")).toBe(
      "Not enough quota left on this allocation: this needs 192 GPU-hours and 183.97 GPU-hours remain, 8.03 GPU-hours short.",
    );
  });
});
