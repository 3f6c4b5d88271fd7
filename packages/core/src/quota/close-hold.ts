import { Prisma } from "@tessera/db/sql";
import { AppError, notFound } from "../errors";
import type { QuotaClient } from "./quota-client";

export interface ClosedHold {
  holdId: string;
  status: "SETTLED" | "RELEASED";
  /** Turned into consumption (0 for a release). */
  settledUnitSeconds: number;
  /** Given back to the line. */
  releasedUnitSeconds: number;
  /** False when the hold was already closed and this call changed nothing. */
  changed: boolean;
}

/**
 * The common table expressions `hold`, `line` and `entry` that close an active hold: the hold's
 * status, the line's sums and the ledger entry change together. `consumed` = null releases the
 * whole hold; a number settles that much and releases the rest. With `gate`, the name of an
 * earlier CTE of the caller's statement, the hold closes only when that CTE yielded a row (the
 * change the closing belongs to happened). A hold that is not ACTIVE any more is left alone.
 */
export function closeHoldSql(
  input: {
    organizationId: string;
    holdId: string;
    consumed: number | null;
    actorId?: string | null;
  },
  gate?: string,
): Prisma.Sql {
  if (gate !== undefined && !/^[a-z_]+$/.test(gate)) throw new Error(`Bad CTE name "${gate}"`);
  const settling = input.consumed !== null;
  const consumed = BigInt(input.consumed ?? 0);
  const status = settling ? "SETTLED" : "RELEASED";
  const kind = settling ? "SETTLE" : "RELEASE";
  const gated = gate
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM ${Prisma.raw(`"${gate}"`)})`
    : Prisma.empty;
  return Prisma.sql`
    hold AS (
      UPDATE "QuotaHold"
         SET "status" = ${status}::"QuotaHoldStatus",
             "settledUnitSeconds" = ${settling ? consumed : null}::bigint,
             "closedAt" = now()
       WHERE "id" = ${input.holdId}::text AND "organizationId" = ${input.organizationId}::text
         AND "status" = 'ACTIVE' AND "unitSeconds" >= ${consumed}::bigint ${gated}
      RETURNING "id", "organizationId", "allocationLineId", "unitSeconds"
    ), line AS (
      UPDATE "AllocationLine" AS l
         SET "heldUnitSeconds" = l."heldUnitSeconds" - hold."unitSeconds",
             "consumedUnitSeconds" = l."consumedUnitSeconds" + ${consumed}::bigint
        FROM hold
       WHERE l."id" = hold."allocationLineId"
      RETURNING l."id"
    ), entry AS (
      INSERT INTO "QuotaLedgerEntry" ("organizationId", "allocationLineId", "holdId", "kind",
                                      "heldDeltaUnitSeconds", "consumedDeltaUnitSeconds", "actorId")
      SELECT hold."organizationId", hold."allocationLineId", hold."id", ${kind}::"QuotaLedgerKind",
             -hold."unitSeconds", ${consumed}::bigint, ${input.actorId ?? null}::text
        FROM hold
      RETURNING "id"
    )`;
}

/**
 * Closes an active hold in one statement (closeHoldSql). A hold that is already closed is
 * returned unchanged (idempotent).
 */
export async function closeHold(
  client: QuotaClient,
  input: {
    organizationId: string;
    holdId: string;
    consumed: number | null;
    actorId?: string | null;
  },
): Promise<ClosedHold> {
  const consumed = BigInt(input.consumed ?? 0);
  const status = input.consumed !== null ? "SETTLED" : "RELEASED";
  const rows = await client.$queryRaw<{ id: string; unitSeconds: bigint }[]>(Prisma.sql`
    WITH ${closeHoldSql(input)}
    SELECT hold."id", hold."unitSeconds" FROM hold, line, entry`);
  const closed = rows[0];
  if (closed) {
    return {
      holdId: closed.id,
      status,
      settledUnitSeconds: Number(consumed),
      releasedUnitSeconds: Number(closed.unitSeconds - consumed),
      changed: true,
    };
  }
  const [hold] = await client.$queryRaw<
    {
      id: string;
      status: "ACTIVE" | "SETTLED" | "RELEASED";
      unitSeconds: bigint;
      settledUnitSeconds: bigint | null;
    }[]
  >`
    SELECT "id", "status"::text AS "status", "unitSeconds", "settledUnitSeconds"
      FROM "QuotaHold" WHERE "id" = ${input.holdId}::text AND "organizationId" = ${input.organizationId}::text`;
  if (!hold) throw notFound("Hold");
  if (hold.status === "ACTIVE") {
    throw new AppError(
      "INVALID",
      `Settlement of ${consumed} unit-seconds is more than the ${hold.unitSeconds} held; settle at most what was held.`,
    );
  }
  const settled = hold.settledUnitSeconds ?? 0n;
  return {
    holdId: hold.id,
    status: hold.status,
    settledUnitSeconds: Number(settled),
    releasedUnitSeconds: Number(hold.unitSeconds - settled),
    changed: false,
  };
}
