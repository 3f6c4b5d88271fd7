import { describe, expect, it } from "vitest";
import type { MembershipRole, PlatformRole } from "@tessera/db";
import {
  ORGANIZATION_PERMISSIONS,
  platformRolesMay,
  roleMay,
  type OrganizationAction,
} from "./permissions";

const ROLES: MembershipRole[] = ["OWNER", "ADMIN", "MEMBER", "BILLING", "VIEWER"];

// The permission table written out as a grid, so any change to it is a visible, deliberate edit here.
// prettier-ignore
const GRID: Record<OrganizationAction, string> = {
  //                       O A M B V
  "organization.read":    "x x x x x",
  "organization.update":  "x x . . .",
  "members.read":         "x x x x x",
  "members.invite":       "x x . . .",
  "members.updateRole":   "x x . . .",
  "members.remove":       "x x . . .",
  "invitations.read":     "x x . . .",
  "invitations.revoke":   "x x . . .",
  "projects.read":        "x x x x x",
  "projects.create":      "x x x . .",
  "projects.update":      "x x x . .",
  "audit.read":           "x x . . .",
  "programmes.read":      "x x x x x",
  "applications.read":    "x x x x x",
  "applications.write":   "x x x . .",
  "allocations.read":     "x x x x x",
  "workloads.read":       "x x x x x",
  "workloads.write":      "x x x . .",
  "endpoints.read":       "x x x x x",
  "endpoints.write":      "x x x . .",
  "apiKeys.read":         "x x x x x",
  "apiKeys.write":        "x x x . .",
  "apiKeys.manageAll":    "x x . . .",
  "billing.read":         "x x . x .",
  "billing.manage":       "x . . x .",
};

describe("organisation permissions", () => {
  it("cover exactly the actions in the grid", () => {
    expect(Object.keys(ORGANIZATION_PERMISSIONS).sort()).toEqual(Object.keys(GRID).sort());
  });

  for (const [action, row] of Object.entries(GRID) as [OrganizationAction, string][]) {
    const allowed = row.split(" ");
    ROLES.forEach((role, index) => {
      const expected = allowed[index] === "x";
      it(`${role} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(roleMay(role, action)).toBe(expected);
      });
    });
  }

  it("keep the viewer read-only and the audit log to managers", () => {
    expect(roleMay("VIEWER", "members.invite")).toBe(false);
    expect(roleMay("MEMBER", "audit.read")).toBe(false);
  });
});

describe("platform permissions", () => {
  const cases: [PlatformRole[], Parameters<typeof platformRolesMay>[1], boolean][] = [
    [["PLATFORM_ADMIN"], "organizations.review", true],
    [["OPERATOR"], "organizations.review", false],
    [["OPERATOR"], "organizations.readAll", true],
    [["REVIEWER", "PROGRAM_ADMIN"], "organizations.readAll", false],
    [["PLATFORM_ADMIN"], "audit.readAll", true],
    [["OPERATOR"], "audit.readAll", false],
    [[], "organizations.readAll", false],
    [["OPERATOR"], "catalogue.manage", true],
    [["PLATFORM_ADMIN", "PROGRAM_ADMIN"], "catalogue.manage", false],
    [["PROGRAM_ADMIN"], "catalogue.read", true],
    [["REVIEWER"], "catalogue.read", false],
    [["PROGRAM_ADMIN"], "programmes.manage", true],
    [["PLATFORM_ADMIN", "OPERATOR", "REVIEWER"], "programmes.manage", false],
    [["PROGRAM_ADMIN"], "applications.manage", true],
    [["REVIEWER"], "applications.manage", false],
    [["REVIEWER"], "reviews.perform", true],
    [["PROGRAM_ADMIN", "PLATFORM_ADMIN"], "reviews.perform", false],
    [["OPERATOR"], "endpoints.share", true],
    [["PLATFORM_ADMIN"], "endpoints.share", true],
    [["PROGRAM_ADMIN", "REVIEWER"], "endpoints.share", false],
  ];
  it.each(cases)("%j → %s is %s", (roles, action, expected) => {
    expect(platformRolesMay(roles, action)).toBe(expected);
  });
});
