import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatEnergy } from "./format-energy";

const SCALE = { Wh: 1_000, kWh: 1_000_000, MWh: 1_000_000_000 } as const;

/** The figure and unit a formatted energy states, back in milliwatt-hours. */
function readBack(text: string): { milliWh: number; figure: number; unit: keyof typeof SCALE } {
  const match = /^(-?[\d,]+(?:\.\d+)?) (Wh|kWh|MWh)$/.exec(text);
  if (!match) throw new Error(`Not an energy figure: ${text}`);
  const figure = Number(match[1]!.replace(/,/g, ""));
  const unit = match[2] as keyof typeof SCALE;
  return { milliWh: figure * SCALE[unit], figure, unit };
}

describe("energy as people read it", () => {
  it("writes a small job's energy below 1 Wh exactly, never as 0 Wh", () => {
    expect(formatEnergy(56n)).toBe("0.056 Wh");
    expect(formatEnergy(1)).toBe("0.001 Wh");
    expect(formatEnergy(500)).toBe("0.5 Wh");
    expect(formatEnergy(999n)).toBe("0.999 Wh");
    expect(formatEnergy(0.4)).toBe("less than 0.001 Wh");
    expect(formatEnergy(0n)).toBe("0 Wh");
  });

  it("scales the unit with the amount, choosing it after rounding", () => {
    expect(formatEnergy(5_640)).toBe("5.6 Wh");
    expect(formatEnergy(9_960)).toBe("10 Wh");
    expect(formatEnergy(350_000n)).toBe("350 Wh");
    expect(formatEnergy(999_499)).toBe("999 Wh");
    expect(formatEnergy(999_500)).toBe("1.0 kWh");
    expect(formatEnergy(12_400_000n)).toBe("12.4 kWh");
    expect(formatEnergy(999_960_000)).toBe("1.0 MWh");
    expect(formatEnergy(3_100_000_000n)).toBe("3.1 MWh");
    expect(formatEnergy(1_234_567_000_000n)).toBe("1,234.6 MWh");
  });

  it("keeps the sign of a credit", () => {
    expect(formatEnergy(-56n)).toBe("-0.056 Wh");
  });

  it("never writes a non-zero amount as zero, and reads back within 5%", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 13n }), (milliWh) => {
        const { milliWh: stated, figure } = readBack(formatEnergy(milliWh));
        expect(figure).toBeGreaterThan(0);
        expect(Math.abs(stated - Number(milliWh))).toBeLessThanOrEqual(Number(milliWh) * 0.05);
      }),
    );
  });

  it("states Wh and kWh below 1,000 of them, and a larger amount never in a smaller unit", () => {
    const rank = { Wh: 0, kWh: 1, MWh: 2 } as const;
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        (a, b) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const first = readBack(formatEnergy(small));
          const second = readBack(formatEnergy(large));
          for (const read of [first, second]) {
            if (read.unit !== "MWh") expect(read.figure).toBeLessThan(1000);
          }
          expect(rank[second.unit]).toBeGreaterThanOrEqual(rank[first.unit]);
        },
      ),
    );
  });
});
