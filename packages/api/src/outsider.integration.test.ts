/**
 * A member of another organisation calls every tenant procedure against a victim organisation's
 * real rows and must get NOT_FOUND — the answer for rows that do not exist — while the victim's
 * data stays exactly as it was. The procedure list comes from the router itself: a new tenant
 * procedure without a case here fails the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finaliseInvoice, SYSTEM_ACTOR } from "@tessera/core";
import { db, type Invitation, type Membership, type Organization, type Project } from "@tessera/db";
import { closeRateLimiter } from "./rate-limit";
import { appRouter } from "./root";
import {
  createProgrammeAdmin,
  createTestProgramme,
  createTestResourceClass,
  type TestProgramme,
} from "./routers/programmes/fixtures";
import { createTestCluster } from "./routers/workloads/fixtures";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  uniqueSuffix,
  type TestPrincipal,
} from "./test-helpers";

afterAll(closeRateLimiter);

interface Victim {
  org: Organization;
  member: Membership;
  invitation: Invitation;
  project: Project;
  programme: TestProgramme;
  resourceClassId: string;
  /** A draft the victim is still writing. */
  application: { id: string };
  /** An approved application's allocation. */
  allocation: { id: string };
  allocationLineId: string;
  /** A training job the victim submitted. */
  workload: { id: string };
  /** An inference endpoint the victim deployed, with the catalogue entries it uses. */
  endpoint: { id: string };
  modelId: string;
  runtimeId: string;
  /** A finalised invoice of the victim's (January 2026's usage). */
  invoice: { id: string };
  /** A gateway key the victim created for the project. */
  apiKey: { id: string };
}

interface Attacker {
  user: TestPrincipal;
  /** The attacker's own organisation, where they are an owner. */
  org: Organization;
}

type Case = (victim: Victim, attacker: Attacker) => Record<string, unknown>[];

/**
 * How to aim each tenant procedure at the victim. Where a procedure takes a row id, a second input
 * names the attacker's own organisation (where they hold every permission) with the victim's row:
 * the tenant-scoped client must still not find it.
 */
