import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, failureOf, uniqueSuffix } from "../../test-helpers";
import {
  createLaunchReadyTenant,
  createTestServing,
  type LaunchReadyTenant,
} from "../workloads/fixtures";

afterAll(closeRateLimiter);

async function servedTenant() {
  // A DE organisation whose class runs on one simulated cluster in DE.
  const tenant = await createLaunchReadyTenant();
  const { model, runtime } = await createTestServing();
  return { ...tenant, model, runtime };
}

const deployInput = (
  tenant: LaunchReadyTenant & { model: { id: string }; runtime: { id: string } },
  overrides: { projectId?: string; minReplicas?: number; idleSecondsBeforeZero?: number | null },
) => ({
  organizationId: tenant.org.id,
  projectId: overrides.projectId ?? tenant.project.id,
  allocationLineId: tenant.line.id,
  name: "Rules endpoint",
  modelId: tenant.model.id,
  runtimeId: tenant.runtime.id,
  unitsPerReplica: 1,
  minReplicas: overrides.minReplicas ?? 0,
  maxReplicas: 2,
  replicas: 1,
  idleSecondsBeforeZero: overrides.idleSecondsBeforeZero ?? null,
});

async function endpointState(id: string) {
  const [endpoint, workload, outbox, audit] = await Promise.all([
    db.endpoint.findUniqueOrThrow({ where: { workloadId: id } }),
    db.workload.findUniqueOrThrow({ where: { id } }),
    db.outboxEvent.count({ where: { aggregateId: id } }),
    db.auditEvent.count({ where: { targetId: id } }),
  ]);
  return {
    desired: endpoint.desiredReplicas,
    held: workload.heldUnitSeconds,
    outbox,
    audit,
  };
}

describe("an endpoint whose minimum is 1 or more", () => {
  it("is refused scaling to zero in words, not a server error, and nothing changes", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    const kept = await caller.endpoints.deploy(deployInput(tenant, { minReplicas: 1 }));
    const ref = { organizationId: tenant.org.id, endpointId: kept.id };
    expect((await caller.endpoints.get(ref)).scalesToZero).toBe(false);
    const before = await endpointState(kept.id);

    const refused = await failureOf(caller.endpoints.scaleToZero(ref));
    expect(refused).toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "This endpoint keeps at least 1 replica running (its minimum), so it is never scaled to zero; deploy it with a minimum of 0 to let it scale to zero, or delete it to stop it.",
    });
    expect(await endpointState(kept.id)).toEqual(before);

    const free = await caller.endpoints.deploy(deployInput(tenant, { minReplicas: 0 }));
    const freeRef = { organizationId: tenant.org.id, endpointId: free.id };
    expect((await caller.endpoints.get(freeRef)).scalesToZero).toBe(true);
    expect((await caller.endpoints.scaleToZero(freeRef)).desiredReplicas).toBe(0);
  });
});

describe("an idle time on an endpoint that keeps a replica", () => {
  it("is refused at deploy in words, and nothing is deployed", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    const before = await db.endpoint.count({
      where: { workload: { organizationId: tenant.org.id } },
    });
    const refused = await failureOf(
      caller.endpoints.deploy(deployInput(tenant, { minReplicas: 1, idleSecondsBeforeZero: 1800 })),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      message:
        "An endpoint with a minimum of 1 or more replicas is never scaled to zero: set its minimum to 0 to scale it to zero when idle, or choose never.",
    });
    expect(
      await db.endpoint.count({ where: { workload: { organizationId: tenant.org.id } } }),
    ).toBe(before);
    const idle = await caller.endpoints.deploy(
      deployInput(tenant, { minReplicas: 0, idleSecondsBeforeZero: 1800 }),
    );
    expect(idle.id).toBeTruthy();
  });
});

describe("the endpoint form's placement, by the server's own rule", () => {
  it("says a project no cluster may serve cannot deploy there, in the words deploy refuses with", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    const restricted = await db.project.create({
      data: {
        organizationId: tenant.org.id,
        slug: `restricted-${uniqueSuffix()}`,
        name: "Restricted notes",
        classification: "RESTRICTED",
        residency: "GB",
      },
    });
    const options = await caller.workloads.formOptions({ organizationId: tenant.org.id });
    const line = options.lines.find((l) => l.allocationLineId === tenant.line.id)!;
    const reachOf = (projectId: string) =>
      line.endpointReach.find((r) => r.projectId === projectId)!;

    expect(reachOf(tenant.project.id)).toMatchObject({
      clusterName: tenant.cluster.name,
      problem: null,
    });
    const blocked = reachOf(restricted.id);
    expect(blocked.clusterName).toBeNull();
    expect(blocked.jurisdictions).toEqual(["DE"]);
    expect(blocked.problem).toContain("the project's data must stay in GB");

    const endpoints = await db.endpoint.count({ where: { organizationId: tenant.org.id } });
    const refused = await failureOf(
      caller.endpoints.deploy(deployInput(tenant, { projectId: restricted.id })),
    );
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: blocked.problem });
    expect(await db.endpoint.count({ where: { organizationId: tenant.org.id } })).toBe(endpoints);
  });
});
