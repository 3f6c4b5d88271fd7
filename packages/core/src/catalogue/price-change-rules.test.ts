import { describe, expect, it } from "vitest";
import { priceChangeStep } from "./price-change-rules";

describe("priceChangeStep", () => {
  it("asks for the deliberate step when a class becomes free", () => {
    expect(priceChangeStep(295, 0)).toBe("TO_FREE");
  });

  it("asks for it when the price moves by ten times or more, or a free class starts charging", () => {
    expect(priceChangeStep(295, 2_950)).toBe("LARGE_CHANGE");
    expect(priceChangeStep(2_950, 295)).toBe("LARGE_CHANGE");
    expect(priceChangeStep(300, 29)).toBe("LARGE_CHANGE");
    expect(priceChangeStep(0, 1)).toBe("FROM_FREE");
  });

  it("asks for nothing more for an ordinary change or none", () => {
    expect(priceChangeStep(295, 310)).toBeNull();
    expect(priceChangeStep(295, 2_949)).toBeNull();
    expect(priceChangeStep(300, 31)).toBeNull();
    expect(priceChangeStep(295, 295)).toBeNull();
    expect(priceChangeStep(0, 0)).toBeNull();
  });
});
