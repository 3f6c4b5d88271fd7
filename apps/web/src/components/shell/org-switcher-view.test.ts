import { describe, expect, it } from "vitest";
import type { NavOrganisation } from "./nav-data";
import { orgSwitcherView } from "./org-switcher-view";

function organisation(id: string, name: string): NavOrganisation {
  return {
    id,
    name,
    status: "VERIFIED",
    role: "OWNER",
    canReadAudit: true,
    canReadBilling: true,
    canManage: true,
  };
}

const northbridge = organisation("org1", "Northbridge University AI Lab");
const alpine = organisation("org2", "Alpine Institute of Technology");

describe("orgSwitcherView", () => {
  it("names a member's only organisation on every page, with nothing to choose", () => {
    for (const path of ["/dashboard", "/programmes", "/notifications", "/orgs/org1/billing"]) {
      expect(orgSwitcherView([northbridge], path)).toEqual({
        kind: "single",
        organisation: northbridge,
      });
    }
  });

  it("offers a member of several the menu, headed by the page's organisation or none", () => {
    expect(orgSwitcherView([northbridge, alpine], "/orgs/org2/projects")).toEqual({
      kind: "menu",
      current: alpine,
    });
    expect(orgSwitcherView([northbridge, alpine], "/dashboard")).toEqual({
      kind: "menu",
      current: null,
    });
    // An organisation the person is not a member of heads nothing.
    expect(orgSwitcherView([northbridge, alpine], "/orgs/org9")).toEqual({
      kind: "menu",
      current: null,
    });
  });

  it("shows no switcher to a person of no organisation", () => {
    expect(orgSwitcherView([], "/dashboard")).toBeNull();
  });
});
