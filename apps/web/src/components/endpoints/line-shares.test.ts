import { describe, expect, it } from "vitest";
import { lineShares } from "./line-shares";

const line = (listPriceMinorPerHour: number, kind: "GPU" | "CPU", unit: string) => ({
  currency: "EUR",
  listPriceMinorPerHour,
  subsidyRateBps: 7_000,
  resourceClass: { kind, unit },
});

describe("the hardware line's shares beside the endpoint form", () => {
  it("are of one unit-hour when it costs at least a whole euro (the share rounded half-even)", () => {
    expect(lineShares(line(295, "GPU", "GPU"))).toEqual({
      price: "€2.95 per GPU-hour",
      programme: "€2.06",
      tenant: "€0.89",
    });
  });

  it("are of a hundred unit-hours when one costs cents, so they show the programme's rate", () => {
    // One CPU core-hour at €0.04 would split €0.03 / €0.01: 75 %, not the programme's 70 %.
    const shares = lineShares(line(4, "CPU", "CPU core"));
    expect(shares).toEqual({
      price: "€0.04 per CPU core-hour; €4.00 per 100 CPU core-hours",
      programme: "€2.80",
      tenant: "€1.20",
    });
  });
});
