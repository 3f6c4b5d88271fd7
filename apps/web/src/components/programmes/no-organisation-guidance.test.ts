import { describe, expect, it } from "vitest";
import { noOrganisationGuidance } from "./no-organisation-guidance";

describe("the Programmes page for someone without an organisation", () => {
  it("asks an applicant to create or join an organisation to apply", () => {
    const guidance = noOrganisationGuidance([]);
    expect(guidance.title).toBe(
      "Eligibility depends on your organisation. Create or join an organisation to apply.",
    );
    expect(guidance.action).toEqual({ label: "Create an organisation", href: "/onboarding" });
  });

  it("sends a programme administrator to her programmes, not to create an organisation", () => {
    const guidance = noOrganisationGuidance(["PROGRAM_ADMIN"]);
    expect(guidance.title).not.toMatch(/create|join/i);
    expect(guidance.title).toContain("programme administrator");
    expect(guidance.action).toEqual({
      label: "Programmes (admin)",
      href: "/admin/programmes",
    });
  });
});
