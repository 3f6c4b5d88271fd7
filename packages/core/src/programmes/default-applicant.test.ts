import { describe, expect, it } from "vitest";
import { defaultApplicant, type ApplicantMembership } from "./default-applicant";

const member = (
  id: string,
  status: ApplicantMembership["organization"]["status"],
  role: ApplicantMembership["role"] = "OWNER",
): ApplicantMembership => ({ role, organization: { id, status } });

describe("the organisation the programmes page shows by default", () => {
  it("is a verified one, not the pending organisation joined first", () => {
    const lumen = member("lumen", "PENDING");
    const vela = member("vela", "VERIFIED");
    expect(defaultApplicant([lumen, vela])).toBe(vela);
  });

  it("prefers a verified organisation in which the person may apply", () => {
    const viewerOf = member("a", "VERIFIED", "VIEWER");
    const ownerOf = member("b", "VERIFIED", "OWNER");
    expect(defaultApplicant([member("p", "REJECTED"), viewerOf, ownerOf])).toBe(ownerOf);
    expect(defaultApplicant([viewerOf, member("s", "SUSPENDED")])).toBe(viewerOf);
  });

  it("falls back to the first organisation when none is verified, and to none without any", () => {
    const lumen = member("lumen", "PENDING");
    expect(defaultApplicant([lumen, member("x", "REJECTED")])).toBe(lumen);
    expect(defaultApplicant([])).toBeNull();
  });
});
