import { describe, expect, it } from "vitest";
import { homeSteps, mayRunEndpoints, offersNewOrganisation } from "./home-steps";
import type { Home, OrganisationHome, ProgrammeAdminHome, ReviewerHome } from "./types";

/** A home with no organisation and no platform role's part; each test adds what it needs. */
function homeOf(overrides: Partial<Home> = {}): Home {
  return {
    user: { id: "u1", name: "Rui Reviewer", email: "rui@example.test", platformRoles: [] },
    organizations: [],
    programmeAdmin: null,
    reviewer: null,
    operator: null,
    platformAdmin: null,
    at: "2026-03-02T09:00:00.000Z",
    ...overrides,
  } as Home;
}

const reviewer: ReviewerHome = { waiting: [], moreWaiting: false };
const programmeAdmin = {
  openCalls: [],
  awaitingDecision: { total: 2, items: [] },
  programmes: [],
} as unknown as ProgrammeAdminHome;

const labels = (home: Home) => homeSteps(home).map((step) => step.linkLabel);

describe("creating an organisation on the home page", () => {
  it("is the next step of someone in no organisation and with no platform role", () => {
    const home = homeOf();
    expect(offersNewOrganisation(home)).toBe(true);
    expect(labels(home)).toEqual(["Create an organisation"]);
    expect(homeSteps(home)[0]?.href).toBe("/onboarding");
  });

  it("is not offered to a reviewer in no organisation; their reviews are their next step", () => {
    const home = homeOf({
      user: { ...homeOf().user, platformRoles: ["REVIEWER"] },
      reviewer: { ...reviewer, waiting: [{}] as ReviewerHome["waiting"] },
    });
    expect(offersNewOrganisation(home)).toBe(false);
    expect(labels(home)).toEqual(["Go to my reviews"]);
  });

  it("is not offered to a programme administrator in no organisation; decisions owed come first", () => {
    const home = homeOf({
      user: { ...homeOf().user, platformRoles: ["PROGRAM_ADMIN"] },
      programmeAdmin,
    });
    expect(offersNewOrganisation(home)).toBe(false);
    expect(labels(home)).toEqual(["Go to the applications"]);
  });

  it("is not offered as a step to a member of an organisation (the cards carry their own)", () => {
    const home = homeOf({
      organizations: [
        { organization: { id: "o1", name: "Vela Vision Systems" }, nextSteps: ["CREATE_PROJECT"] },
      ] as unknown as Home["organizations"],
    });
    expect(offersNewOrganisation(home)).toBe(false);
    expect(labels(home)).toEqual(["Create a project"]);
  });
});

describe("whether an organisation's home offers to deploy an endpoint", () => {
  type Allocation = OrganisationHome["allocations"][number];
  const allocation = (state: Allocation["state"], kinds: string[]) =>
    ({
      state,
      lines: kinds.map((kind) => ({ resourceClass: { kind } })),
    }) as unknown as Allocation;

  it("does when an active allocation has a line of compute", () => {
    expect(mayRunEndpoints({ allocations: [allocation("ACTIVE", ["TOKENS", "GPU"])] })).toBe(true);
  });

  it("does not with no allocation, only tokens of the shared models, or only one yet to start", () => {
    expect(mayRunEndpoints({ allocations: [] })).toBe(false);
    expect(mayRunEndpoints({ allocations: [allocation("ACTIVE", ["TOKENS"])] })).toBe(false);
    expect(mayRunEndpoints({ allocations: [allocation("UPCOMING", ["GPU"])] })).toBe(false);
  });
});
