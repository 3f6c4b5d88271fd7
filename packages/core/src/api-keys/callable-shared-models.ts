import type { TenantDatabase } from "@tessera/db";

/** Endpoints in these states are not routed to by the gateway. */
const NOT_ROUTED = ["DELETING", "DELETED", "FAILED"] as const;

/**
 * The platform's shared models the organisation's keys can call, by the gateway's rule for
 * `/v1/models` (apps/gateway/src/routes.ts): a model with a token tier that a shared endpoint
 * serves (not being deleted, deleted or failed), offered to an organisation holding an allocation
 * line of that tier valid now. Sorted by name.
 *
 * Model is the platform's catalogue, not a tenant's row, and a shared endpoint is offered to every
 * organisation; so the relation filter reads only what the gateway tells any caller. The token
 * lines are read through the tenant scope: the organisation's own.
 */
export async function callableSharedModels(
  db: TenantDatabase,
  now: Date = new Date(),
): Promise<string[]> {
  const allocations = await db.allocation.findMany({
    where: { validFrom: { lte: now }, validTo: { gt: now } },
    select: {
      lines: {
        where: { resourceClass: { kind: "TOKENS" } },
        select: { resourceClassId: true },
      },
    },
    take: 500,
  });
  const tiers = [
    ...new Set(allocations.flatMap((a) => a.lines.map((line) => line.resourceClassId))),
  ];
  if (tiers.length === 0) return [];
  const models = await db.model.findMany({
    where: {
      tokenResourceClassId: { in: tiers },
      endpoints: { some: { shared: true, status: { notIn: [...NOT_ROUTED] } } },
    },
    select: { name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  return models.map((model) => model.name);
}
