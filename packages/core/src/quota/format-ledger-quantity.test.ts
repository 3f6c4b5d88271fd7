import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countsTokens,
  ledgerUnitsPerPricedUnit,
  pricedUnitName,
  pricedUnitsName,
  pricedUnitsToLedger,
} from "../catalogue/metering-unit";
import {
  formatLedgerQuantity,
  formatPricedUnits,
  formatTokens,
  pricePer,
} from "./format-ledger-quantity";
import { formatUnitHours } from "./format-unit-hours";

const gpu = { kind: "GPU", unit: "GPU" } as const;
const tokens = { kind: "TOKENS", unit: "token" } as const;

describe("metering units", () => {
  it("counts a compute class in unit-seconds per hour and a token tier in tokens per million", () => {
    expect(ledgerUnitsPerPricedUnit("GPU")).toBe(3_600);
    expect(ledgerUnitsPerPricedUnit("CPU")).toBe(3_600);
    expect(ledgerUnitsPerPricedUnit("TOKENS")).toBe(1_000_000);
    expect(countsTokens("TOKENS")).toBe(true);
    expect(countsTokens("MIG")).toBe(false);
    expect(pricedUnitsToLedger(200, "GPU")).toBe(720_000n);
    expect(pricedUnitsToLedger(2, "TOKENS")).toBe(2_000_000n);
    expect(pricedUnitsToLedger(10_000_000, "TOKENS")).toBe(10_000_000_000_000n);
  });

  it("names what a price is per", () => {
    expect(pricedUnitName({ kind: "CPU", unit: "CPU core" })).toBe("CPU core-hour");
    expect(pricedUnitsName(gpu)).toBe("GPU-hours");
    expect(pricedUnitName(tokens)).toBe("million tokens");
    expect(pricedUnitsName(tokens)).toBe("million tokens");
    expect(pricePer("€0.40", tokens)).toBe("€0.40 per million tokens");
    expect(pricePer("€2.95", gpu)).toBe("€2.95 per GPU-hour");
  });
});

describe("formatTokens", () => {
  it("writes counts exactly, and millions where they are exact to the hundredth", () => {
    expect(formatTokens(0)).toBe("0 tokens");
    expect(formatTokens(1)).toBe("1 token");
    expect(formatTokens(250_000)).toBe("250,000 tokens");
    expect(formatTokens(999_999n)).toBe("999,999 tokens");
    expect(formatTokens(1_000_000)).toBe("1 million tokens");
    expect(formatTokens(1_500_000)).toBe("1.5 million tokens");
    expect(formatTokens(2_000_000n)).toBe("2 million tokens");
    expect(formatTokens(1_230_000)).toBe("1.23 million tokens");
    expect(formatTokens(1_234_567)).toBe("1,234,567 tokens");
    // 230 tokens spent of two million: what is left is not "2 million tokens".
    expect(formatTokens(1_999_770n)).toBe("1,999,770 tokens");
    expect(formatTokens(10_000_000_000_000n)).toBe("10,000,000 million tokens");
    expect(formatTokens(-5)).toBe("0 tokens");
  });

  it("always reads as the exact count", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (count) => {
        const text = formatTokens(count);
        const match = /^([\d,]+(?:\.\d{1,2})?)( million)? tokens?$/.exec(text);
        expect(match).not.toBeNull();
        const [whole = "", hundredths = ""] = match![1]!.replace(/,/g, "").split(".");
        const shown = match![2]
          ? BigInt(whole) * 1_000_000n + BigInt(hundredths.padEnd(2, "0")) * 10_000n
          : BigInt(whole);
        expect(shown).toBe(count);
      }),
    );
  });
});

describe("formatLedgerQuantity", () => {
  it("writes compute classes in unit-hours, small amounts included", () => {
    for (const seconds of [0, 12, 90, 3_600, 662_292, 1_800_000]) {
      expect(formatLedgerQuantity(seconds, gpu)).toBe(formatUnitHours(seconds, "GPU"));
    }
    const cpu = { kind: "CPU", unit: "CPU core" } as const;
    // An allocation's line: used and left in the same unit, however small the used part.
    expect(formatLedgerQuantity(1_440, cpu)).toBe("0.400 CPU core-hours");
    expect(formatLedgerQuantity(17_984_160, cpu)).toBe("4,995.600 CPU core-hours");
    expect(formatLedgerQuantity(90, gpu)).toBe("0.025 GPU-hours");
    expect(formatLedgerQuantity(1, gpu)).toBe("less than 0.001 GPU-hours");
  });

  it("writes a token tier's ledger units as tokens", () => {
    expect(formatLedgerQuantity(2_000_000n, tokens)).toBe("2 million tokens");
    expect(formatLedgerQuantity(3_600, tokens)).toBe("3,600 tokens");
  });
});

describe("formatPricedUnits", () => {
  it("writes whole hours as the pages always have, and millions of tokens as tokens", () => {
    expect(formatPricedUnits(1_000, gpu)).toBe("1,000 GPU-hours");
    expect(formatPricedUnits(5_000, { kind: "CPU", unit: "CPU core" })).toBe(
      "5,000 CPU core-hours",
    );
    expect(formatPricedUnits(2, tokens)).toBe("2 million tokens");
    expect(formatPricedUnits(10, tokens)).toBe("10 million tokens");
    expect(formatPricedUnits(0, tokens)).toBe("0 tokens");
  });
});
