import type { Database } from "@tessera/db";
import { Prisma } from "@tessera/db/sql";
import { TX_OPTIONS } from "../transaction";
import { closeHold } from "./close-hold";
import { drawLeaseOverrun } from "./draw-lease-overrun";

/**
 * How long after a token lease expired the worker waits before settling it for its gateway:
 * longer than a gateway takes to finish the lease's last requests and settle it itself, and than
 * its spooled usage takes to reach PostgreSQL (GATEWAY_METER_CLAIM_IDLE_MS, 15 s by default).
 */
export const LEASE_SETTLE_GRACE_MS = 60_000;

/**
 * Settles the token leases whose gateway died: leases still ACTIVE a grace period after they
 * expired, from what the usage records metered against them add up to (tokens in + tokens out),
 * as the gateway settles its own: the block becomes consumption of up to what it held and the
 * rest goes back to the line; what was metered beyond the block (requests in flight when it ran
 * out) is drawn from the line too, as far as it has tokens left (drawLeaseOverrun). Each lease is
 * closed and its overrun drawn in one transaction, so a sweep that dies in between leaves the
 * lease for the next. Safe to run twice or concurrently: closing a hold that is no longer ACTIVE
 * changes nothing, and only the sweep that closed a lease draws its overrun.
 */
export async function settleAbandonedLeases(
  database: Database,
  now: Date,
  options: {
    graceMs?: number;
    /** Only this organisation's leases (tests that sweep ahead of time touch no one else's). */
    organizationId?: string;
  } = {},
): Promise<{ settled: number; consumedTokens: number }> {
  const before = new Date(now.getTime() - (options.graceMs ?? LEASE_SETTLE_GRACE_MS));
  const ofOrganization =
    options.organizationId === undefined
      ? Prisma.empty
      : Prisma.sql`AND h."organizationId" = ${options.organizationId}::text`;
  const leases = await database.$queryRaw<
    {
      id: string;
      organizationId: string;
      allocationLineId: string;
      held: bigint;
      used: bigint;
    }[]
  >`
    SELECT h."id", h."organizationId", h."allocationLineId", h."unitSeconds" AS held,
           COALESCE((SELECT sum(u."tokensIn" + u."tokensOut") FROM "UsageRecord" u
                      WHERE u."quotaHoldId" = h."id"), 0)::bigint AS used
      FROM "QuotaHold" h
     WHERE h."status" = 'ACTIVE' AND h."expiresAt" IS NOT NULL AND h."expiresAt" < ${before}::timestamp
           ${ofOrganization}
     ORDER BY h."expiresAt"
     LIMIT 1000`;
  let settled = 0;
  let consumed = 0;
  for (const lease of leases) {
    const inBlock = lease.used < lease.held ? lease.used : lease.held;
    const drawn = await database.$transaction(async (tx) => {
      const closed = await closeHold(tx, {
        organizationId: lease.organizationId,
        holdId: lease.id,
        consumed: Number(inBlock),
      });
      // Closed by another sweep (or its gateway after all): the overrun is theirs to draw.
      if (!closed.changed) return null;
      const overrun = await drawLeaseOverrun(
        tx,
        {
          organizationId: lease.organizationId,
          allocationLineId: lease.allocationLineId,
          holdId: lease.id,
        },
        Number(lease.used - inBlock),
      );
      return Number(inBlock) + overrun;
    }, TX_OPTIONS);
    if (drawn !== null) {
      settled += 1;
      consumed += drawn;
    }
  }
  // Plain numbers: the worker's job result is JSON.
  return { settled, consumedTokens: consumed };
}
