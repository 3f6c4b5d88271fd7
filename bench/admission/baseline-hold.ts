import { randomUUID } from "node:crypto";
import { AppError, notFound, type PlaceHoldInput, type PlacedHold } from "@tessera/core";
import type { Database } from "@tessera/db";

/**
 * The baseline admission technique: read the line under SELECT … FOR UPDATE, decide in Node, then
 * write. The write is the same statement shape as placeHold's (line update, hold row and ledger
 * entry in one statement) and runs through the same client; only the admission differs — the row
 * lock is held across the read, the decision and the write, until COMMIT.
 */
export async function baselinePlaceHold(
  database: Database,
  input: PlaceHoldInput,
): Promise<PlacedHold> {
  const n = BigInt(input.unitSeconds);
  const holdId = randomUUID();
  return database.$transaction(
    async (tx) => {
      const [line] = await tx.$queryRaw<
        { granted: bigint; held: bigint; consumed: bigint; valid: boolean }[]
      >`
        SELECT l."grantedUnitSeconds" AS granted, l."heldUnitSeconds" AS held, l."consumedUnitSeconds" AS consumed,
               (a."validFrom" <= now() AND now() < a."validTo") AS valid
          FROM "AllocationLine" l JOIN "Allocation" a ON a."id" = l."allocationId"
         WHERE l."id" = ${input.allocationLineId}::text AND a."organizationId" = ${input.organizationId}::text
           FOR UPDATE OF l`;
      if (!line) throw notFound("Allocation line");
      if (!line.valid)
        throw new AppError("PRECONDITION_FAILED", "This allocation accepts no holds now.");
      const remaining = line.granted - line.held - line.consumed;
      if (n > remaining) {
        throw new AppError("PRECONDITION_FAILED", "Not enough quota left on this allocation.", {
          reason: "QUOTA",
          shortfallUnitSeconds: Number(n - remaining),
          remainingUnitSeconds: Number(remaining),
        });
      }
      const [placed] = await tx.$queryRaw<{ holdId: string; remaining: bigint }[]>`
        WITH line AS (
          UPDATE "AllocationLine" AS l
             SET "heldUnitSeconds" = l."heldUnitSeconds" + ${n}::bigint
            FROM "Allocation" AS a
           WHERE l."id" = ${input.allocationLineId}::text AND a."id" = l."allocationId"
          RETURNING l."id", a."organizationId",
                    l."grantedUnitSeconds" - l."heldUnitSeconds" - l."consumedUnitSeconds" AS remaining
        ), hold AS (
          INSERT INTO "QuotaHold" ("id", "organizationId", "allocationLineId", "reference", "unitSeconds", "status", "createdById")
          SELECT ${holdId}::text, line."organizationId", line."id", ${input.reference}::text, ${n}::bigint,
                 'ACTIVE'::"QuotaHoldStatus", ${input.actorId ?? null}::text
            FROM line
          RETURNING "id"
        ), entry AS (
          INSERT INTO "QuotaLedgerEntry" ("organizationId", "allocationLineId", "holdId", "kind",
                                          "heldDeltaUnitSeconds", "consumedDeltaUnitSeconds", "actorId")
          SELECT line."organizationId", line."id", hold."id", 'HOLD'::"QuotaLedgerKind", ${n}::bigint, 0,
                 ${input.actorId ?? null}::text
            FROM line, hold
          RETURNING "id"
        )
        SELECT hold."id" AS "holdId", line.remaining FROM line, hold, entry`;
      return {
        holdId: placed!.holdId,
        allocationLineId: input.allocationLineId,
        unitSeconds: input.unitSeconds,
        remainingUnitSeconds: Number(placed!.remaining),
        created: true,
      };
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
