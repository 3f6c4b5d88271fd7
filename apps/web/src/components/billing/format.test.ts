import { describe, expect, it } from "vitest";
import { usageEnergy } from "./format";

describe("the energy of an invoice line or a usage figure", () => {
  it("writes a shared model's tokens as the estimate from its endpoints' average, marked ≈", () => {
    // 2 million tokens at 0.19 Wh per 1,000 tokens, as the API keys' usage page has it.
    expect(
      usageEnergy({ energyMilliWh: 380_000, energyMeasured: false, tokens: 2_000_000 }, "TOKENS"),
    ).toBe("≈ 380 Wh (estimated from the shared model's average)");
  });

  it("never writes a shared model's tokens as 0 Wh when nothing could be estimated", () => {
    expect(
      usageEnergy({ energyMilliWh: 0, energyMeasured: false, tokens: 2_000_000 }, "TOKENS"),
    ).toBe("Not metered yet (the shared model's endpoints report no energy)");
  });

  it("writes compute as metered, with its basis", () => {
    expect(usageEnergy({ energyMilliWh: 12_400_000, energyMeasured: true, tokens: 0 }, "GPU")).toBe(
      "12.4 kWh (measured)",
    );
    expect(usageEnergy({ energyMilliWh: 350_000, energyMeasured: false, tokens: 0 }, "GPU")).toBe(
      "350 Wh (estimated)",
    );
  });
});
