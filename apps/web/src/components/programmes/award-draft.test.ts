import { describe, expect, it } from "vitest";
import { awardDraftOf } from "./award-draft";
import type { ApplicationForAdmin } from "./types";

/** 10,000 H100 GPU-hours quoted at €2.95, at a 70 % programme rate; the class now costs `now`. */
function application(now: number): ApplicationForAdmin {
  return {
    currency: "EUR",
    subsidyRateBps: 7_000,
    organizationLimit: null,
    lines: [
      {
        resourceClassId: "h100",
        unitHours: 10_000,
        listPriceMinorPerHour: 295,
        resourceClass: {
          id: "h100",
          name: "NVIDIA H100 80 GB",
          kind: "GPU",
          unit: "GPU",
          code: "h100-80gb",
          listPriceMinorPerHour: now,
        },
      },
    ],
  } as unknown as ApplicationForAdmin;
}

describe("awardDraftOf: an award whose class's price changed since it was quoted", () => {
  it("is valued at the quoted price, and says what the organisation pays at today's price with the programme's share capped", () => {
    const draft = awardDraftOf(application(350), { h100: "10000" });
    expect(draft.preview).toMatchObject({
      listValueMinor: 2_950_000,
      programmeShareMinor: 2_065_000,
    });
    // €35,000 at €3.50; the programme pays at most the award's €20,650, the organisation the rest.
    expect(draft.repriced).toEqual({
      classes: [
        { name: "NVIDIA H100 80 GB", quotedMinor: 295, nowMinor: 350, kind: "GPU", unit: "GPU" },
      ],
      listValueMinor: 3_500_000,
      tenantShareMinor: 1_435_000,
    });
  });

  it("at a lower price today, the programme's rate applies below its cap", () => {
    // €25,000 at €2.50: 70 % is €17,500, under the cap, so the organisation pays €7,500.
    expect(awardDraftOf(application(250), { h100: "10000" }).repriced).toMatchObject({
      listValueMinor: 2_500_000,
      tenantShareMinor: 750_000,
    });
  });

  it("follows the hours typed, and says nothing while the price is the quoted one", () => {
    expect(awardDraftOf(application(350), { h100: "1000" }).repriced).toMatchObject({
      listValueMinor: 350_000,
      tenantShareMinor: 350_000 - 206_500,
    });
    expect(awardDraftOf(application(295), { h100: "10000" }).repriced).toBeNull();
  });
});
