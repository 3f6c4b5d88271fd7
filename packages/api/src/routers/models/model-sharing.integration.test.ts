import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, createTestUser, failureOf, uniqueSuffix } from "../../test-helpers";
import { createTestResourceClass } from "../programmes/fixtures";

afterAll(closeRateLimiter);

const operator = async () => callerFor(await createTestUser({ platformRoles: ["OPERATOR"] }));

async function model(op: Awaited<ReturnType<typeof operator>>) {
  const suffix = uniqueSuffix();
  return op.models.create({
    name: `tessera-test/shared-${suffix}`,
    family: "shared",
    parameters: 8_000_000_000,
    licenseSpdx: "Apache-2.0",
    weightsSha256: "cd".repeat(32),
    weightsOpen: true,
    dataOpen: false,
    codeOpen: false,
    openness: "OPEN_MODEL",
    sourceUrl: `https://models.tessera.test/${suffix}`,
    restrictions: null,
    trainedByWorkloadId: null,
  });
}

const tier = () => createTestResourceClass({ kind: "TOKENS", name: `Tokens ${uniqueSuffix()}` });

async function sharingOf(modelId: string) {
  return db.model.findUniqueOrThrow({
    where: { id: modelId },
    select: { tokenResourceClassId: true, fallbackModelId: true, active: true },
  });
}

