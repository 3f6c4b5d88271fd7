import { describe, expect, it } from "vitest";
import { hourCostText, monthCostText } from "./endpoint-cost-text";

const terms = { minorPerUnitHour: 295, subsidyRateBps: 5_000, kind: "GPU" as const };
const hour = (replicas: number, idle: "SCALED_TO_ZERO" | "NOT_RUNNING" | null = null) => ({
  currency: "EUR",
  hour: {
    replicas,
    listMinor: replicas * 590,
    programmeMinor: replicas * 295,
    tenantMinor: replicas * 295,
    programmeMilliMinor: replicas * 295_000,
    tenantMilliMinor: replicas * 295_000,
    idle,
  },
  nextWindow: null,
});

/** One replica of one GPU at €2.95, 70 % paid by the programme. */
const oneAtThirtyPercent = {
  replicas: 1,
  listMinor: 295,
  programmeMinor: 206,
  tenantMinor: 89,
  programmeMilliMinor: 206_500,
  tenantMilliMinor: 88_500,
  idle: null,
};

describe("what the endpoint page says it costs", () => {
  it("an hour: the list price at its replicas and who pays what, as the deploy form says it", () => {
    expect(hourCostText(hour(2))).toEqual({
      value: "€11.80 at 2 replicas (list price)",
      shares: "The programme pays €5.90, the organisation €5.90.",
    });
  });

  it("an hour's shares to the thousandth of a cent, as the deploy form says them (€2.065, not €2.06)", () => {
    const thirty = {
      currency: "EUR",
      hour: oneAtThirtyPercent,
      nextWindow: null,
    };
    expect(hourCostText(thirty).shares).toBe("The programme pays €2.065, the organisation €0.885.");
  });

  it("an hour of a window opened before a price change: its price until the next window, then today's", () => {
    const repriced = {
      currency: "EUR",
      hour: oneAtThirtyPercent,
      nextWindow: {
        at: new Date("2026-12-07T21:12:40Z"),
        listMinor: 350,
        programmeMilliMinor: 245_000,
        tenantMilliMinor: 105_000,
      },
    };
    expect(hourCostText(repriced)).toEqual({
      value:
        "€2.95 at 1 replica (list price) until its next lease window (about 7 Dec 2026, 21:12 UTC), then €3.50: the price changed, and each window is billed at the price in force when it opens",
      shares:
        "The programme pays €2.065, the organisation €0.885; from its next window €2.45 and €1.05.",
    });
  });

  it("an hour scaled to zero or stopped: €0.00, and why", () => {
    expect(hourCostText(hour(0, "SCALED_TO_ZERO"))).toEqual({
      value:
        "€0.00 an hour: it is scaled to zero, so no replica runs. It costs again from when it wakes.",
      shares: null,
    });
    expect(hourCostText(hour(0, "NOT_RUNNING"))).toEqual({
      value: "€0.00 an hour: it has stopped or been deleted, so no replica runs.",
      shares: null,
    });
  });

  it("this month: the Charges so far figures, the accruing part marked as not yet settled", () => {
    const month = {
      period: "2026-12",
      periodStart: new Date("2026-11-30T23:00:00Z"),
      unitSeconds: 2_400,
      accruingUnitSeconds: 2_400,
      listMinor: 197,
      programmeMinor: 98,
      tenantMinor: 99,
    };
    expect(monthCostText({ currency: "EUR", terms, month }, "GPU")).toEqual({
      value: "€1.97 since 1 Dec 2026 (list price)",
      shares: "The programme pays €0.98, the organisation €0.99 (before VAT).",
      accruing:
        "Includes 0.667 GPU-hours of running time not yet settled: counted up to now and priced as it will be billed.",
    });
    expect(
      monthCostText({ currency: "EUR", terms, month: { ...month, accruingUnitSeconds: 0 } }, "GPU")
        ?.accruing,
    ).toBeNull();
    expect(monthCostText({ currency: "EUR", terms, month: null }, "GPU")).toBeNull();
    // Deployed this month: since the day it was deployed, not the 1st.
    expect(
      monthCostText({ currency: "EUR", terms, month }, "GPU", new Date("2026-12-06T10:00:00Z"))
        ?.value,
    ).toBe("€1.97 since 6 Dec 2026 (list price)");
    expect(
      monthCostText({ currency: "EUR", terms, month }, "GPU", new Date("2026-10-02T10:00:00Z"))
        ?.value,
    ).toBe("€1.97 since 1 Dec 2026 (list price)");
  });
});