const CASES: Record<string, Case> = {
  "organizations.get": (v) => [{ organizationId: v.org.id }],
  "organizations.update": (v) => [
    { organizationId: v.org.id, name: "Taken over", registryId: "STOLEN-1" },
  ],
  "members.list": (v) => [{ organizationId: v.org.id }],
  "members.updateRole": (v, a) => [
    { organizationId: v.org.id, membershipId: v.member.id, role: "OWNER" },
    { organizationId: a.org.id, membershipId: v.member.id, role: "OWNER" },
  ],
  "members.remove": (v, a) => [
    { organizationId: v.org.id, membershipId: v.member.id },
    { organizationId: a.org.id, membershipId: v.member.id },
  ],
  "members.leave": (v) => [{ organizationId: v.org.id }],
  "invitations.list": (v) => [{ organizationId: v.org.id }],
  "invitations.create": (v) => [
    { organizationId: v.org.id, email: `intruder-${uniqueSuffix()}@tessera.test`, role: "OWNER" },
  ],
  "invitations.revoke": (v, a) => [
    { organizationId: v.org.id, invitationId: v.invitation.id },
    { organizationId: a.org.id, invitationId: v.invitation.id },
  ],
  "projects.list": (v) => [{ organizationId: v.org.id }],
  "projects.create": (v) => [
    { organizationId: v.org.id, name: "Planted project", classification: "PUBLIC" },
  ],
  "audit.list": (v) => [{ organizationId: v.org.id }],
  "programmes.browse": (v) => [{ organizationId: v.org.id }],
  "programmes.get": (v) => [{ organizationId: v.org.id, programmeId: v.programme.id }],
  "applications.list": (v) => [{ organizationId: v.org.id }],
  "applications.get": (v, a) => [
    { organizationId: v.org.id, applicationId: v.application.id },
    { organizationId: a.org.id, applicationId: v.application.id },
  ],
  "applications.create": (v, a) => [
    applicationDraft(v, v.org.id),
    // The attacker's own organisation, pointed at the victim's project.
    applicationDraft(v, a.org.id),
  ],
  "applications.update": (v, a) => [
    { organizationId: v.org.id, applicationId: v.application.id, title: "Taken over" },
    { organizationId: a.org.id, applicationId: v.application.id, title: "Taken over" },
    {
      organizationId: a.org.id,
      applicationId: v.application.id,
      otherDeMinimisAid: [plantedAid()],
    },
  ],
  "applications.submit": (v, a) => [
    { organizationId: v.org.id, applicationId: v.application.id },
    { organizationId: a.org.id, applicationId: v.application.id },
  ],
  "applications.withdraw": (v, a) => [
    { organizationId: v.org.id, applicationId: v.application.id },
    { organizationId: a.org.id, applicationId: v.application.id },
  ],
  "allocations.list": (v) => [{ organizationId: v.org.id }],
  "allocations.get": (v, a) => [
    { organizationId: v.org.id, allocationId: v.allocation.id },
    { organizationId: a.org.id, allocationId: v.allocation.id },
  ],
  "workloads.formOptions": (v) => [{ organizationId: v.org.id }],
  "workloads.preview": (v, a) => [
    jobShape(v, v.org.id),
    // The attacker's own organisation, pointed at the victim's project and allocation.
    jobShape(v, a.org.id),
  ],
  "workloads.submit": (v, a) => [plantedJob(v, v.org.id), plantedJob(v, a.org.id)],
  "workloads.list": (v) => [{ organizationId: v.org.id }],
  "workloads.get": (v, a) => [
    { organizationId: v.org.id, workloadId: v.workload.id },
    { organizationId: a.org.id, workloadId: v.workload.id },
  ],
  "workloads.usageSoFar": (v, a) => [
    { organizationId: v.org.id, workloadId: v.workload.id },
    { organizationId: a.org.id, workloadId: v.workload.id },
  ],
  "workloads.usageSoFarOfJobs": (v, a) => [
    { organizationId: v.org.id, workloadIds: [v.workload.id] },
    { organizationId: a.org.id, workloadIds: [v.workload.id] },
  ],
  "workloads.cancel": (v, a) => [
    { organizationId: v.org.id, workloadId: v.workload.id },
    { organizationId: a.org.id, workloadId: v.workload.id },
  ],
  "endpoints.list": (v) => [{ organizationId: v.org.id }],
  "endpoints.get": (v, a) => endpointTargets(v, a),
  "endpoints.cost": (v, a) => endpointTargets(v, a),
  "endpoints.deploy": (v, a) => [plantedEndpoint(v, v.org.id), plantedEndpoint(v, a.org.id)],
  "endpoints.scale": (v, a) => endpointTargets(v, a).map((input) => ({ ...input, replicas: 2 })),
  "endpoints.scaleToZero": (v, a) => endpointTargets(v, a),
  "endpoints.wake": (v, a) => endpointTargets(v, a),
  "endpoints.delete": (v, a) => endpointTargets(v, a),
  "models.list": (v) => [{ organizationId: v.org.id }],
  "models.runtimes": (v) => [{ organizationId: v.org.id }],
  "billing.current": (v) => [{ organizationId: v.org.id }],
  "billing.invoices": (v) => [{ organizationId: v.org.id }],
  "billing.invoice": (v, a) => [
    { organizationId: v.org.id, invoiceId: v.invoice.id },
    { organizationId: a.org.id, invoiceId: v.invoice.id },
  ],
  "billing.invoiceDocument": (v, a) => [
    { organizationId: v.org.id, invoiceId: v.invoice.id },
    { organizationId: a.org.id, invoiceId: v.invoice.id },
  ],
  "billing.usage": (v) => [{ organizationId: v.org.id }],
  "apiKeys.list": (v) => [{ organizationId: v.org.id }],
  "apiKeys.get": (v, a) => apiKeyTargets(v, a),
  "apiKeys.formOptions": (v) => [{ organizationId: v.org.id }],
  "apiKeys.create": (v, a) => [plantedKey(v, v.org.id), plantedKey(v, a.org.id)],
  "apiKeys.rotate": (v, a) => apiKeyTargets(v, a).map((input) => ({ ...input, grace: "NONE" })),
  "apiKeys.revoke": (v, a) => apiKeyTargets(v, a),
  "apiKeys.usage": (v) => [
    { organizationId: v.org.id, days: 7 },
    { organizationId: v.org.id, days: 30, apiKeyId: v.apiKey.id },
  ],
  "apiKeys.update": (v, a) =>
    apiKeyTargets(v, a).map((input) => ({ ...input, name: "Planted key", tokensPerMinute: 1 })),
  "billing.budget": (v) => [{ organizationId: v.org.id }],
  "billing.setBudget": (v) => [
    { organizationId: v.org.id, budgetMinor: 1 },
    { organizationId: v.org.id, budgetMinor: null },
  ],
  "billing.settings": (v) => [{ organizationId: v.org.id }],
  "billing.setAddress": (v) => [
    { organizationId: v.org.id, address: "Planted street 1\n10115 Berlin" },
    { organizationId: v.org.id, address: null },
  ],
};

