import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, createTestUser, failureOf, uniqueSuffix } from "../../test-helpers";
import { createTestCluster } from "../workloads/fixtures";
import { createTestResourceClass } from "../programmes/fixtures";

const operator = () => createTestUser({ platformRoles: ["OPERATOR"] });

function tokensInput(overrides: Record<string, unknown> = {}) {
  return {
    code: `shared-8b-tokens-${uniqueSuffix()}`,
    name: "Shared 8B chat model — tokens",
    kind: "TOKENS" as const,
    listPriceMinorPerHour: 40,
    currency: "EUR",
    ...overrides,
  };
}

async function versionsOf(resourceClassId: string) {
  return db.priceVersion.findMany({
    where: { resourceClassId },
    orderBy: { effectiveFrom: "asc" },
    select: { minorPerUnitHour: true, minorPerMillionTokens: true },
  });
}

describe("a tokens class in the catalogue", () => {
  it("counts tokens with no power draw, and its price versions are per million tokens", async () => {
    const op = callerFor(await operator());
    const created = await op.catalogue.resourceClasses.create(tokensInput());
    expect(created).toMatchObject({
      kind: "TOKENS",
      unit: "token",
      powerDrawWatts: 0,
      listPriceMinorPerHour: 40,
    });
    expect(await versionsOf(created.id)).toEqual([
      { minorPerUnitHour: 0, minorPerMillionTokens: 40 },
    ]);

    const { priceVersionId } = await op.catalogue.resourceClasses.previewPriceChange({
      resourceClassId: created.id,
      listPriceMinorPerHour: 45,
    });
    await op.catalogue.resourceClasses.update({
      resourceClassId: created.id,
      listPriceMinorPerHour: 45,
      name: "Shared 8B chat model, tokens",
      priceConfirmation: { priceVersionId, toPriceMinor: 45 },
    });
    expect(await versionsOf(created.id)).toEqual([
      { minorPerUnitHour: 0, minorPerMillionTokens: 40 },
      { minorPerUnitHour: 0, minorPerMillionTokens: 45 },
    ]);
    const audit = await db.auditEvent.findMany({
      where: { targetId: created.id },
      orderBy: { id: "asc" },
      select: { action: true, data: true },
    });
    expect(audit.map((event) => event.action)).toEqual([
      "resource_class.created",
      "resource_class.price_changed",
    ]);
    expect(audit[0]!.data).toMatchObject({ kind: "TOKENS", powerDrawWatts: 0 });
  });

  it("keeps compute classes' price versions per unit-hour", async () => {
    const op = callerFor(await operator());
    const created = await op.catalogue.resourceClasses.create({
      code: `l40s-${uniqueSuffix()}`,
      name: "NVIDIA L40S 48 GB",
      kind: "GPU",
      unit: "GPU",
      listPriceMinorPerHour: 119,
      currency: "EUR",
      powerDrawWatts: 350,
    });
    expect(await versionsOf(created.id)).toEqual([
      { minorPerUnitHour: 119, minorPerMillionTokens: null },
    ]);
  });

  it("refuses a power draw or another unit for a tokens class, and a compute class without them", async () => {
    const op = callerFor(await operator());
    const powered = tokensInput({ powerDrawWatts: 350 });
    const power = await failureOf(op.catalogue.resourceClasses.create(powered));
    expect(power.code).toBe("BAD_REQUEST");
    expect(power.message).toMatch(/^A tokens class has no power draw of its own/);
    const hours = tokensInput({ unit: "GPU" });
    const unit = await failureOf(op.catalogue.resourceClasses.create(hours));
    expect(unit).toMatchObject({
      code: "BAD_REQUEST",
      message: 'A tokens class counts tokens: its unit is "token".',
    });
    const compute = await failureOf(
      op.catalogue.resourceClasses.create({
        code: `gpu-${uniqueSuffix()}`,
        name: "A GPU without a unit",
        kind: "GPU",
        listPriceMinorPerHour: 100,
        currency: "EUR",
      }),
    );
    expect(compute).toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter the unit: GPU, MIG slice or CPU core.",
    });
    expect(
      await db.resourceClass.count({ where: { code: { in: [powered.code, hours.code] } } }),
    ).toBe(0);

    const created = await op.catalogue.resourceClasses.create(tokensInput());
    const edited = await failureOf(
      op.catalogue.resourceClasses.update({ resourceClassId: created.id, powerDrawWatts: 700 }),
    );
    expect(edited.code).toBe("BAD_REQUEST");
    expect(
      (await db.resourceClass.findUniqueOrThrow({ where: { id: created.id } })).powerDrawWatts,
    ).toBe(0);
  });

  it("maps a tokens class onto no cluster, and says why", async () => {
    const op = callerFor(await operator());
    const gpu = await createTestResourceClass();
    const cluster = await createTestCluster(gpu.id);
    const tokens = await op.catalogue.resourceClasses.create(tokensInput());
    const refused = await failureOf(
      op.catalogue.clusters.setResource({
        clusterId: cluster.id,
        resourceClassId: tokens.id,
        capacity: 1_000_000,
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(
      /^A tokens class \(a shared model tier\) has no capacity on a cluster/,
    );
    expect(await db.clusterResource.count({ where: { resourceClassId: tokens.id } })).toBe(0);
  });

  it("is the operators' to add: others are refused and nothing is written", async () => {
    const input = tokensInput();
    const admin = callerFor(await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] }));
    expect((await failureOf(admin.catalogue.resourceClasses.create(input))).code).toBe("FORBIDDEN");
    const stranger = callerFor(await createTestUser());
    expect((await failureOf(stranger.catalogue.resourceClasses.create(input))).code).toBe(
      "FORBIDDEN",
    );
    expect(await db.resourceClass.count({ where: { code: input.code } })).toBe(0);
  });
});
