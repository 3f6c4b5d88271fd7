import { describe, expect, it } from "vitest";
import { enApiKeys } from "../../i18n/en-api-keys";
import { describeModelEnergy, formatTokenEnergy, isEnergyEstimate } from "./model-energy";

const messages = enApiKeys.usage;
const energyOf = (shared: boolean, milliWh: number | null, measured = false, settled = true) =>
  describeModelEnergy(
    {
      shared,
      energyPerThousandTokensMilliWh: milliWh,
      energyMeasured: measured,
      energySettled: settled,
    },
    messages,
  );

describe("energy per 1,000 tokens on the gateway usage page", () => {
  it("keeps two significant digits where these figures are, in watt-hours", () => {
    expect(formatTokenEnergy(55, messages)).toBe("0.055 Wh");
    expect(formatTokenEnergy(1, messages)).toBe("0.001 Wh");
    expect(formatTokenEnergy(194, messages)).toBe("0.19 Wh");
    expect(formatTokenEnergy(1_500, messages)).toBe("1.5 Wh");
    expect(formatTokenEnergy(1_167, messages)).toBe("1.2 Wh");
    expect(formatTokenEnergy(2_000, messages)).toBe("2 Wh");
    expect(formatTokenEnergy(12_345, messages)).toBe("12 Wh");
    expect(formatTokenEnergy(350_000, messages)).toBe("350 Wh");
    expect(formatTokenEnergy(12_400_000, messages)).toBe("12.4 kWh");
  });

  it("never writes a figure that rounded away as 0 Wh", () => {
    expect(formatTokenEnergy(0, messages)).toBe("less than 0.001 Wh");
  });

  it("marks a shared model's figure as estimated from its average, in Billing's words", () => {
    expect(energyOf(true, 1_500, true)).toEqual({
      figure: "≈ 1.5 Wh",
      note: "estimated from the shared model's average",
    });
  });

  it("says whether the organisation's own endpoint's figure was measured, marking an estimate ≈", () => {
    expect(energyOf(false, 2_000, true)).toEqual({ figure: "2 Wh", note: "measured" });
    expect(energyOf(false, 2_000, false)).toEqual({
      figure: "≈ 2 Wh",
      note: "estimated from the endpoint's power draw",
    });
  });

  it("says a figure that counts open windows is estimated, not yet settled, own or shared alike", () => {
    expect(energyOf(false, 8_700, false, false)).toEqual({
      figure: "≈ 8.7 Wh",
      note: "estimated, not yet settled",
    });
    expect(energyOf(true, 1_500, false, false)).toEqual({
      figure: "≈ 1.5 Wh",
      note: "estimated from the shared model's average, not yet settled",
    });
  });

  it("says what is missing when nothing was metered", () => {
    expect(energyOf(true, null, false)).toEqual({
      figure: "Not metered yet",
      note: "the shared model's endpoints report no energy",
    });
    expect(energyOf(false, null, false)).toEqual({
      figure: "Not metered yet",
      note: "its endpoints reported no energy in these days",
    });
  });

  it("counts as an estimate, for the page's ≈ legend, every figure it marks ≈", () => {
    const cases: [boolean, number | null, boolean, boolean][] = [
      [false, 2_000, true, true],
      [false, 2_000, false, true],
      [false, 2_000, true, false],
      [true, 1_500, true, true],
      [false, null, false, true],
    ];
    for (const [shared, milliWh, measured, settled] of cases) {
      const model = {
        shared,
        energyPerThousandTokensMilliWh: milliWh,
        energyMeasured: measured,
        energySettled: settled,
      };
      expect(isEnergyEstimate(model)).toBe(
        describeModelEnergy(model, messages).figure.startsWith("≈"),
      );
    }
  });
});
