import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, createTestUser, failureOf, uniqueSuffix } from "../../test-helpers";
import { createTestResourceClass } from "../programmes/fixtures";
import { createLaunchReadyTenant, createTestServing } from "../workloads/fixtures";

afterAll(closeRateLimiter);

/** A tenant's endpoint of a fresh model; with `tiered`, the model has a token tier. */
async function endpointOf(options: { tiered: boolean }) {
  const tenant = await createLaunchReadyTenant();
  const suffix = uniqueSuffix();
  const tier = options.tiered
    ? await createTestResourceClass({ kind: "TOKENS", name: `Shared tokens ${suffix}` })
    : null;
  const { model, runtime } = await createTestServing({ tokenResourceClassId: tier?.id ?? null });
  const endpoint = await callerFor(tenant.owner).endpoints.deploy({
    organizationId: tenant.org.id,
    projectId: tenant.project.id,
    allocationLineId: tenant.line.id,
    name: "Shared chat",
    modelId: model.id,
    runtimeId: runtime.id,
    unitsPerReplica: 1,
    minReplicas: 1,
    maxReplicas: 2,
    replicas: 1,
    idleSecondsBeforeZero: null,
  });
  return { tenant, tier, model, endpoint };
}

const sharedOf = async (id: string) =>
  (await db.endpoint.findUniqueOrThrow({ where: { workloadId: id } })).shared;

describe("operations.shareEndpoint", () => {
  it("lets an operator or a platform administrator share and unshare an endpoint, audited", async () => {
    const { tenant, tier, endpoint } = await endpointOf({ tiered: true });
    const operator = callerFor(await createTestUser({ platformRoles: ["OPERATOR"] }));
    expect(
      await operator.operations.shareEndpoint({ endpointId: endpoint.id, shared: true }),
    ).toEqual({ id: endpoint.id, shared: true, changed: true });
    expect(await sharedOf(endpoint.id)).toBe(true);
    // Asking again changes nothing and records nothing.
    expect(
      await operator.operations.shareEndpoint({ endpointId: endpoint.id, shared: true }),
    ).toMatchObject({ changed: false });
    const listed = (await operator.operations.endpoints())
      .flatMap((group) => group.endpoints)
      .find((row) => row.id === endpoint.id);
    expect(listed).toMatchObject({ shared: true, tokenTier: { code: tier!.code } });

    const admin = callerFor(await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] }));
    await admin.operations.shareEndpoint({ endpointId: endpoint.id, shared: false });
    expect(await sharedOf(endpoint.id)).toBe(false);
    const audit = await db.auditEvent.findMany({
      where: { targetId: endpoint.id, action: { in: ["endpoint.shared", "endpoint.unshared"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => [event.action, event.organizationId])).toEqual([
      ["endpoint.shared", tenant.org.id],
      ["endpoint.unshared", tenant.org.id],
    ]);
    expect(audit[0]!.data).toMatchObject({ tokenTier: tier!.code });
  });

  it("refuses to share an endpoint whose model has no token tier, or one that is deleted", async () => {
    const { tenant, endpoint } = await endpointOf({ tiered: false });
    const operator = callerFor(await createTestUser({ platformRoles: ["OPERATOR"] }));
    const untiered = await failureOf(
      operator.operations.shareEndpoint({ endpointId: endpoint.id, shared: true }),
    );
    expect(untiered.code).toBe("BAD_REQUEST");
    expect(untiered.message).toMatch(/has no token tier, so no organisation's tokens could pay/);

    const tiered = await endpointOf({ tiered: true });
    await db.endpoint.update({
      where: { workloadId: tiered.endpoint.id },
      data: { status: "DELETED" },
    });
    const deleted = await failureOf(
      operator.operations.shareEndpoint({ endpointId: tiered.endpoint.id, shared: true }),
    );
    expect(deleted.code).toBe("PRECONDITION_FAILED");
    expect(deleted.message).toBe("Shared chat is deleted; only a live endpoint can be shared.");
    expect(await sharedOf(endpoint.id)).toBe(false);
    expect(await sharedOf(tiered.endpoint.id)).toBe(false);
    expect(
      await db.auditEvent.count({
        where: { organizationId: tenant.org.id, action: "endpoint.shared" },
      }),
    ).toBe(0);
  });

  it("is refused to tenants, other platform roles and strangers; an unknown endpoint is not found", async () => {
    const { tenant, endpoint } = await endpointOf({ tiered: true });
    for (const user of [
      tenant.owner,
      await createTestUser({ platformRoles: ["PROGRAM_ADMIN", "REVIEWER"] }),
      await createTestUser(),
    ]) {
      const refused = await failureOf(
        callerFor(user).operations.shareEndpoint({ endpointId: endpoint.id, shared: true }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
    expect(await sharedOf(endpoint.id)).toBe(false);
    const operator = callerFor(await createTestUser({ platformRoles: ["OPERATOR"] }));
    const unknown = await failureOf(
      operator.operations.shareEndpoint({ endpointId: "cnosuchendpoint", shared: true }),
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "Endpoint not found." });
    const malformed = await failureOf(
      operator.operations.shareEndpoint({ endpointId: endpoint.id, shared: "yes" as never }),
    );
    expect(malformed.code).toBe("BAD_REQUEST");
    expect(malformed.message).toBe("Shared must be true or false.");
  });

  it("keeps the tier of a model that shared endpoints serve", async () => {
    const { model, endpoint } = await endpointOf({ tiered: true });
    const operator = callerFor(await createTestUser({ platformRoles: ["OPERATOR"] }));
    await operator.operations.shareEndpoint({ endpointId: endpoint.id, shared: true });
    const refused = await failureOf(
      operator.models.update({ modelId: model.id, tokenResourceClassId: null }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(
      /^1 shared endpoint of .* serves its token tier; stop sharing it first\.$/,
    );
  });
});
