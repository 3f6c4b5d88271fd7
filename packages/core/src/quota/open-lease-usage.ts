import { Prisma } from "@tessera/db/sql";
import type { SqlClient } from "../billing/sql-client";

/**
 * Tokens the gateway's calls have already used under a line's open token leases: metered into
 * usage records at once (and so on Billing's charges so far), but still held in the ledger until
 * the lease is settled, minutes later.
 */
export interface OpenLeaseUsage {
  /** Metered within each lease's block: what settling the leases turns into consumption. */
  inBlockTokens: bigint;
  /** Metered past a lease's block by calls in flight when it ran out (drawLeaseOverrun). */
  overrunTokens: bigint;
}

/**
 * Per allocation line, what the usage records metered against its open leases add up to (tokens
 * in + tokens out), as settling the leases would count them (settleAbandonedLeases). A lease is an
 * ACTIVE hold with an expiry; lines with none metered are left out.
 */
export async function meteredUnderOpenLeases(
  client: SqlClient,
  input: { organizationId: string; allocationLineIds: readonly string[] },
): Promise<Map<string, OpenLeaseUsage>> {
  if (input.allocationLineIds.length === 0) return new Map();
  const rows = await client.$queryRaw<
    { allocationLineId: string; inBlock: bigint; overrun: bigint }[]
  >(Prisma.sql`
    SELECT h."allocationLineId",
           sum(LEAST(m.used, h."unitSeconds"))::bigint AS "inBlock",
           sum(GREATEST(m.used - h."unitSeconds", 0))::bigint AS "overrun"
      FROM "QuotaHold" h
      CROSS JOIN LATERAL (
        SELECT COALESCE(sum(u."tokensIn" + u."tokensOut"), 0)::bigint AS used
          FROM "UsageRecord" u WHERE u."quotaHoldId" = h."id") m
     WHERE h."allocationLineId" = ANY(${[...input.allocationLineIds]}::text[])
       AND h."organizationId" = ${input.organizationId}::text
       AND h."status" = 'ACTIVE' AND h."expiresAt" IS NOT NULL AND m.used > 0
     GROUP BY 1`);
  return new Map(
    rows.map((row) => [
      row.allocationLineId,
      { inBlockTokens: row.inBlock, overrunTokens: row.overrun },
    ]),
  );
}

/**
 * A line's figures as a person should read them: tokens already metered under open leases are
 * used, not held — what Billing counts — and only the unspent rest of each lease is held. What was
 * metered past a block is used as far as the line has left, as settlement will draw it. The
 * ledger's own sums are untouched; held + used ≤ granted still holds, and remaining is what new
 * holds may take once the leases settle.
 */
export function withOpenLeaseUsage(
  line: { granted: bigint; held: bigint; consumed: bigint },
  metered: OpenLeaseUsage | undefined,
): { held: bigint; consumed: bigint; remaining: bigint; meteredUnderLeases: bigint } {
  const remaining = line.granted - line.held - line.consumed;
  if (!metered)
    return { held: line.held, consumed: line.consumed, remaining, meteredUnderLeases: 0n };
  const left = remaining > 0n ? remaining : 0n;
  const overrun = metered.overrunTokens < left ? metered.overrunTokens : left;
  const meteredUnderLeases = metered.inBlockTokens + overrun;
  return {
    held: line.held - metered.inBlockTokens,
    consumed: line.consumed + meteredUnderLeases,
    remaining: remaining - overrun,
    meteredUnderLeases,
  };
}
