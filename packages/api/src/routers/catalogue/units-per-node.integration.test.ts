import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, createTestUser, failureOf, uniqueSuffix } from "../../test-helpers";
import { createTestResourceClass } from "../programmes/fixtures";

const operator = () => createTestUser({ platformRoles: ["OPERATOR"] });

async function slurmCluster() {
  const caller = callerFor(await operator());
  const gpu = await createTestResourceClass();
  const cluster = await caller.catalogue.clusters.create({
    code: `hpc-${uniqueSuffix()}`,
    name: "National GPU cluster",
    kind: "SLURM",
    region: "eu-central-1",
    jurisdiction: "DE",
    endpoint: "http://slurmrestd.internal:6820",
  });
  const set = (capacity: number, unitsPerNode?: number | null) =>
    caller.catalogue.clusters.setResource({
      clusterId: cluster.id,
      resourceClassId: gpu.id,
      capacity,
      ...(unitsPerNode === undefined ? {} : { unitsPerNode }),
      slurmPartition: "gpu",
      slurmGres: "gpu:h100",
    });
  const row = () =>
    db.clusterResource.findUniqueOrThrow({
      where: { clusterId_resourceClassId: { clusterId: cluster.id, resourceClassId: gpu.id } },
      select: { capacity: true, unitsPerNode: true },
    });
  return { cluster, set, row };
}

describe("units per node in the catalogue", () => {
  it("records the units one node has beside the capacity, audited, and keeps them when not given", async () => {
    const { cluster, set, row } = await slurmCluster();
    const saved = await set(16, 4);
    expect(saved.resources[0]?.unitsPerNode).toBe(4);
    await set(32);
    expect(await row()).toEqual({ capacity: 32, unitsPerNode: 4 });
    await set(32, null);
    expect(await row()).toEqual({ capacity: 32, unitsPerNode: null });
    const audit = await db.auditEvent.findMany({
      where: { targetId: cluster.id, action: "cluster.resource_set" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => (event.data as { unitsPerNode: unknown }).unitsPerNode)).toEqual([
      4,
      4,
      null,
    ]);
  });

  it("refuses units per node that are more than the capacity or do not divide it, and changes nothing", async () => {
    const { set, row } = await slurmCluster();
    await set(16, 4);
    expect(await failureOf(set(18, 4))).toEqual({
      code: "BAD_REQUEST",
      message:
        "A capacity of 18 GPUs is not a whole number of nodes of 4: make the capacity a multiple of 4 (16 or 20), or correct the units per node.",
    });
    expect(await failureOf(set(16, 32))).toEqual({
      code: "BAD_REQUEST",
      message: "One node cannot have more than the cluster's capacity of 16 GPUs.",
    });
    // The capacity alone is checked against the units per node already recorded.
    expect((await failureOf(set(18))).message).toMatch(/is not a whole number of nodes of 4/);
    expect((await failureOf(set(16, 0))).code).toBe("BAD_REQUEST");
    expect(await row()).toEqual({ capacity: 16, unitsPerNode: 4 });
  });
});
