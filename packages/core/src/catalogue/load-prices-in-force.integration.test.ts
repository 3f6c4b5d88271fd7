import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { uniqueSuffix } from "@tessera/db/test-helpers";
import { createTokenTier } from "../billing/billing-fixture";
import { loadPricesInForce } from "./load-prices-in-force";

const JANUARY = new Date("2031-01-01T00:00:00Z");
const JUNE = new Date("2031-06-01T00:00:00Z");

/**
 * A GPU class listed at €2.00 an hour (its first version, from the start of time, written by the
 * catalogue's trigger), repriced to €3.00 from January and €4.00 from June of a year to come.
 */
async function repricedClass(suffix: string) {
  const resourceClass = await db.resourceClass.create({
    data: {
      code: `gpu-${suffix}`,
      name: `Test GPU ${suffix}`,
      kind: "GPU",
      unit: "GPU",
      listPriceMinorPerHour: 200,
      currency: "EUR",
      powerDrawWatts: 700,
    },
  });
  await db.priceVersion.createMany({
    data: [
      {
        resourceClassId: resourceClass.id,
        effectiveFrom: JANUARY,
        currency: "EUR",
        minorPerUnitHour: 300,
      },
      {
        resourceClassId: resourceClass.id,
        effectiveFrom: JUNE,
        currency: "EUR",
        minorPerUnitHour: 400,
      },
    ],
  });
  return resourceClass.id;
}

const perHourAt = async (classId: string, at: Date) =>
  (await loadPricesInForce(db, [classId], at)).get(classId)?.minorPerUnitHour;

describe("the catalogue price in force", () => {
  it("is the version that started last at or before the moment, never one still to come", async () => {
    const classId = await repricedClass(uniqueSuffix());

    // Before January both later versions lie ahead: the first price is the one in force.
    expect(await perHourAt(classId, new Date("2030-12-31T23:59:59.999Z"))).toBe(200);
    // A version is in force from its first instant.
    expect(await perHourAt(classId, JANUARY)).toBe(300);
    expect(await perHourAt(classId, new Date("2031-05-31T23:59:59.999Z"))).toBe(300);
    expect(await perHourAt(classId, JUNE)).toBe(400);
    expect(await perHourAt(classId, new Date("2040-01-01T00:00:00Z"))).toBe(400);
  });

  it("answers for several classes at once, each with its own price, currency and version", async () => {
    const suffix = uniqueSuffix();
    const gpuId = await repricedClass(suffix);
    const tokens = await createTokenTier(db, suffix);

    const prices = await loadPricesInForce(db, [gpuId, tokens.id, gpuId], JANUARY);

    expect([...prices.keys()].sort()).toEqual([gpuId, tokens.id].sort());
    const january = await db.priceVersion.findUniqueOrThrow({
      where: { resourceClassId_effectiveFrom: { resourceClassId: gpuId, effectiveFrom: JANUARY } },
    });
    expect(prices.get(gpuId)).toEqual({
      priceVersionId: january.id,
      currency: "EUR",
      minorPerUnitHour: 300,
      minorPerMillionTokens: null,
    });
    // A tokens class is priced per million tokens, and at nothing per unit-hour.
    expect(prices.get(tokens.id)).toMatchObject({
      currency: "EUR",
      minorPerUnitHour: 0,
      minorPerMillionTokens: 40,
    });
  });

  it("leaves out a class with no price in force at the moment, and an id the catalogue lacks", async () => {
    const classId = await repricedClass(uniqueSuffix());
    const missingId = `no-such-class-${uniqueSuffix()}`;

    // Every class's first version starts at the start of Unix time: before it, none is in force.
    const beforeAnyPrice = await loadPricesInForce(
      db,
      [classId, missingId],
      new Date("1969-12-31T23:59:59Z"),
    );
    expect(beforeAnyPrice.size).toBe(0);

    const now = await loadPricesInForce(db, [classId, missingId], JANUARY);
    expect(now.has(missingId)).toBe(false);
    expect(now.get(classId)?.minorPerUnitHour).toBe(300);

    expect((await loadPricesInForce(db, [], JANUARY)).size).toBe(0);
  });
});
