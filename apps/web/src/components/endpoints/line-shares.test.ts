import { describe, expect, it } from "vitest";
import { lineShares } from "./line-shares";

const line = (
  listPriceMinorPerHour: number,
  subsidyRateBps: number,
  kind: "GPU" | "CPU",
  unit: string,
) => ({
  currency: "EUR",
  listPriceMinorPerHour,
  subsidyRateBps,
  resourceClass: { kind, unit },
});

describe("the hardware line's shares beside the endpoint form", () => {
  it("are each unit-hour's exact shares, so times the units they give the hour's shares", () => {
    // €1.19 at 50 %: €0.595 each. Rounded to cents first they read €0.60 and €0.59, and four
    // GPUs would make €2.40 and €2.36 beside an hour's €2.38 and €2.38.
    expect(lineShares(line(119, 5_000, "GPU", "GPU"))).toEqual({
      price: "€1.19 per GPU-hour",
      programme: "€0.595",
      tenant: "€0.595",
    });
  });

  it.each([
    // As many decimals as the share needs, never fewer than cents.
    [line(295, 7_000, "GPU", "GPU"), "€2.95 per GPU-hour", "€2.065", "€0.885"],
    [line(200, 5_000, "GPU", "GPU"), "€2.00 per GPU-hour", "€1.00", "€1.00"],
    // A class that costs cents: rounded to cents it would split €0.03 / €0.01, 75 % not 70 %.
    [line(4, 7_000, "CPU", "CPU core"), "€0.04 per CPU core-hour", "€0.028", "€0.012"],
  ])("%o reads %s, the programme %s, the organisation %s", (input, price, programme, tenant) => {
    expect(lineShares(input)).toEqual({ price, programme, tenant });
  });
});
