import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, failureOf, uniqueSuffix } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
} from "../programmes/fixtures";
import { createTestCluster, createTestServing } from "./fixtures";

afterAll(closeRateLimiter);

/** An organisation awarded GPU-hours (on a simulated cluster) and 5 million tokens of a tier. */
async function tenantWithTokens() {
  const applicant = await createTestApplicant({ country: "DE" });
  const gpu = await createTestResourceClass();
  await createTestCluster(gpu.id);
  const tokens = await createTestResourceClass({
    kind: "TOKENS",
    name: `Shared 8B chat model — tokens ${uniqueSuffix()}`,
    listPriceMinorPerHour: 40,
  });
  const programme = await createTestProgramme();
  const admin = await createProgrammeAdmin();
  const applicationId = await applicationUnderReview(admin, applicant, programme, [
    { resourceClassId: gpu.id, unitHours: 10 },
    { resourceClassId: tokens.id, unitHours: 5 },
  ]);
  const { allocationId } = await callerFor(admin).applications.admin.approve({
    applicationId,
    validFrom: new Date(Date.now() - 86_400_000),
    validTo: new Date(Date.now() + 30 * 86_400_000),
  });
  const lines = await db.allocationLine.findMany({ where: { allocationId } });
  const tokenLine = lines.find((line) => line.resourceClassId === tokens.id)!;
  const gpuLine = lines.find((line) => line.resourceClassId === gpu.id)!;
  const { model, runtime } = await createTestServing();
  return { ...applicant, tokens, tokenLine, gpuLine, model, runtime };
}

type Tenant = Awaited<ReturnType<typeof tenantWithTokens>>;

const jobOn = (tenant: Tenant, allocationLineId: string) => ({
  organizationId: tenant.org.id,
  projectId: tenant.project.id,
  allocationLineId,
  name: "Tokens are not hardware",
  quantity: 1,
  walltimeSeconds: 600,
  source: { type: "script" as const, script: "#!/bin/bash\necho hi\n" },
});

const endpointOn = (tenant: Tenant, allocationLineId: string) => ({
  organizationId: tenant.org.id,
  projectId: tenant.project.id,
  allocationLineId,
  name: "Tokens endpoint",
  modelId: tenant.model.id,
  runtimeId: tenant.runtime.id,
  unitsPerReplica: 1,
  minReplicas: 0,
  maxReplicas: 1,
  replicas: 1,
  idleSecondsBeforeZero: null,
});

async function writtenBy(tenant: Tenant) {
  const [workloads, holds, line] = await Promise.all([
    db.workload.count({ where: { organizationId: tenant.org.id } }),
    db.quotaHold.count({ where: { organizationId: tenant.org.id } }),
    db.allocationLine.findUniqueOrThrow({ where: { id: tenant.tokenLine.id } }),
  ]);
  return { workloads, holds, held: line.heldUnitSeconds };
}

describe("a tokens allocation line runs no job or endpoint", () => {
  it("is refused in words by submit, preview and deploy, and nothing is written", async () => {
    const tenant = await tenantWithTokens();
    const caller = callerFor(tenant.owner);
    const before = await writtenBy(tenant);
    const tier = tenant.tokens.name;

    const job = await failureOf(caller.workloads.submit(jobOn(tenant, tenant.tokenLine.id)));
    expect(job).toMatchObject({
      code: "BAD_REQUEST",
      message: `${tier} is tokens of a shared model, spent by calling it through the gateway with an API key; it cannot run a job. Choose an allocation line of GPUs, MIG slices or CPU cores.`,
    });
    const { source: _source, name: _name, ...shape } = jobOn(tenant, tenant.tokenLine.id);
    const preview = await failureOf(caller.workloads.preview(shape));
    expect(preview).toMatchObject({ code: "BAD_REQUEST", message: job.message });
    const endpoint = await failureOf(
      caller.endpoints.deploy(endpointOn(tenant, tenant.tokenLine.id)),
    );
    expect(endpoint.code).toBe("BAD_REQUEST");
    expect(endpoint.message).toMatch(
      /it cannot run an endpoint\. Choose an allocation line of GPUs/,
    );
    expect(await writtenBy(tenant)).toEqual(before);
  });

  it("is not offered by the job and endpoint forms, while the compute line is", async () => {
    const tenant = await tenantWithTokens();
    const options = await callerFor(tenant.owner).workloads.formOptions({
      organizationId: tenant.org.id,
    });
    const offered = options.lines.map((line) => line.allocationLineId);
    expect(offered).toContain(tenant.gpuLine.id);
    expect(offered).not.toContain(tenant.tokenLine.id);
  });

  it("refuses to scale up an endpoint drawing on tokens; scaling it to zero still works", async () => {
    const tenant = await tenantWithTokens();
    const caller = callerFor(tenant.owner);
    const deployed = await caller.endpoints.deploy(endpointOn(tenant, tenant.gpuLine.id));
    // Only a row written outside Tessera's own paths could draw on tokens: scaling must still say no.
    await db.workload.update({
      where: { id: deployed.id },
      data: { resourceClassId: tenant.tokens.id },
    });
    const target = { organizationId: tenant.org.id, endpointId: deployed.id };
    const scaled = await failureOf(caller.endpoints.scale({ ...target, replicas: 1 }));
    expect(scaled.code).toBe("BAD_REQUEST");
    const zero = await caller.endpoints.scaleToZero(target);
    expect(zero.desiredReplicas).toBe(0);
    const woken = await failureOf(caller.endpoints.wake(target));
    expect(woken).toMatchObject({ code: "BAD_REQUEST" });
    expect(woken.message).toMatch(/^This endpoint draws on tokens of a shared model/);
    expect(
      (await db.endpoint.findUniqueOrThrow({ where: { workloadId: deployed.id } })).desiredReplicas,
    ).toBe(0);
  });

  it("answers a stranger's submit on the tokens line with not found, before any tokens talk", async () => {
    const tenant = await tenantWithTokens();
    const stranger = await createTestApplicant();
    const refused = await failureOf(
      callerFor(stranger.owner).workloads.submit({
        ...jobOn(tenant, tenant.tokenLine.id),
        organizationId: stranger.org.id,
        projectId: stranger.project.id,
      }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    expect(refused.message).not.toMatch(/tokens/);
  });
});