function apiKeyTargets(victim: Victim, attacker: Attacker) {
  return [
    { organizationId: victim.org.id, apiKeyId: victim.apiKey.id },
    { organizationId: attacker.org.id, apiKeyId: victim.apiKey.id },
  ];
}

function plantedKey(victim: Victim, organizationId: string) {
  return {
    organizationId,
    projectId: victim.project.id,
    name: "Planted key",
    expiresInDays: 30,
    allowedEndpointIds: [victim.endpoint.id],
  };
}

function endpointTargets(victim: Victim, attacker: Attacker) {
  return [
    { organizationId: victim.org.id, endpointId: victim.endpoint.id },
    { organizationId: attacker.org.id, endpointId: victim.endpoint.id },
  ];
}

function plantedEndpoint(victim: Victim, organizationId: string) {
  return {
    organizationId,
    projectId: victim.project.id,
    allocationLineId: victim.allocationLineId,
    name: "Planted endpoint",
    modelId: victim.modelId,
    runtimeId: victim.runtimeId,
    unitsPerReplica: 1,
    minReplicas: 0,
    maxReplicas: 2,
    replicas: 1,
    idleSecondsBeforeZero: null,
  };
}

function jobShape(victim: Victim, organizationId: string) {
  return {
    organizationId,
    projectId: victim.project.id,
    allocationLineId: victim.allocationLineId,
    quantity: 1,
    walltimeSeconds: 600,
  };
}

function plantedJob(victim: Victim, organizationId: string) {
  return {
    ...jobShape(victim, organizationId),
    name: "Planted job",
    source: { type: "script", script: "#!/bin/bash\necho planted\n" },
  };
}

/** Other de minimis aid an outsider tries to declare for someone else's application. */
function plantedAid() {
  return {
    grantor: "Planted grantor",
    amountMinor: 100_000,
    grantedOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
  };
}

function applicationDraft(victim: Victim, organizationId: string) {
  return {
    organizationId,
    projectId: victim.project.id,
    programmeId: victim.programme.id,
    callId: victim.programme.calls[0]!.id,
    title: "Planted application",
    abstract: "An application planted by an outsider in someone else's organisation.",
    justification: "None: this is an attack on tenancy, and it must find nothing at all.",
    dataClassification: "RESTRICTED",
    periodStart: new Date(Date.now() + 86_400_000),
    periodEnd: new Date(Date.now() + 30 * 86_400_000),
    lines: [{ resourceClassId: victim.resourceClassId, unitHours: 10 }],
    otherDeMinimisAid: [plantedAid()],
  };
}

function tenantProcedurePaths(): string[] {
  return Object.entries(appRouter._def.procedures)
    .filter(
      ([, procedure]) =>
        (procedure as unknown as { _def: { meta?: { scope?: string } } })._def.meta?.scope ===
        "tenant",
    )
    .map(([path]) => path);
}

