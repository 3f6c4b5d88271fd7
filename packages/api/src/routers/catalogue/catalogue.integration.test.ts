import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, createTestUser, failureOf, uniqueSuffix } from "../../test-helpers";

const operator = () => createTestUser({ platformRoles: ["OPERATOR"] });

function classInput(suffix = uniqueSuffix()) {
  return {
    code: `h100-80gb-${suffix}`,
    name: "NVIDIA H100 80 GB",
    kind: "GPU" as const,
    unit: "GPU",
    listPriceMinorPerHour: 295,
    currency: "eur",
    powerDrawWatts: 700,
  };
}

describe("catalogue.resourceClasses", () => {
  it("lets an operator add, reprice and retire a class, each audited", async () => {
    const op = await operator();
    const created = await callerFor(op).catalogue.resourceClasses.create(classInput());
    expect(created).toMatchObject({ currency: "EUR", listPriceMinorPerHour: 295, active: true });
    const { priceVersionId } = await callerFor(op).catalogue.resourceClasses.previewPriceChange({
      resourceClassId: created.id,
      listPriceMinorPerHour: 310,
    });
    const repriced = await callerFor(op).catalogue.resourceClasses.update({
      resourceClassId: created.id,
      listPriceMinorPerHour: 310,
      active: false,
      priceConfirmation: { priceVersionId, toPriceMinor: 310 },
    });
    expect(repriced).toMatchObject({ listPriceMinorPerHour: 310, active: false });
    const events = await db.auditEvent.findMany({
      where: { targetId: created.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "resource_class.created",
      "resource_class.price_changed",
    ]);
    expect(events[1]!.data).toMatchObject({
      changes: { listPriceMinorPerHour: { from: 295, to: 310 }, active: { from: true, to: false } },
    });

    // Retired classes are hidden from everyone's list unless asked for.
    const user = await createTestUser();
    const visible = async (includeInactive: boolean) => {
      const codes: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await callerFor(user).catalogue.resourceClasses.list({
          includeInactive,
          cursor,
          limit: 100,
        });
        codes.push(...page.items.map((rc) => rc.code));
        cursor = page.nextCursor;
      } while (cursor);
      return codes;
    };
    expect(await visible(false)).not.toContain(created.code);
    expect(await visible(true)).toContain(created.code);
  });

  it("refuses a duplicate code, a bad currency and non-operators", async () => {
    const op = await operator();
    const input = classInput();
    await callerFor(op).catalogue.resourceClasses.create(input);
    expect((await failureOf(callerFor(op).catalogue.resourceClasses.create(input))).code).toBe(
      "CONFLICT",
    );
    const currency = await failureOf(
      callerFor(op).catalogue.resourceClasses.create({ ...classInput(), currency: "EUX" }),
    );
    expect(currency.code).toBe("BAD_REQUEST");
    expect(currency.message).toContain("currency");
    for (const roles of [[], ["PROGRAM_ADMIN"], ["PLATFORM_ADMIN"]] as const) {
      const user = await createTestUser({ platformRoles: [...roles] });
      expect(
        (await failureOf(callerFor(user).catalogue.resourceClasses.create(classInput()))).code,
      ).toBe("FORBIDDEN");
    }
  });
});

