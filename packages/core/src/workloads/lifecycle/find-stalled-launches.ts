import type { Database } from "@tessera/db";

export interface StalledLaunch {
  workloadId: string;
  organizationId: string;
  outboxEventId: bigint;
  type: string;
  payload: unknown;
  dispatchedAt: Date;
  /** The launch job's dead letter, when it exhausted its retries: unresolved, or dismissed. */
  deadLetter: { id: string; resolvedAt: Date | null; resolution: string | null } | null;
}

interface Row extends Omit<StalledLaunch, "deadLetter"> {
  deadLetterId: string | null;
  deadLetterResolvedAt: Date | null;
  deadLetterResolution: string | null;
}

/**
 * ACCEPTED workloads whose latest launch event was handed to the queue before `dispatchedBefore`
 * and that are still not submitted: their queue job may be gone (Redis lost its data), or it was
 * set aside as a dead letter. Events not yet dispatched are the relay's and are not listed.
 */
export async function findStalledLaunches(
  database: Database,
  input: { dispatchedBefore: Date; limit?: number },
): Promise<StalledLaunch[]> {
  const limit = input.limit ?? 500;
  const rows = await database.$queryRaw<Row[]>`
    SELECT w."id" AS "workloadId", w."organizationId", o."id" AS "outboxEventId", o."type",
           o."payload", o."dispatchedAt", d."id" AS "deadLetterId",
           d."resolvedAt" AS "deadLetterResolvedAt", d."resolution" AS "deadLetterResolution"
      FROM "Workload" w
      JOIN LATERAL (
        SELECT e."id", e."type", e."payload", e."dispatchedAt"
          FROM "OutboxEvent" e
         WHERE e."aggregateId" = w."id" AND e."type" = 'workload.launch'
         ORDER BY e."id" DESC
         LIMIT 1
      ) o ON true
      LEFT JOIN LATERAL (
        SELECT l."id", l."resolvedAt", l."resolution"
          FROM "DeadLetter" l
         WHERE l."queue" = 'launch' AND l."jobId" = 'outbox-' || o."id"::text
         ORDER BY l."failedAt" DESC
         LIMIT 1
      ) d ON true
     WHERE w."status" = 'ACCEPTED'
       AND o."dispatchedAt" IS NOT NULL
       AND o."dispatchedAt" < ${input.dispatchedBefore}
     ORDER BY w."createdAt"
     LIMIT ${limit}`;
  return rows.map(({ deadLetterId, deadLetterResolvedAt, deadLetterResolution, ...row }) => ({
    ...row,
    deadLetter: deadLetterId
      ? { id: deadLetterId, resolvedAt: deadLetterResolvedAt, resolution: deadLetterResolution }
      : null,
  }));
}
