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
    });
  });

  it("says the time without money to a role that may not read billing", () => {
    expect(usageSoFarText({ unitSeconds: 1_440, cost: null, computedAt }, "CPU core")).toEqual({
      used: "0.400 CPU core-hours so far, not yet settled",
      cost: null,
    });
  });

  it("says nothing when nothing accrues", () => {
    expect(usageSoFarText(null, "GPU")).toBeNull();
  });
});

describe("listUsageSoFarText", () => {
  it("says the job page's figures briefly, for the jobs list", () => {
    const cost = { currency: "EUR", listMinor: 254, programmeMinor: 178, tenantMinor: 76 };
    expect(
      listUsageSoFarText({ workloadId: "w1", unitSeconds: 3_099, cost, computedAt }, "GPU"),
    ).toEqual({ used: "0.861 GPU-hours so far", cost: "€2.54 so far (list price)" });
    expect(
      listUsageSoFarText({ workloadId: "w1", unitSeconds: 3_099, cost: null, computedAt }, "GPU"),
    ).toEqual({ used: "0.861 GPU-hours so far", cost: null });
    expect(listUsageSoFarText(undefined, "GPU")).toBeNull();
  });
});
