import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  accruingQuantitiesByUnit,
  exactFigure,
  formatBilledUnitHours,
  formatMeteredQuantity,
  formatMeteredUnitHours,
  unitHoursOf,
} from "./format-billed-quantity";

const gpu = { kind: "GPU", unit: "GPU" } as const;

describe("a billed line's quantity", () => {
  it("is exact as priced, to the thousandth unless whole, its unit written out", () => {
    expect(formatBilledUnitHours("12.000", gpu)).toBe("12 GPU-hours");
    expect(formatBilledUnitHours("3.029", gpu)).toBe("3.029 GPU-hours");
    expect(formatBilledUnitHours("1.000", gpu)).toBe("1 GPU-hour");
    expect(formatBilledUnitHours("24.500", { kind: "CPU", unit: "CPU core" })).toBe(
      "24.500 CPU core-hours",
    );
    expect(formatBilledUnitHours("1234.500", gpu)).toBe("1,234.500 GPU-hours");
  });

  it("groups the whole part and keeps a negative sign (credits)", () => {
    expect(exactFigure("-74.000")).toBe("-74");
    expect(exactFigure("-0.000")).toBe("0");
    expect(exactFigure("98765432109876.5")).toBe("98,765,432,109,876.5");
  });
});

describe("a metered quantity on the usage page, the dashboard and the allocations", () => {
  it("reads as the invoice line that bills it: to the thousandth, not rounded to 3.02", () => {
    // 10,865 GPU-seconds: the invoice prices 3.018 GPU-hours.
    expect(formatMeteredUnitHours(10_865, gpu)).toBe("3.018 GPU-hours");
    expect(formatMeteredUnitHours(10_865n, gpu)).toBe(
      formatBilledUnitHours(unitHoursOf(10_865n), gpu),
    );
    expect(formatMeteredUnitHours(3_600, gpu)).toBe("1 GPU-hour");
    expect(formatMeteredUnitHours(45_000, gpu)).toBe("12.500 GPU-hours");
  });

  it("never writes a little usage as 0, nor a ledger below zero as negative", () => {
    expect(formatMeteredUnitHours(9, gpu)).toBe("0.003 GPU-hours");
    expect(formatMeteredUnitHours(1, gpu)).toBe("less than 0.001 GPU-hours");
    expect(formatMeteredUnitHours(0, gpu)).toBe("0 GPU-hours");
    expect(formatMeteredUnitHours(-60, gpu)).toBe("0 GPU-hours");
  });

  it("counts a shared model's tier in tokens", () => {
    expect(formatMeteredQuantity(1_500_000, { kind: "TOKENS", unit: "token" })).toBe(
      "1.5 million tokens",
    );
  });

  it("is the invoice's figure for any whole number of unit-seconds", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 10n ** 12n }), (unitSeconds) => {
        expect(formatMeteredUnitHours(Number(unitSeconds), gpu)).toBe(
          formatBilledUnitHours(unitHoursOf(unitSeconds), gpu),
        );
      }),
    );
  });
});

describe("accruingQuantitiesByUnit", () => {
  const gpu = { resourceKind: "GPU" as const, unit: "GPU" };
  const cpu = { resourceKind: "CPU" as const, unit: "CPU core" };

  it("says each unit once: a class at two price versions is one figure, summed then rounded once", () => {
    // 54 s (0.015) and 3,092 s (0.859) of one GPU class at two prices, 6,163 s of CPU cores.
    const lines = [
      { ...gpu, accruingUnitSeconds: 54 },
      { ...cpu, accruingUnitSeconds: 6_163 },
      { ...gpu, accruingUnitSeconds: 3_092 },
      { ...gpu, accruingUnitSeconds: 0 },
    ];
    expect(accruingQuantitiesByUnit(lines)).toEqual(["0.874 GPU-hours", "1.712 CPU core-hours"]);
  });

  it("rounds the sum, not the parts: 3 × 1,000 s read 0.833, not 3 × 0.278", () => {
    const part = { ...gpu, accruingUnitSeconds: 1_000 };
    expect(accruingQuantitiesByUnit([part, part, part])).toEqual(["0.833 GPU-hours"]);
    expect(
      accruingQuantitiesByUnit([
        { ...gpu, accruingUnitSeconds: 1_800 },
        { ...gpu, accruingUnitSeconds: 1_800 },
      ]),
    ).toEqual(["1 GPU-hour"]);
  });

  it("is nothing when no line accrues", () => {
    expect(accruingQuantitiesByUnit([{ ...gpu, accruingUnitSeconds: 0 }])).toEqual([]);
  });
});
