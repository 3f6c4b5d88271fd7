import { Prisma } from "@tessera/db/sql";
import type { SqlClient } from "../billing/sql-client";
import { toSafeNumber } from "../programmes/money";

/**
 * What one of a line's active holds is for, as the allocations page names it: a training job (its
 * walltime's worth, reference `workload:<id>`), an inference endpoint (the lease window ahead of
 * it, `endpoint:<id>:<n>`, one or more windows summed), or anything else (a gateway's block of
 * tokens, `lease:…`), summed as one entry without a workload.
 */
export interface LineHolder {
  kind: "TRAINING_JOB" | "INFERENCE_ENDPOINT" | "OTHER";
  /** The job's or endpoint's id (the endpoint page is keyed by it too); null for OTHER. */
  workloadId: string | null;
  name: string | null;
  unitSeconds: number;
}

/**
 * Per allocation line of the organisation, what its active holds are for, largest first, so that a
 * person reading "Held: 3 GPU-hours" can see which jobs and endpoints hold them. The holds' sum is
 * the line's held figure (the ledger keeps one equal to the other). Lines holding nothing are left
 * out.
 */
export async function holdersOfLines(
  client: SqlClient,
  input: { organizationId: string; allocationLineIds: readonly string[] },
): Promise<Map<string, LineHolder[]>> {
  if (input.allocationLineIds.length === 0) return new Map();
  const rows = await client.$queryRaw<
    {
      allocationLineId: string;
      workloadId: string | null;
      name: string | null;
      kind: "TRAINING_JOB" | "INFERENCE_ENDPOINT" | null;
      held: bigint;
    }[]
  >(Prisma.sql`
    SELECT h."allocationLineId", w."id" AS "workloadId", w."name", w."kind"::text AS "kind",
           sum(h."unitSeconds")::bigint AS "held"
      FROM "QuotaHold" h
      LEFT JOIN "Workload" w
        ON w."organizationId" = h."organizationId"
       AND split_part(h."reference", ':', 1) IN ('workload', 'endpoint')
       AND w."id" = split_part(h."reference", ':', 2)
     WHERE h."allocationLineId" = ANY(${[...input.allocationLineIds]}::text[])
       AND h."organizationId" = ${input.organizationId}::text
       AND h."status" = 'ACTIVE'
     GROUP BY 1, 2, 3, 4
     ORDER BY 5 DESC, 3 ASC`);
  const holders = new Map<string, LineHolder[]>();
  for (const row of rows) {
    const list = holders.get(row.allocationLineId) ?? [];
    list.push({
      kind: row.kind ?? "OTHER",
      workloadId: row.workloadId,
      name: row.name,
      unitSeconds: toSafeNumber(row.held, "quota"),
    });
    holders.set(row.allocationLineId, list);
  }
  return holders;
}