describe("a model's token tier and fallback", () => {
  it("lets an operator set a tier and a fallback on another tier, shown in the catalogue and audited", async () => {
    const op = await operator();
    const [big, small] = [await model(op), await model(op)];
    const [bigTier, smallTier] = [await tier(), await tier()];
    await op.models.update({ modelId: small.id, tokenResourceClassId: smallTier.id });
    const updated = await op.models.update({
      modelId: big.id,
      tokenResourceClassId: bigTier.id,
      fallbackModelId: small.id,
    });
    expect(updated.tokenTier).toEqual({ id: bigTier.id, code: bigTier.code, name: bigTier.name });
    expect(updated.fallbackModel).toEqual({ id: small.id, name: small.name });
    const listed = (await op.models.all()).find((m) => m.id === big.id);
    expect(listed?.fallbackModel?.name).toBe(small.name);
    const audit = await db.auditEvent.findFirst({
      where: { targetId: big.id, action: "model.updated" },
      orderBy: { id: "desc" },
    });
    expect(audit?.data).toMatchObject({
      tokenResourceClassId: bigTier.id,
      fallbackModelId: small.id,
    });

    // Clearing the fallback, then the tier, is allowed.
    await op.models.update({ modelId: big.id, fallbackModelId: null });
    await op.models.update({ modelId: big.id, tokenResourceClassId: null });
    expect(await sharingOf(big.id)).toMatchObject({
      tokenResourceClassId: null,
      fallbackModelId: null,
    });
  });

  it("refuses a tier that is not a tokens class, or that does not exist", async () => {
    const op = await operator();
    const target = await model(op);
    const gpu = await createTestResourceClass();
    const compute = await failureOf(
      op.models.update({ modelId: target.id, tokenResourceClassId: gpu.id }),
    );
    expect(compute.code).toBe("BAD_REQUEST");
    expect(compute.message).toBe(
      `${gpu.name} is a GPU class; a model's token tier is a tokens class.`,
    );
    const missing = await failureOf(
      op.models.update({ modelId: target.id, tokenResourceClassId: "cnosuchclass" }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: "Resource class not found." });
    const malformed = await failureOf(
      op.models.update({ modelId: target.id, tokenResourceClassId: "not an id!" }),
    );
    expect(malformed.code).toBe("BAD_REQUEST");
    expect(malformed.message).toMatch(/token tier/);
    expect(await sharingOf(target.id)).toMatchObject({ tokenResourceClassId: null });
  });

  it("refuses a fallback to itself, to a model without or on the same tier, to an inactive one, and without a tier", async () => {
    const op = await operator();
    const [a, b] = [await model(op), await model(op)];
    const [tierA, tierB] = [await tier(), await tier()];

    const noTierYet = await failureOf(op.models.update({ modelId: a.id, fallbackModelId: b.id }));
    expect(noTierYet.code).toBe("BAD_REQUEST");
    expect(noTierYet.message).toMatch(/^Give .* a token tier first/);

    await op.models.update({ modelId: a.id, tokenResourceClassId: tierA.id });
    const self = await failureOf(op.models.update({ modelId: a.id, fallbackModelId: a.id }));
    expect(self).toMatchObject({
      code: "BAD_REQUEST",
      message: `${a.name} cannot fall back to itself.`,
    });

    const untiered = await failureOf(op.models.update({ modelId: a.id, fallbackModelId: b.id }));
    expect(untiered.code).toBe("BAD_REQUEST");
    expect(untiered.message).toMatch(/has no token tier/);

    await op.models.update({ modelId: b.id, tokenResourceClassId: tierA.id });
    const sameTier = await failureOf(op.models.update({ modelId: a.id, fallbackModelId: b.id }));
    expect(sameTier.code).toBe("BAD_REQUEST");
    expect(sameTier.message).toMatch(/draws on the same token tier/);

    await op.models.update({ modelId: b.id, tokenResourceClassId: tierB.id, active: false });
    const inactive = await failureOf(op.models.update({ modelId: a.id, fallbackModelId: b.id }));
    expect(inactive.code).toBe("PRECONDITION_FAILED");
    expect(inactive.message).toBe(
      `${b.name} is not active; choose an active model to fall back to.`,
    );

    const missing = await failureOf(
      op.models.update({ modelId: a.id, fallbackModelId: "cnosuchmodel" }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: "Model not found." });
    expect(await sharingOf(a.id)).toMatchObject({ fallbackModelId: null });
  });

  it("refuses a fallback that would come back to the model, however long the way round", async () => {
    const op = await operator();
    const [a, b, c] = [await model(op), await model(op), await model(op)];
    const tiers = [await tier(), await tier(), await tier()];
    for (const [index, m] of [a, b, c].entries())
      await op.models.update({ modelId: m.id, tokenResourceClassId: tiers[index]!.id });
    await op.models.update({ modelId: a.id, fallbackModelId: b.id });
    await op.models.update({ modelId: b.id, fallbackModelId: c.id });

    const cycle = await failureOf(op.models.update({ modelId: c.id, fallbackModelId: a.id }));
    expect(cycle.code).toBe("BAD_REQUEST");
    expect(cycle.message).toBe(
      `Falling back from ${c.name} would come back to it (${c.name} → ${a.name} → ${b.name} → ${c.name}); choose a model that does not fall back to ${c.name}.`,
    );
    const twoWay = await failureOf(op.models.update({ modelId: b.id, fallbackModelId: a.id }));
    expect(twoWay.code).toBe("BAD_REQUEST");
    expect(await sharingOf(c.id)).toMatchObject({ fallbackModelId: null });
    expect(await sharingOf(b.id)).toMatchObject({ fallbackModelId: c.id });

    // Made at once, two changes cannot close a cycle between them: one of them is refused.
    const [d, e] = [await model(op), await model(op)];
    await op.models.update({ modelId: d.id, tokenResourceClassId: tiers[0]!.id });
    await op.models.update({ modelId: e.id, tokenResourceClassId: tiers[1]!.id });
    const results = await Promise.allSettled([
      op.models.update({ modelId: d.id, fallbackModelId: e.id }),
      op.models.update({ modelId: e.id, fallbackModelId: d.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [dNow, eNow] = [await sharingOf(d.id), await sharingOf(e.id)];
    expect(dNow.fallbackModelId === e.id && eNow.fallbackModelId === d.id).toBe(false);
  });

  it("keeps a model other models fall back to active and on its tier", async () => {
    const op = await operator();
    const [big, small] = [await model(op), await model(op)];
    await op.models.update({ modelId: small.id, tokenResourceClassId: (await tier()).id });
    await op.models.update({
      modelId: big.id,
      tokenResourceClassId: (await tier()).id,
      fallbackModelId: small.id,
    });
    const deactivate = await failureOf(op.models.update({ modelId: small.id, active: false }));
    expect(deactivate).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `${big.name} falls back to ${small.name}; choose another fallback for it first.`,
    });
    const untier = await failureOf(
      op.models.update({ modelId: small.id, tokenResourceClassId: null }),
    );
    expect(untier.code).toBe("PRECONDITION_FAILED");
    expect(await sharingOf(small.id)).toMatchObject({ active: true });
  });

  it("is the operators' to change: a platform admin, a tenant and a stranger are refused", async () => {
    const op = await operator();
    const target = await model(op);
    const tokens = await tier();
    for (const roles of [["PLATFORM_ADMIN"], ["PROGRAM_ADMIN"], []] as const) {
      const other = callerFor(await createTestUser({ platformRoles: [...roles] }));
      const refused = await failureOf(
        other.models.update({ modelId: target.id, tokenResourceClassId: tokens.id }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
    expect(await sharingOf(target.id)).toMatchObject({ tokenResourceClassId: null });
    const unknown = await failureOf(
      op.models.update({ modelId: "cnosuchmodel", tokenResourceClassId: tokens.id }),
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "Model not found." });
  });
});
