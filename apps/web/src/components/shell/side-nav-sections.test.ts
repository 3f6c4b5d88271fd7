import { describe, expect, it } from "vitest";
import type { NavData, NavOrganisation } from "./nav-data";
import { sideNavSections } from "./side-nav-sections";

const organisation: NavOrganisation = {
  id: "org1",
  name: "Northbridge University AI Lab",
  status: "VERIFIED",
  role: "MEMBER",
  canReadAudit: false,
  canReadBilling: false,
  canManage: false,
};

function navOf(overrides: Partial<NavData> = {}): NavData {
  return {
    organisations: [],
    hasPlatformRole: false,
    canReviewOrganisations: false,
    canReadAllAudit: false,
    canReadStateAid: false,
    showOutbox: false,
    programmes: {
      canManageProgrammes: false,
      canReview: false,
      canReadCatalogue: false,
      unreadNotifications: 0,
    },
    workloads: { canReadTemplates: false, canReadOperations: false },
    ...overrides,
  };
}

/** Each section as its title and its links' labels. */
function outline(nav: NavData, current: string | null = null) {
  return sideNavSections(nav, current).map((section) => [
    section.title ?? "",
    section.items.map((item) => item.label),
  ]);
}

describe("sideNavSections", () => {
  it("offers creating an organisation to someone with none and no platform role", () => {
    expect(outline(navOf())).toEqual([
      ["", ["Dashboard", "Create an organisation", "Notifications"]],
    ]);
  });

  it("does not push a reviewer without an organisation to create one; their reviews have a section", () => {
    const reviewer = navOf({
      hasPlatformRole: true,
      programmes: { ...navOf().programmes, canReview: true },
    });
    expect(outline(reviewer)).toEqual([
      ["", ["Dashboard", "Notifications"]],
      ["Programmes and reviews", ["My reviews"]],
    ]);
  });

  it("gives a programme administrator programme work apart from the platform's catalogue", () => {
    const admin = navOf({
      hasPlatformRole: true,
      canReadStateAid: true,
      programmes: { ...navOf().programmes, canManageProgrammes: true, canReadCatalogue: true },
      workloads: { canReadTemplates: true, canReadOperations: false },
    });
    expect(outline(admin)).toEqual([
      ["", ["Dashboard", "Notifications"]],
      ["Programmes and reviews", ["Programmes (admin)", "State aid"]],
      ["Platform administration", ["Catalogue", "Job templates", "Models"]],
    ]);
  });

  it("gives an operator the platform's pages and no organisation to create", () => {
    const operator = navOf({
      hasPlatformRole: true,
      canReviewOrganisations: true,
      programmes: { ...navOf().programmes, canReadCatalogue: true },
      workloads: { canReadTemplates: true, canReadOperations: true },
    });
    const sections = outline(operator);
    expect(sections[0]).toEqual(["", ["Dashboard", "Notifications"]]);
    expect(sections.slice(1).map(([title]) => title)).toEqual(["Platform administration"]);
    expect(sections.flat(2)).not.toContain("Create an organisation");
  });

  it("leaves creating another organisation to the dashboard and the switcher for a member", () => {
    const member = navOf({ organisations: [organisation] });
    expect(outline(member)).toEqual([["", ["Dashboard", "Programmes", "Notifications"]]]);
    const inView = outline(member, "org1");
    expect(inView[1]?.[0]).toBe("Northbridge University AI Lab");
    expect(inView.flat(2)).not.toContain("Create an organisation");
  });
});
