import { describe, expect, it } from "vitest";
import { routes } from "../lib/paths";
import { notVerifiedGuidance } from "./not-verified-guidance";

const lumen = { id: "org_lumen", name: "Lumen", status: "PENDING" as const };

describe("what an organisation that is not verified is told to do", () => {
  it("sends a waiting organisation to check its details, never to apply or launch", () => {
    const guidance = notVerifiedGuidance(lumen, true)!;
    expect(guidance.title).toBe("Waiting for verification");
    expect(guidance.body).toContain("A platform administrator is checking the details of Lumen");
    expect(guidance.next).toEqual({
      label: "Check the organisation's details",
      href: routes.organisation("org_lumen"),
    });
    expect(guidance.next.href).not.toContain("/jobs");
    expect(guidance.next.href).not.toContain("programmes");
    expect(guidance.body).not.toMatch(/only verified/i);
  });

  it("sends a rejected organisation's manager to correct the details, a member to the reason", () => {
    const rejected = { ...lumen, status: "REJECTED" as const };
    expect(notVerifiedGuidance(rejected, true)!.next.href).toBe(routes.settings("org_lumen"));
    expect(notVerifiedGuidance(rejected, false)!.next).toEqual({
      label: "Read the reason",
      href: routes.organisation("org_lumen"),
    });
  });

  it("tells a suspended organisation to contact the platform team", () => {
    const guidance = notVerifiedGuidance({ ...lumen, status: "SUSPENDED" }, true)!;
    expect(guidance.title).toBe("Suspended");
    expect(guidance.body).toContain("contact the platform team");
  });

  it("has nothing to say once the organisation is verified", () => {
    expect(notVerifiedGuidance({ ...lumen, status: "VERIFIED" }, true)).toBeNull();
  });
});
