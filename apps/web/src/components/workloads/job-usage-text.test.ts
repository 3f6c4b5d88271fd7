import { describe, expect, it } from "vitest";
import { listUsageSoFarText, usageSoFarText } from "./job-usage-text";

const computedAt = new Date("2026-12-07T21:02:00Z");

describe("usageSoFarText", () => {
  it("says a running job's use and cost so far as Billing counts them, not yet settled", () => {
    // 2 GPUs × 25.8 min at €2.95, 70 % paid by the programme: Billing's row for the job.
    const text = usageSoFarText(
      {
        unitSeconds: 3_099,
        cost: { currency: "EUR", listMinor: 254, programmeMinor: 178, tenantMinor: 76 },
        // 700 W × 3,099 GPU-seconds ÷ 3.6: Billing's estimate for the job's row.
        energyMilliWh: 602_583,
        computedAt,
      },
      "GPU",
    );
    expect(text).toEqual({
      used: "0.861 GPU-hours so far, not yet settled",
      cost: {
        value: "€2.54 so far (list price), not yet settled",
        shares: "The programme pays €1.78, the organisation €0.76 (before VAT).",
      },
      energy: "≈ 603 Wh so far (estimated, not yet settled)",
    });
  });

  it("says the time without money to a role that may not read billing", () => {
    expect(
      usageSoFarText(
        { unitSeconds: 1_440, cost: null, energyMilliWh: 4_000_000, computedAt },
        "CPU core",
      ),
    ).toEqual({
      used: "0.400 CPU core-hours so far, not yet settled",
      cost: null,
      energy: "≈ 4.0 kWh so far (estimated, not yet settled)",
    });
  });

  it("says no energy, rather than 0 Wh, for a class without a power draw", () => {
    const soFar = { unitSeconds: 1_440, cost: null, energyMilliWh: 0, computedAt };
    expect(usageSoFarText(soFar, "CPU core")?.energy).toBeNull();
    expect(listUsageSoFarText({ workloadId: "w1", ...soFar }, "CPU core")?.energy).toBeNull();
  });

  it("says nothing when nothing accrues", () => {
    expect(usageSoFarText(null, "GPU")).toBeNull();
  });
});

describe("listUsageSoFarText", () => {
  it("says the job page's figures briefly, for the jobs list", () => {
    const cost = { currency: "EUR", listMinor: 254, programmeMinor: 178, tenantMinor: 76 };
    expect(
      listUsageSoFarText(
        { workloadId: "w1", unitSeconds: 3_099, cost, energyMilliWh: 602_583, computedAt },
        "GPU",
      ),
    ).toEqual({
      used: "0.861 GPU-hours so far",
      cost: "€2.54 so far (list price)",
      energy: "≈ 603 Wh so far",
    });
    expect(
      listUsageSoFarText(
        { workloadId: "w1", unitSeconds: 3_099, cost: null, energyMilliWh: 602_583, computedAt },
        "GPU",
      ),
    ).toEqual({ used: "0.861 GPU-hours so far", cost: null, energy: "≈ 603 Wh so far" });
    expect(listUsageSoFarText(undefined, "GPU")).toBeNull();
  });
});