/** Calls a procedure by its dotted path on a caller acting as `user`. */
function call(user: TestPrincipal, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(user);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** Everything of the victim's that an outsider's call could change. */
async function snapshot(organizationId: string) {
  const [
    org,
    memberships,
    invitations,
    projects,
    auditEvents,
    mail,
    applications,
    allocations,
    workloads,
    outbox,
    endpoints,
    invoices,
    apiKeys,
    billingAccount,
    stateAid,
  ] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.project.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { organizationId } }),
    db.mailMessage.count({ where: { to: { startsWith: "intruder-" } } }),
    db.allocationRequest.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      include: {
        lines: { orderBy: { id: "asc" } },
        events: { orderBy: { id: "asc" } },
        declaredAid: { orderBy: { position: "asc" } },
      },
    }),
    db.allocation.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      include: { lines: { orderBy: { id: "asc" } } },
    }),
    db.workload.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      include: { events: { orderBy: { id: "asc" } } },
    }),
    db.outboxEvent.count(),
    db.endpoint.findMany({
      where: { organizationId },
      orderBy: { workloadId: "asc" },
      include: { samples: { orderBy: { id: "asc" } } },
    }),
    db.invoice.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      include: { lines: { orderBy: { position: "asc" } } },
    }),
    db.apiKey.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.billingAccount.findUnique({ where: { organizationId } }),
    db.stateAidAward.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
  ]);
  // Planted rows would land in the attacker's organisation, so count everything planted anywhere.
  const planted = await db.allocationRequest.count({ where: { title: "Planted application" } });
  const plantedJobs = await db.workload.count({
    where: { name: { in: ["Planted job", "Planted endpoint"] } },
  });
  const plantedKeys = await db.apiKey.count({ where: { name: "Planted key" } });
  return JSON.stringify(
    {
      org,
      memberships,
      invitations,
      projects,
      auditEvents,
      mail,
      applications,
      allocations,
      planted,
      workloads,
      outbox,
      plantedJobs,
      endpoints,
      invoices,
      apiKeys,
      plantedKeys,
      billingAccount,
      stateAid,
    },
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
  );
}

