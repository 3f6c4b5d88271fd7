import { describe, expect, it } from "vitest";
import { auditTargetHref, type AuditTargetRef } from "./audit-links";
import type { Viewer } from "./viewer";

const ORG = "org_acme";

const events = {
  organisation: { targetType: "Organization", targetId: ORG, target: { name: "Acme" } },
  project: { targetType: "Project", targetId: "prj_1", target: { name: "Speech" } },
  job: { targetType: "Workload", targetId: "wl_1", target: { name: "train-7b" } },
  apiKey: { targetType: "ApiKey", targetId: "key_1", target: { name: "ci" } },
  membership: { targetType: "Membership", targetId: "mem_1", target: { name: "ada@acme.test" } },
  application: {
    targetType: "AllocationRequest",
    targetId: "req_1",
    target: { name: "Speech encoders", programmeId: "prog_1", applicationId: "req_1" },
  },
  programme: {
    targetType: "Programme",
    targetId: "prog_1",
    target: { name: "AI for science", programmeId: "prog_1" },
  },
  cluster: { targetType: "Cluster", targetId: "cl_1", target: { name: "North" } },
} satisfies Record<string, Omit<AuditTargetRef, "organizationId">>;

type EventName = keyof typeof events;

function hrefs(viewer: Viewer, scope: "platform" | "tenant") {
  const result = {} as Record<EventName, string | null>;
  for (const [name, event] of Object.entries(events))
    result[name as EventName] = auditTargetHref(viewer, scope, { ...event, organizationId: ORG });
  return result;
}

const viewer = (platformRoles: Viewer["platformRoles"], memberOf: string[] = []): Viewer => ({
  platformRoles,
  memberOf: new Set(memberOf),
});

describe("audit target links", () => {
  it("give a platform administrator who is no member only the admin pages she may open", () => {
    expect(hrefs(viewer(["PLATFORM_ADMIN"]), "platform")).toEqual({
      organisation: "/admin/organizations/org_acme",
      project: null,
      job: null,
      apiKey: null,
      membership: null,
      // The programme pages are for programme administrators: she would be refused there.
      application: null,
      programme: null,
      cluster: "/operator/catalogue/clusters/cl_1",
    });
  });

  it("give a platform administrator who is also a member the tenant pages of her organisation", () => {
    const admin = viewer(["PLATFORM_ADMIN"], [ORG]);
    expect(hrefs(admin, "platform")).toMatchObject({
      organisation: "/admin/organizations/org_acme",
      project: "/orgs/org_acme/projects",
      job: "/orgs/org_acme/jobs/wl_1",
      apiKey: "/orgs/org_acme/api-keys",
      membership: "/orgs/org_acme/members",
      application: "/orgs/org_acme/applications/req_1",
    });
    // On the organisation's own log, the member's page of the organisation comes first.
    expect(hrefs(admin, "tenant").organisation).toBe("/orgs/org_acme");
  });

  it("give a programme administrator her programme pages and nothing of a tenant she is not in", () => {
    expect(hrefs(viewer(["PROGRAM_ADMIN"]), "platform")).toEqual({
      organisation: null,
      project: null,
      job: null,
      apiKey: null,
      membership: null,
      application: "/admin/programmes/prog_1/applications/req_1",
      programme: "/admin/programmes/prog_1",
      cluster: "/operator/catalogue/clusters/cl_1",
    });
  });

  it("give a member on her organisation's log its tenant pages and no admin ones", () => {
    expect(hrefs(viewer([], [ORG]), "tenant")).toEqual({
      organisation: "/orgs/org_acme",
      project: "/orgs/org_acme/projects",
      job: "/orgs/org_acme/jobs/wl_1",
      apiKey: "/orgs/org_acme/api-keys",
      membership: "/orgs/org_acme/members",
      application: "/orgs/org_acme/applications/req_1",
      programme: null,
      cluster: null,
    });
  });

  it("give an operator the catalogue and the organisation review, no tenant or programme page", () => {
    expect(hrefs(viewer(["OPERATOR"]), "platform")).toEqual({
      organisation: "/admin/organizations/org_acme",
      project: null,
      job: null,
      apiKey: null,
      membership: null,
      application: null,
      programme: null,
      cluster: "/operator/catalogue/clusters/cl_1",
    });
  });

  it("link nothing for someone with no role and no membership, nor a target that is gone", () => {
    expect(Object.values(hrefs(viewer([]), "platform")).every((href) => href === null)).toBe(true);
    const admin = viewer(["PLATFORM_ADMIN"], [ORG]);
    expect(
      auditTargetHref(admin, "platform", { ...events.job, organizationId: ORG, target: null }),
    ).toBeNull();
  });
});
