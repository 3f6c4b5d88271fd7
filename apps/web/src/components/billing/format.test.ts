import { describe, expect, it } from "vitest";
import { enApiKeys } from "../../i18n/en-api-keys";
import { describeModelEnergy } from "../api-keys/model-energy";
import { repricedLines, usageEnergy, usageQuantity } from "./format";

const gpu = { kind: "GPU", unit: "GPU" } as const;

describe("usageQuantity", () => {
  it("writes compute usage in unit-hours exact as the invoice prices them", () => {
    expect(usageQuantity({ unitSeconds: 45_000, tokens: 0 }, gpu)).toEqual({
      value: 45_000,
      text: "12.500 GPU-hours",
    });
    expect(
      usageQuantity({ unitSeconds: 1_440, tokens: 0 }, { kind: "CPU", unit: "CPU core" }),
    ).toEqual({ value: 1_440, text: "0.400 CPU core-hours" });
  });

  it("reads 3.018 GPU-hours as the invoice line does, not 3.02", () => {
    expect(usageQuantity({ unitSeconds: 10_865, tokens: 0 }, gpu).text).toBe("3.018 GPU-hours");
  });

  it("never writes a little usage as 0 beside its non-empty bar", () => {
    expect(usageQuantity({ unitSeconds: 90, tokens: 0 }, gpu).text).toBe("0.025 GPU-hours");
    expect(usageQuantity({ unitSeconds: 1, tokens: 0 }, gpu).text).toBe(
      "less than 0.001 GPU-hours",
    );
  });

  it("counts a shared model's tier in tokens", () => {
    expect(
      usageQuantity({ unitSeconds: 0, tokens: 1_500_000 }, { kind: "TOKENS", unit: "token" }),
    ).toEqual({ value: 1_500_000, text: "1.5 million tokens" });
  });
});

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

  it("writes compute as metered, with its basis, every estimate marked ≈", () => {
    expect(usageEnergy({ energyMilliWh: 12_400_000, energyMeasured: true, tokens: 0 }, "GPU")).toBe(
      "12.4 kWh (measured)",
    );
    expect(usageEnergy({ energyMilliWh: 350_000, energyMeasured: false, tokens: 0 }, "GPU")).toBe(
      "≈ 350 Wh (estimated)",
    );
  });

  it("says a live figure that counts open windows is not yet settled, compute and tokens alike", () => {
    const open = { energyMeasured: false, energySettled: false };
    expect(usageEnergy({ ...open, energyMilliWh: 466_667, tokens: 0 }, "GPU")).toBe(
      "≈ 467 Wh (estimated, not yet settled)",
    );
    expect(usageEnergy({ ...open, energyMilliWh: 380_000, tokens: 2_000_000 }, "TOKENS")).toBe(
      "≈ 380 Wh (estimated from the shared model's average, not yet settled)",
    );
  });
});

describe("a shared model's energy on Billing and on the API keys usage page", () => {
  it("is written in the same words on both", () => {
    const figure = { energyMilliWh: 112_000, energyMeasured: false, tokens: 148 };
    const apiKeys = (settled: boolean) =>
      describeModelEnergy(
        {
          shared: true,
          energyPerThousandTokensMilliWh: 771_000,
          energyMeasured: false,
          energySettled: settled,
        },
        enApiKeys.usage,
      ).note;
    expect(usageEnergy({ ...figure, energySettled: false }, "TOKENS")).toBe(
      `≈ 112 Wh (${apiKeys(false)})`,
    );
    expect(usageEnergy(figure, "TOKENS")).toBe(`≈ 112 Wh (${apiKeys(true)})`);
    const notMetered = describeModelEnergy(
      {
        shared: true,
        energyPerThousandTokensMilliWh: null,
        energyMeasured: false,
        energySettled: true,
      },
      enApiKeys.usage,
    );
    expect(usageEnergy({ ...figure, energyMilliWh: 0 }, "TOKENS")).toBe(
      `${notMetered.figure} (${notMetered.note})`,
    );
  });
});

describe("repricedLines", () => {
  const line = (position: number, code: string, period: string, price: number) => ({
    position,
    resourceClassCode: code,
    usagePeriod: period,
    minorPerUnitHour: price,
  });
  it("marks the lines of a class and month at two prices, not two awards' lines at one", () => {
    expect(
      repricedLines([
        line(1, "h100-80gb", "2026-12", 295),
        line(2, "h100-80gb", "2026-12", 350),
        line(3, "cpu-core", "2026-12", 5),
        line(4, "cpu-core", "2026-12", 5),
        line(5, "h100-80gb", "2026-11", 295),
      ]),
    ).toEqual(new Set([1, 2]));
  });
});