describe("outsiders", () => {
  let victim: Victim;
  let attacker: Attacker;

  beforeAll(async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "VERIFIED");
    const { membership: member } = await createTestMember(org.id, "MEMBER");
    const ownerCaller = callerFor(owner);
    const invited = await ownerCaller.invitations.create({
      organizationId: org.id,
      email: `victim-invitee-${uniqueSuffix()}@tessera.test`,
      role: "ADMIN",
    });
    const project = await ownerCaller.projects.create({
      organizationId: org.id,
      name: "Victim project",
      classification: "RESTRICTED",
    });
    const resourceClass = await createTestResourceClass();
    const programme = await createTestProgramme();
    const lines = [{ resourceClassId: resourceClass.id, unitHours: 10 }];
    const draftFor = (title: string) => ({
      organizationId: org.id,
      projectId: project.id,
      programmeId: programme.id,
      callId: programme.calls[0]!.id,
      title,
      abstract: "Sequencing-scale protein language models on restricted clinical data.",
      justification: "Training needs sustained GPU time that the lab does not own.",
      dataClassification: "RESTRICTED" as const,
      periodStart: new Date(Date.now() - 86_400_000),
      periodEnd: new Date(Date.now() + 90 * 86_400_000),
      lines,
    });
    const application = await ownerCaller.applications.create(draftFor("Victim draft"));
    const approved = await ownerCaller.applications.create(draftFor("Victim award"));
    await ownerCaller.applications.submit({ organizationId: org.id, applicationId: approved.id });
    const admin = callerFor(await createProgrammeAdmin());
    await admin.applications.admin.startReview({ applicationId: approved.id });
    const { allocationId } = await admin.applications.admin.approve({ applicationId: approved.id });
    const line = await db.allocationLine.findFirstOrThrow({ where: { allocationId } });
    // RESTRICTED data stays in the organisation's country: the cluster is there.
    await createTestCluster(resourceClass.id, { jurisdiction: org.country });
    const workload = await ownerCaller.workloads.submit({
      organizationId: org.id,
      projectId: project.id,
      allocationLineId: line.id,
      name: "Victim job",
      quantity: 1,
      walltimeSeconds: 600,
      source: { type: "script", script: "#!/bin/bash\necho victim\n" },
    });
    const suffix = uniqueSuffix();
    const model = await db.model.create({
      data: {
        name: `tessera-test/victim-${suffix}`,
        family: "victim",
        parameters: 1_000_000n,
        licenseSpdx: "MIT",
        weightsSha256: "0".repeat(64),
        weightsOpen: true,
        dataOpen: false,
        codeOpen: false,
        openness: "OPEN_MODEL",
        sourceUrl: "https://models.tessera.test/victim",
      },
    });
    const runtime = await db.servingRuntime.create({
      data: {
        code: `victim-${suffix}`,
        name: "Victim runtime",
        image: "registry.tessera.test/serving/sim:1",
        args: [],
        port: 8000,
        healthPath: "/health",
        resourceKinds: ["GPU"],
      },
    });
    // A month of metered usage on the award, finalised into an invoice.
    await db.usageRecord.create({
      data: {
        organizationId: org.id,
        source: "SIM",
        sourceRef: `outsider:${uniqueSuffix()}`,
        intervalStart: new Date("2026-01-12T09:00:00Z"),
        intervalEnd: new Date("2026-01-12T11:00:00Z"),
        resourceClassId: resourceClass.id,
        projectId: project.id,
        allocationLineId: line.id,
        quantity: 1,
        unitSeconds: 7_200n,
        energyMilliWh: 1_400_000n,
        energyBasis: "ESTIMATED",
      },
    });
    const finalised = await finaliseInvoice(db, SYSTEM_ACTOR, {
      organizationId: org.id,
      period: "2026-01",
      sellerCountry: "DE",
      now: new Date("2026-02-05T00:00:00Z"),
    });
    // A monthly budget the outsider must neither read nor change.
    await ownerCaller.billing.setBudget({ organizationId: org.id, budgetMinor: 50_000 });
    // A postal address the outsider must neither read nor change.
    await ownerCaller.billing.setAddress({
      organizationId: org.id,
      address: "Victim street 1\n10115 Berlin",
    });
    const endpoint = await ownerCaller.endpoints.deploy({
      organizationId: org.id,
      projectId: project.id,
      allocationLineId: line.id,
      name: "Victim endpoint",
      modelId: model.id,
      runtimeId: runtime.id,
      unitsPerReplica: 1,
      minReplicas: 0,
      maxReplicas: 2,
      replicas: 1,
      idleSecondsBeforeZero: null,
    });
    const { key: apiKey } = await ownerCaller.apiKeys.create({
      organizationId: org.id,
      projectId: project.id,
      name: "Victim key",
      expiresInDays: 30,
      allowedEndpointIds: [endpoint.id],
    });
    victim = {
      org,
      member,
      invitation: await db.invitation.findUniqueOrThrow({ where: { id: invited.id } }),
      project,
      programme,
      resourceClassId: resourceClass.id,
      application,
      allocation: { id: allocationId },
      allocationLineId: line.id,
      workload,
      endpoint,
      modelId: model.id,
      runtimeId: runtime.id,
      invoice: { id: finalised!.invoice.id },
      apiKey,
    };

    const user = await createTestUser();
    attacker = { user, org: await createTestOrganization(user.id, "VERIFIED") };
  });

  it("have a case for every tenant procedure, and no case for anything else", () => {
    const paths = tenantProcedurePaths();
    expect(paths.length).toBeGreaterThan(0);
    const missing = paths.filter((path) => !(path in CASES));
    expect(missing, "add an outsider case for each of these tenant procedures").toEqual([]);
    const stale = Object.keys(CASES).filter((path) => !paths.includes(path));
    expect(stale, "these cases name procedures that are not tenant procedures").toEqual([]);
  });

  for (const path of tenantProcedurePaths()) {
    it(`get NOT_FOUND from ${path} and change nothing`, async () => {
      const make = CASES[path];
      expect(make, `no outsider case for ${path}`).toBeDefined();
      for (const input of make!(victim, attacker)) {
        const before = await snapshot(victim.org.id);
        const failure = await failureOf(call(attacker.user, path, input));
        expect(failure.code, `${path} with ${JSON.stringify(input)}`).toBe("NOT_FOUND");
        // The same words as for a row that does not exist: nothing tells the stranger it is there.
        expect(failure.message).toMatch(
          /^(Organisation|Member|Invitation|Project|Application|Allocation|Job|Endpoint|Invoice|API key) not found\.$/,
        );
        expect(await snapshot(victim.org.id)).toBe(before);
      }
    });
  }

  it("get the same answer for a real organisation as for one that does not exist", async () => {
    const real = await failureOf(
      callerFor(attacker.user).organizations.get({ organizationId: victim.org.id }),
    );
    const invented = await failureOf(
      callerFor(attacker.user).organizations.get({ organizationId: `nope${uniqueSuffix()}` }),
    );
    expect(real).toEqual(invented);
  });
});
