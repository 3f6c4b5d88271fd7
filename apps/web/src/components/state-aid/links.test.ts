import { describe, expect, it } from "vitest";
import { stateAidApplicationHref, stateAidOrganisationHref } from "./links";
import { stateAidRoutes } from "./paths";

describe("links on the state-aid pages", () => {
  it("take a platform administrator to the organisation's review page", () => {
    expect(stateAidOrganisationHref(["PLATFORM_ADMIN"], "org_1", null)).toBe(
      "/admin/organizations/org_1",
    );
  });

  it("take a programme administrator, who may not open that page, to the organisation's ledger rows", () => {
    expect(stateAidOrganisationHref(["PROGRAM_ADMIN"], "org_1", null)).toBe(
      "/admin/state-aid/ledger?organization=org_1",
    );
    expect(
      stateAidOrganisationHref(["PROGRAM_ADMIN"], "org_1", stateAidRoutes.ledgerForGroup("g")),
    ).toBe("/admin/state-aid/ledger?organization=org_1");
  });

  it("leave the name as text for her where those rows are already linked beside it or shown", () => {
    expect(
      stateAidOrganisationHref(["PROGRAM_ADMIN"], "org_1", stateAidRoutes.ledgerFor("org_1")),
    ).toBeNull();
  });

  it("link an award's application only for those who may open the programme's pages", () => {
    expect(stateAidApplicationHref(["PROGRAM_ADMIN"], "prog_1", "req_1")).toBe(
      "/admin/programmes/prog_1/applications/req_1",
    );
    expect(stateAidApplicationHref(["PLATFORM_ADMIN"], "prog_1", "req_1")).toBeNull();
  });
});
