import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import {
  callerFor,
  createTestOrganization,
  createTestUser,
  failureOf,
  uniqueSuffix,
} from "../../test-helpers";
import { createLaunchReadyTenant, submitInput } from "../workloads/fixtures";

afterAll(closeRateLimiter);

const operator = () => createTestUser({ platformRoles: ["OPERATOR"] });

function modelInput(overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  return {
    name: `tessera-test/catalogue-${suffix}`,
    family: "catalogue",
    parameters: 360_000_000,
    licenseSpdx: `Test-Licence-${suffix}`,
    weightsSha256: "AB".repeat(32),
    weightsOpen: true,
    dataOpen: false,
    codeOpen: true,
    openness: "OPEN_TOOLING" as const,
    sourceUrl: `https://models.tessera.test/${suffix}`,
    restrictions: null,
    trainedByWorkloadId: null,
    ...overrides,
  };
}

describe("models", () => {
  it("lets an operator register and correct a model, audited, and tenants filter the catalogue", async () => {
    const op = callerFor(await operator());
    const input = modelInput();
    const created = await op.models.create(input);
    expect(created).toMatchObject({
      name: input.name,
      parameters: "360000000",
      weightsSha256: "ab".repeat(32),
      openness: "OPEN_TOOLING",
    });
    const closed = await op.models.create(
      modelInput({
        licenseSpdx: input.licenseSpdx,
        weightsOpen: false,
        codeOpen: false,
        openness: "WEIGHTS_AVAILABLE",
      }),
    );

    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "VERIFIED");
    const tenant = callerFor(owner);
    const byLicence = await tenant.models.list({
      organizationId: org.id,
      licenseSpdx: input.licenseSpdx,
    });
    expect(byLicence.map((m) => m.id).sort()).toEqual([created.id, closed.id].sort());
    const open = await tenant.models.list({
      organizationId: org.id,
      licenseSpdx: input.licenseSpdx,
      openness: ["OPEN_SCIENCE", "OPEN_TOOLING", "OPEN_MODEL"],
    });
    expect(open.map((m) => m.id)).toEqual([created.id]);

    await op.models.update({ modelId: closed.id, active: false });
    const active = await tenant.models.list({
      organizationId: org.id,
      licenseSpdx: input.licenseSpdx,
    });
    expect(active.map((m) => m.id)).toEqual([created.id]);
    expect((await op.models.all()).some((m) => m.id === closed.id && !m.active)).toBe(true);

    const actions = await db.auditEvent.findMany({
      where: { targetId: { in: [created.id, closed.id] } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "model.created",
      "model.created",
      "model.updated",
    ]);
  });

  it("refuses an openness class above what is open, a duplicate name, and non-operators", async () => {
    const op = callerFor(await operator());
    const overclaim = await failureOf(op.models.create(modelInput({ openness: "OPEN_SCIENCE" })));
    expect(overclaim.code).toBe("BAD_REQUEST");
    expect(overclaim.message).toMatch(/at most open tooling/);

    const input = modelInput();
    await op.models.create(input);
    const duplicate = await failureOf(op.models.create(input));
    expect(duplicate.code).toBe("CONFLICT");

    const stranger = callerFor(await createTestUser());
    expect((await failureOf(stranger.models.create(modelInput()))).code).toBe("FORBIDDEN");
    expect(await db.model.count({ where: { name: input.name } })).toBe(1);
  });

  it("registers a model with the completed Tessera job that trained it as its pipeline", async () => {
    const op = callerFor(await operator());
    const tenant = await createLaunchReadyTenant();
    const job = await callerFor(tenant.owner).workloads.submit(submitInput(tenant));
    const running = await failureOf(op.models.create(modelInput({ trainedByWorkloadId: job.id })));
    expect(running).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(running.message).toMatch(/^Only a completed training job can be a model's pipeline/);

    await db.workload.update({ where: { id: job.id }, data: { status: "COMPLETED" } });
    const model = await op.models.create(modelInput({ trainedByWorkloadId: job.id }));
    expect(model.trainedByWorkloadId).toBe(job.id);
    const listed = await callerFor(tenant.owner).models.list({ organizationId: tenant.org.id });
    expect(listed.find((m) => m.id === model.id)?.trainedByWorkloadId).toBe(job.id);
  });

  it("refuses to link a model to a training job that does not exist", async () => {
    const op = callerFor(await operator());
    const missing = await failureOf(
      op.models.create(modelInput({ trainedByWorkloadId: "cnosuchjob" })),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });
});
