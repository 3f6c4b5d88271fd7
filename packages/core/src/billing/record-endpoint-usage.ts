import { Prisma } from "@tessera/db";

/** A closed quota window of an endpoint: what its replicas ran between `from` and `to`. */
export interface EndpointWindowUsage {
  endpointId: string;
  organizationId: string;
  /** The hold generation the window was: with the endpoint's id, the record's key. */
  generation: number;
  from: Date;
  to: Date;
  /** Replica-seconds × units of the class per replica, as settled on the quota ledger. */
  unitSeconds: number;
}

/**
 * Meters an endpoint's replicas for one closed quota window, in the caller's transaction (the one
 * that settles the window's hold), so the invoice charges exactly what the ledger consumed. One
 * `K8S_SAMPLER` UsageRecord keyed (source, "<endpointId>:<generation>", window start), written
 * with ON CONFLICT DO NOTHING: a window metered twice counts once. Energy is estimated from the
 * class's power draw (W × unit-seconds / 3600 = Wh). The tokens the gateway meters for the
 * endpoint carry no compute of their own, so nothing is counted twice. A window that crosses a
 * month end is recorded in the month it started (windows are the endpoint's lease, minutes long).
 * The raw statement names the organisation, as every write of this path does.
 */
export async function recordEndpointUsage(
  tx: { $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number> },
  usage: EndpointWindowUsage,
): Promise<number> {
  if (usage.unitSeconds <= 0) return 0;
  const to = usage.to < usage.from ? usage.from : usage.to;
  return tx.$executeRaw(Prisma.sql`
    INSERT INTO "UsageRecord" ("organizationId", "source", "sourceRef", "intervalStart",
                               "intervalEnd", "resourceClassId", "workloadId", "projectId",
                               "allocationLineId", "quantity", "unitSeconds", "energyMilliWh",
                               "energyBasis")
    SELECT w."organizationId", 'K8S_SAMPLER', w."id" || ':' || ${usage.generation}::text,
           ${usage.from}, ${to}, w."resourceClassId", w."id", w."projectId", w."allocationLineId",
           w."quantity", ${usage.unitSeconds}::bigint,
           -- W × s / 3600 = Wh; × 1000 = mWh
           round(rc."powerDrawWatts"::numeric * ${usage.unitSeconds}::bigint / 3.6)::bigint,
           'ESTIMATED'
      FROM "Workload" w
      JOIN "ResourceClass" rc ON rc."id" = w."resourceClassId"
     WHERE w."id" = ${usage.endpointId} AND w."organizationId" = ${usage.organizationId}
    ON CONFLICT ("source", "sourceRef", "intervalStart") DO NOTHING`);
}
