import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityApplicant, type EligibilityRules } from "./eligibility";

const rules: EligibilityRules = {
  eligibleKinds: ["ACADEMIC", "PUBLIC_BODY"],
  eligibleCountries: ["DE", "FR", "GB"],
  orgCapMinor: 5_000_000,
  currency: "EUR",
};

const applicant: EligibilityApplicant = {
  name: "Northbridge University AI Lab",
  kind: "ACADEMIC",
  country: "GB",
  status: "VERIFIED",
  awardedMinor: 0,
};

describe("checkEligibility", () => {
  it("accepts a verified organisation of an eligible kind and country under its cap", () => {
    expect(checkEligibility(rules, applicant)).toEqual({ eligible: true, reasons: [] });
  });

  it("treats empty kind and country lists as open to all", () => {
    const open = { ...rules, eligibleKinds: [], eligibleCountries: [] };
    expect(
      checkEligibility(open, { ...applicant, kind: "ENTERPRISE", country: "JP" }).eligible,
    ).toBe(true);
  });

  it("explains a kind that is not eligible", () => {
    const result = checkEligibility(rules, {
      ...applicant,
      name: "Lumen Robotics",
      kind: "STARTUP",
    });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      {
        code: "KIND",
        message:
          "This programme is open to academic institutions and public bodies; Lumen Robotics is a startup.",
      },
    ]);
  });

  it("explains a country that is not eligible, naming countries in words", () => {
    const result = checkEligibility(rules, { ...applicant, country: "IT" });
    expect(result.reasons).toEqual([
      {
        code: "COUNTRY",
        message:
          "This programme is open to organisations in France, Germany and United Kingdom; Northbridge University AI Lab is registered in Italy.",
      },
    ]);
  });

  it("refuses an organisation that is not verified", () => {
    const result = checkEligibility(rules, { ...applicant, status: "PENDING" });
    expect(result.reasons.map((r) => r.code)).toEqual(["NOT_VERIFIED"]);
    expect(result.reasons[0]!.message).toMatch(/must be verified .* currently pending review\.$/);
  });

  it("refuses an organisation that has reached the cap, and not one just under it", () => {
    expect(checkEligibility(rules, { ...applicant, awardedMinor: 4_999_999 }).eligible).toBe(true);
    const result = checkEligibility(rules, { ...applicant, awardedMinor: 5_000_000 });
    expect(result.reasons).toEqual([
      {
        code: "CAP_REACHED",
        message:
          "Northbridge University AI Lab has already been awarded €50,000.00, this programme's limit per organisation (€50,000.00).",
      },
    ]);
  });

  it("lists every reason that applies", () => {
    const result = checkEligibility(rules, {
      ...applicant,
      kind: "ENTERPRISE",
      country: "US",
      status: "SUSPENDED",
      awardedMinor: 6_000_000,
    });
    expect(result.reasons.map((r) => r.code)).toEqual([
      "NOT_VERIFIED",
      "KIND",
      "COUNTRY",
      "CAP_REACHED",
    ]);
  });
});
