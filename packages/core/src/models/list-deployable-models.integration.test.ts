import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createEndpointSetup, deployTestEndpoint } from "../endpoints/endpoint-fixture";
import { listDeployableModels } from "./list-deployable-models";

/** The platform's organisation serving `setup`'s model to everyone through a shared endpoint. */
async function sharedByPlatform() {
  const platform = await createEndpointSetup(db);
  const endpoint = await deployTestEndpoint(platform, { name: "Shared chat" });
  await db.endpoint.update({ where: { workloadId: endpoint.id }, data: { shared: true } });
  return platform;
}

describe("models a tenant may deploy", () => {
  it("leaves out the platform's shared models and lists the rest by name", async () => {
    const platform = await sharedByPlatform();
    const tenant = await createEndpointSetup(db);
    // A model named to sort first, of a family that sorts last.
    const first = await db.model.update({
      where: { id: tenant.modelId },
      data: { name: `aaa-${tenant.modelName}`, family: "zzz" },
    });
    const offered = await listDeployableModels(db, tenant.organizationId, {});
    const ids = offered.map((model) => model.id);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(platform.modelId);
    const names = offered.map((model) => model.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // The platform itself may still deploy another endpoint of its own shared model.
    const own = await listDeployableModels(db, platform.organizationId, {});
    expect(own.map((model) => model.id)).toContain(platform.modelId);
  });

  it("is refused by the server for a tenant, with a reason, writing nothing", async () => {
    const platform = await sharedByPlatform();
    const tenant = await createEndpointSetup(db);
    const before = await db.workload.count({ where: { organizationId: tenant.organizationId } });
    const refusal = await deployTestEndpoint({ ...tenant, modelId: platform.modelId }).then(
      () => null,
      (error: unknown) => error as { code: string; message: string },
    );
    expect(refusal?.code).toBe("INVALID");
    expect(refusal?.message).toContain("one of the platform's shared models");
    expect(await db.workload.count({ where: { organizationId: tenant.organizationId } })).toBe(
      before,
    );
    // The platform's own second endpoint of it is accepted.
    await expect(deployTestEndpoint(platform, { name: "Shared chat 2" })).resolves.toMatchObject({
      status: "ACCEPTED",
    });
  });
});
