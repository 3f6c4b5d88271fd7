import type { Database } from "@tessera/db";
import { closeHold } from "./close-hold";

/**
 * How long after a token lease expired the worker waits before settling it for its gateway:
 * longer than a gateway takes to finish the lease's last requests and settle it itself, and than
 * its spooled usage takes to reach PostgreSQL (GATEWAY_METER_CLAIM_IDLE_MS, 15 s by default).
 */
export const LEASE_SETTLE_GRACE_MS = 60_000;

/**
 * Settles the token leases whose gateway died: leases still ACTIVE a grace period after they
 * expired. Each becomes consumption of what the usage records metered against it add up to
 * (tokens in + tokens out, never more than it held); the rest goes back to the line. Safe to run
 * twice or concurrently: closing a hold that is no longer ACTIVE changes nothing.
 */
export async function settleAbandonedLeases(
  database: Database,
  now: Date,
  graceMs = LEASE_SETTLE_GRACE_MS,
): Promise<{ settled: number; consumedTokens: number }> {
  const before = new Date(now.getTime() - graceMs);
  const leases = await database.$queryRaw<
    { id: string; organizationId: string; held: bigint; used: bigint }[]
  >`
    SELECT h."id", h."organizationId", h."unitSeconds" AS held,
           COALESCE((SELECT sum(u."tokensIn" + u."tokensOut") FROM "UsageRecord" u
                      WHERE u."quotaHoldId" = h."id"), 0)::bigint AS used
      FROM "QuotaHold" h
     WHERE h."status" = 'ACTIVE' AND h."expiresAt" IS NOT NULL AND h."expiresAt" < ${before}::timestamp
     ORDER BY h."expiresAt"
     LIMIT 1000`;
  let settled = 0;
  let consumed = 0n;
  for (const lease of leases) {
    const used = lease.used < lease.held ? lease.used : lease.held;
    const closed = await closeHold(database, {
      organizationId: lease.organizationId,
      holdId: lease.id,
      consumed: Number(used),
    });
    if (closed.changed) {
      settled += 1;
      consumed += used;
    }
  }
  // Plain numbers: the worker's job result is JSON.
  return { settled, consumedTokens: Number(consumed) };
}