describe("catalogue.clusters", () => {
  it("registers a Slurm cluster and maps classes onto partitions and GRES", async () => {
    const op = await operator();
    const caller = callerFor(op);
    const gpu = await caller.catalogue.resourceClasses.create(classInput());
    const cpu = await caller.catalogue.resourceClasses.create({
      ...classInput(),
      code: `cpu-${uniqueSuffix()}`,
      kind: "CPU",
      unit: "CPU core",
      listPriceMinorPerHour: 4,
      powerDrawWatts: 10,
    });
    const cluster = await caller.catalogue.clusters.create({
      code: `hpc-${uniqueSuffix()}`,
      name: "National Training Cluster",
      kind: "SLURM",
      region: "eu-central-1",
      jurisdiction: "de",
      endpoint: "http://slurmrestd.internal:6820",
    });
    expect(cluster.jurisdiction).toBe("DE");
    await caller.catalogue.clusters.setResource({
      clusterId: cluster.id,
      resourceClassId: gpu.id,
      capacity: 512,
      slurmPartition: "gpu",
      slurmGres: "gpu:h100",
    });
    const withCpu = await caller.catalogue.clusters.setResource({
      clusterId: cluster.id,
      resourceClassId: cpu.id,
      capacity: 20_000,
      slurmPartition: "cpu",
    });
    expect(
      withCpu.resources.map((r) => [r.resourceClass.id, r.capacity, r.slurmPartition, r.slurmGres]),
    ).toEqual(
      expect.arrayContaining([
        [gpu.id, 512, "gpu", "gpu:h100"],
        [cpu.id, 20_000, "cpu", null],
      ]),
    );
    // Changing capacity updates the row in place.
    const resized = await caller.catalogue.clusters.setResource({
      clusterId: cluster.id,
      resourceClassId: gpu.id,
      capacity: 640,
      slurmPartition: "gpu",
      slurmGres: "gpu:h100",
    });
    expect(resized.resources.find((r) => r.resourceClass.id === gpu.id)?.capacity).toBe(640);

    const wrong = await failureOf(
      caller.catalogue.clusters.setResource({
        clusterId: cluster.id,
        resourceClassId: gpu.id,
        capacity: 1,
        k8sResourceName: "nvidia.com/gpu",
      }),
    );
    expect(wrong).toEqual({
      code: "BAD_REQUEST",
      message: "A Slurm cluster takes a partition and GRES, not Kubernetes settings.",
    });

    const removed = await caller.catalogue.clusters.removeResource({
      clusterId: cluster.id,
      resourceClassId: cpu.id,
    });
    expect(removed.resources.map((r) => r.resourceClass.id)).toEqual([gpu.id]);
    const actions = (
      await db.auditEvent.findMany({ where: { targetId: cluster.id }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "cluster.created",
      "cluster.resource_set",
      "cluster.resource_set",
      "cluster.resource_set",
      "cluster.resource_removed",
    ]);

    const admin = await createTestUser({ platformRoles: ["PROGRAM_ADMIN"] });
    expect((await callerFor(admin).catalogue.clusters.get({ clusterId: cluster.id })).code).toBe(
      cluster.code,
    );
    const user = await createTestUser();
    expect((await failureOf(callerFor(user).catalogue.clusters.list({}))).code).toBe("FORBIDDEN");
  });

  it("maps a Kubernetes class with a resource name and node selector, and edits the cluster", async () => {
    const op = await operator();
    const caller = callerFor(op);
    const mig = await caller.catalogue.resourceClasses.create({
      ...classInput(),
      code: `mig-${uniqueSuffix()}`,
      kind: "MIG",
      unit: "MIG slice",
      listPriceMinorPerHour: 45,
      powerDrawWatts: 100,
    });
    const cluster = await caller.catalogue.clusters.create({
      code: `k8s-${uniqueSuffix()}`,
      name: "Inference",
      kind: "KUBERNETES",
      region: "eu-central-2",
      jurisdiction: "EU",
    });
    const mapped = await caller.catalogue.clusters.setResource({
      clusterId: cluster.id,
      resourceClassId: mig.id,
      capacity: 56,
      k8sResourceName: "nvidia.com/mig-1g.10gb",
      k8sNodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
    });
    expect(mapped.resources[0]).toMatchObject({
      k8sResourceName: "nvidia.com/mig-1g.10gb",
      k8sNodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
    });
    const missing = await failureOf(
      caller.catalogue.clusters.setResource({
        clusterId: cluster.id,
        resourceClassId: mig.id,
        capacity: 1,
      }),
    );
    expect(missing.message).toMatch(/Enter the Kubernetes resource name/);
    const before = await caller.catalogue.clusters.list({ limit: 100 });
    const updated = await caller.catalogue.clusters.update({
      clusterId: cluster.id,
      active: false,
      endpoint: "",
    });
    expect(updated).toMatchObject({ active: false, endpoint: null });
    // Retired, it leaves the catalogue's list unless asked for, and is counted for the toggle.
    const codes = async (includeInactive: boolean) => {
      const first = await caller.catalogue.clusters.list({ includeInactive, limit: 100 });
      const found = first.items.map((c) => c.code);
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await caller.catalogue.clusters.list({ includeInactive, cursor, limit: 100 });
        found.push(...page.items.map((c) => c.code));
        cursor = page.nextCursor;
      }
      return { found, retiredCount: first.retiredCount };
    };
    const hidden = await codes(false);
    expect(hidden.found).not.toContain(cluster.code);
    expect(hidden.retiredCount).toBeGreaterThanOrEqual(before.retiredCount + 1);
    const shown = await codes(true);
    expect(shown.found).toContain(cluster.code);
    expect(shown.retiredCount).toBe(hidden.retiredCount);
    expect((await failureOf(caller.catalogue.clusters.get({ clusterId: "missing" }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
