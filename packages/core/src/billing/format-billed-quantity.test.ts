import { describe, expect, it } from "vitest";
import { exactFigure, formatBilledUnitHours } from "./format-billed-quantity";

const gpu = { kind: "GPU", unit: "GPU" } as const;

describe("a billed line's quantity", () => {
  it("is exact as priced, without trailing zeros, its unit written out", () => {
    expect(formatBilledUnitHours("12.000", gpu)).toBe("12 GPU-hours");
    expect(formatBilledUnitHours("3.029", gpu)).toBe("3.029 GPU-hours");
    expect(formatBilledUnitHours("1.000", gpu)).toBe("1 GPU-hour");
    expect(formatBilledUnitHours("24.500", { kind: "CPU", unit: "CPU core" })).toBe(
      "24.5 CPU core-hours",
    );
    expect(formatBilledUnitHours("1234.500", gpu)).toBe("1,234.5 GPU-hours");
  });

  it("groups the whole part and keeps a negative sign (credits)", () => {
    expect(exactFigure("-74.000")).toBe("-74");
    expect(exactFigure("-0.000")).toBe("0");
    expect(exactFigure("98765432109876.5")).toBe("98,765,432,109,876.5");
  });
});
