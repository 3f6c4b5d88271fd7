import { describe, expect, it } from "vitest";
import { energyPerThousandTokens } from "./energy-per-thousand-tokens";

describe("energy per 1,000 tokens", () => {
  it("divides the energy by the tokens, in milliwatt-hours per 1,000 tokens", () => {
    // 3 Wh over 1,500 tokens: 2 Wh per 1,000.
    expect(energyPerThousandTokens(3_000n, 1_500n)).toBe(2_000);
    // 8.4 kWh (a day of one L40S at 350 W) over 120 million tokens: 70 mWh per 1,000.
    expect(energyPerThousandTokens(8_400_000n, 120_000_000n)).toBe(70);
  });

  it("rounds half up, once", () => {
    // 1 mWh × 1000 / 3 tokens = 333.33… → 333; 2 mWh over 3 = 666.66… → 667.
    expect(energyPerThousandTokens(1n, 3n)).toBe(333);
    expect(energyPerThousandTokens(2n, 3n)).toBe(667);
    // 1 mWh over 2,000 tokens = 0.5 → 1; over 2,001 tokens = 0.4998 → 0.
    expect(energyPerThousandTokens(1n, 2_000n)).toBe(1);
    expect(energyPerThousandTokens(1n, 2_001n)).toBe(0);
  });

  it("is exact where a float division would not be", () => {
    // 1,000,000,000,000,008 mWh × 1000 / 16,000 = 62,500,000,000,000.5: half up. In doubles the
    // product already lost its last digits and Math.round gives …000.
    expect(energyPerThousandTokens(1_000_000_000_000_008n, 16_000n)).toBe(62_500_000_000_001);
  });

  it("is null when nothing was metered or nothing was served", () => {
    expect(energyPerThousandTokens(0n, 1_000n)).toBeNull();
    expect(energyPerThousandTokens(5_000n, 0n)).toBeNull();
  });
});
