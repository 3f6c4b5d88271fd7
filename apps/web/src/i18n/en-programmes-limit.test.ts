import { describe, expect, it } from "vitest";
import { checkOrganizationLimit, fitGrantToLimit } from "@tessera/core/award-rules";
import { formatMoney } from "@/components/programmes/format";
import { enProgrammes } from "./en-programmes";

const money = (minor: number) => formatMoney(minor, "EUR");
const r = enProgrammes.decision;

describe("the organisation's limit where the administrator decides", () => {
  // €1,500.00 limit, €1,000.00 already awarded, the request asks for €600.00 of programme share.
  const limit = checkOrganizationLimit({
    capMinor: 150_000,
    awardedMinor: 100_000,
    requestedMinor: 60_000,
  });

  it("says what the organisation holds, its limit and what is left", () => {
    expect(
      r.organisationAwarded(
        money(limit.awardedMinor),
        money(limit.capMinor),
        money(limit.remainingMinor),
      ),
    ).toBe(
      "Already holds €1,000.00 from this programme, of its €1,500.00 limit per organisation: €500.00 left.",
    );
  });

  it("warns that the request is over it, by how much", () => {
    expect(
      r.overLimit(
        money(limit.requestedMinor),
        money(limit.remainingMinor),
        money(limit.overByMinor),
      ),
    ).toBe(
      "It asks the programme for €600.00, but only €500.00 is left of the organisation's limit: €100.00 too much. You can grant at most €500.00 of programme share; the approval form below starts there.",
    );
  });

  it("prefills the approval with the most that fits what is left", () => {
    // 60 hours at €10.00 with a full subsidy: 50 hours fit the €500.00 left.
    expect(
      fitGrantToLimit(
        [{ resourceClassId: "gpu", unitHours: 60, listPriceMinorPerHour: 1_000 }],
        10_000,
        limit.remainingMinor,
      ),
    ).toEqual([50]);
  });
});
