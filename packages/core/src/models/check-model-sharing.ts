import type { Prisma } from "@tessera/db";
import { countsTokens } from "../catalogue/metering-unit";
import { AppError, notFound, preconditionFailed } from "../errors";

type Tx = Pick<Prisma.TransactionClient, "model" | "resourceClass" | "endpoint" | "$executeRaw">;

/** A model's sharing as it would be after a change. */
export interface ModelSharing {
  id: string;
  name: string;
  active: boolean;
  tokenResourceClassId: string | null;
  fallbackModelId: string | null;
}

/** The longest fallback chain followed before giving up (a chain is a few models long). */
const MAX_CHAIN = 64;

/**
 * Checks a model's token tier and fallback as they would be after a change, inside the change's
 * transaction:
 * - the tier is an active TOKENS class (the tokens calls to its shared endpoints draw on);
 * - a fallback needs a tier of the model's own (it is where calls go when those tokens are spent),
 *   is another active model with a tier of its own — a different one, or falling back would spend
 *   the same tokens — and following fallbacks from it never comes back to this model;
 * - a model other active models fall back to keeps its tier and stays active;
 * - a model with shared endpoints keeps its tier.
 * Fallback changes take one transaction-scoped lock, so two changes made at once cannot close a
 * cycle between them.
 */
export async function checkModelSharing(
  tx: Tx,
  current: ModelSharing,
  next: ModelSharing,
): Promise<void> {
  let tier: { id: string; name: string } | null = null;
  if (next.tokenResourceClassId) {
    const resourceClass = await tx.resourceClass.findUnique({
      where: { id: next.tokenResourceClassId },
      select: { id: true, name: true, kind: true, active: true },
    });
    if (!resourceClass) throw notFound("Resource class");
    if (!countsTokens(resourceClass.kind)) {
      throw new AppError(
        "INVALID",
        `${resourceClass.name} is a ${resourceClass.kind} class; a model's token tier is a tokens class.`,
      );
    }
    if (!resourceClass.active && resourceClass.id !== current.tokenResourceClassId) {
      throw preconditionFailed(
        `${resourceClass.name} is no longer offered; choose an active tier.`,
      );
    }
    tier = resourceClass;
  }

  if (next.fallbackModelId !== current.fallbackModelId) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:model-fallback'))`;
  }
  if (next.fallbackModelId) {
    if (next.fallbackModelId === next.id) {
      throw new AppError("INVALID", `${next.name} cannot fall back to itself.`);
    }
    if (!tier) {
      throw new AppError(
        "INVALID",
        `Give ${next.name} a token tier first: a fallback answers when the caller's tokens of that tier are spent.`,
      );
    }
    const fallback = await tx.model.findUnique({
      where: { id: next.fallbackModelId },
      select: { id: true, name: true, active: true, tokenResourceClassId: true },
    });
    if (!fallback) throw notFound("Model");
    if (!fallback.active) {
      throw preconditionFailed(
        `${fallback.name} is not active; choose an active model to fall back to.`,
      );
    }
    if (!fallback.tokenResourceClassId) {
      throw new AppError(
        "INVALID",
        `${fallback.name} has no token tier, so calls cannot be paid for there; give it one first.`,
      );
    }
    if (fallback.tokenResourceClassId === next.tokenResourceClassId) {
      throw new AppError(
        "INVALID",
        `${fallback.name} draws on the same token tier as ${next.name}; a fallback must draw on another tier.`,
      );
    }
    await refuseCycle(tx, next, fallback.id);
  }

  const losesTier = current.tokenResourceClassId !== null && next.tokenResourceClassId === null;
  const deactivated = current.active && !next.active;
  if (losesTier || deactivated) {
    const dependant = await tx.model.findFirst({
      where: { fallbackModelId: next.id, active: true, id: { not: next.id } },
      select: { name: true },
    });
    if (dependant) {
      throw preconditionFailed(
        `${dependant.name} falls back to ${next.name}; choose another fallback for it first.`,
      );
    }
  }
  if (losesTier) {
    const shared = await tx.endpoint.count({
      where: { modelId: next.id, shared: true, status: { not: "DELETED" } },
    });
    if (shared > 0) {
      throw preconditionFailed(
        `${shared} shared endpoint${shared === 1 ? "" : "s"} of ${next.name} serve${shared === 1 ? "s" : ""} its token tier; stop sharing ${shared === 1 ? "it" : "them"} first.`,
      );
    }
  }
}

/** Follows fallbacks from `start`; reaching the model being changed would close a cycle. */
async function refuseCycle(
  tx: Pick<Prisma.TransactionClient, "model">,
  model: ModelSharing,
  start: string,
): Promise<void> {
  const names: string[] = [];
  let at: string | null = start;
  for (let step = 0; at && step < MAX_CHAIN; step += 1) {
    if (at === model.id) {
      throw new AppError(
        "INVALID",
        `Falling back from ${model.name} would come back to it (${[model.name, ...names, model.name].join(" → ")}); choose a model that does not fall back to ${model.name}.`,
      );
    }
    const row: { name: string; fallbackModelId: string | null } | null = await tx.model.findUnique({
      where: { id: at },
      select: { name: true, fallbackModelId: true },
    });
    if (!row) return;
    names.push(row.name);
    at = row.fallbackModelId;
  }
  if (at) {
    throw new AppError(
      "INVALID",
      `The fallbacks from ${model.name} go on too long; shorten the chain.`,
    );
  }
}
