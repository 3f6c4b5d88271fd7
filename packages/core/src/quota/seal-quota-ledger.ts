import type { Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { TX_OPTIONS } from "../transaction";
import { ledgerDigest, type LedgerEntryFacts } from "./ledger-digest";

export const SEAL_BATCH = 5_000;

/**
 * Seals unsealed quota ledger entries into the audit chain: one "quota.ledger_sealed" event per
 * batch carries the entries' digest, and each entry is stamped with that event's id (the only
 * change the ledger's trigger allows). Holds stay off the platform-wide audit lock; the chain still
 * covers every movement. Safe to run concurrently (SKIP LOCKED) and repeatedly; the worker runs it
 * on a schedule.
 */
export async function sealQuotaLedger(
  database: Database,
  options: { limit?: number } = {},
): Promise<{ sealed: number; auditEventId: string | null }> {
  const limit = options.limit ?? SEAL_BATCH;
  return database.$transaction(async (tx) => {
    const entries = await tx.$queryRaw<LedgerEntryFacts[]>`
      SELECT "id", "organizationId", "allocationLineId", "holdId", "kind"::text AS "kind",
             "heldDeltaUnitSeconds", "consumedDeltaUnitSeconds", "actorId", "createdAt"
        FROM "QuotaLedgerEntry"
       WHERE "sealedByAuditEventId" IS NULL
       ORDER BY "id"
       LIMIT ${limit}
         FOR UPDATE SKIP LOCKED`;
    if (entries.length === 0) return { sealed: 0, auditEventId: null };
    const event = await recordAuditEvent(tx, SYSTEM_ACTOR, {
      action: "quota.ledger_sealed",
      targetType: "QuotaLedger",
      data: {
        count: entries.length,
        firstId: entries[0]!.id.toString(),
        lastId: entries[entries.length - 1]!.id.toString(),
        digest: ledgerDigest(entries),
      },
    });
    const ids = entries.map((entry) => entry.id);
    await tx.$executeRaw`
      UPDATE "QuotaLedgerEntry" SET "sealedByAuditEventId" = ${event.id}
       WHERE "id" = ANY(${ids}::bigint[])`;
    return { sealed: entries.length, auditEventId: event.id.toString() };
  }, TX_OPTIONS);
}

/** Recomputes a seal's digest from the entries it stamped: true when none was changed or removed. */
export async function verifyQuotaLedgerSeal(
  database: Database,
  auditEventId: bigint,
): Promise<boolean> {
  const event = await database.auditEvent.findUnique({ where: { id: auditEventId } });
  if (!event || event.action !== "quota.ledger_sealed") return false;
  const entries = await database.$queryRaw<LedgerEntryFacts[]>`
    SELECT "id", "organizationId", "allocationLineId", "holdId", "kind"::text AS "kind",
           "heldDeltaUnitSeconds", "consumedDeltaUnitSeconds", "actorId", "createdAt"
      FROM "QuotaLedgerEntry" WHERE "sealedByAuditEventId" = ${auditEventId}`;
  const data = event.data as { count?: number; digest?: string };
  return entries.length === data.count && ledgerDigest(entries) === data.digest;
}
