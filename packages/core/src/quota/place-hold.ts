import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../errors";
import { isRawUniqueViolation, type QuotaClient } from "./quota-client";

export interface PlaceHoldInput {
  /** The organisation the caller acts for; a line of another organisation is not found. */
  organizationId: string;
  allocationLineId: string;
  unitSeconds: number;
  /** Names the work the hold is for (e.g. a workload id); placing the same reference again finds the first hold. */
  reference: string;
  actorId?: string | null;
}

export interface PlacedHold {
  holdId: string;
  allocationLineId: string;
  unitSeconds: number;
  /** What the line had left right after this hold (granted − held − consumed). */
  remainingUnitSeconds: number;
  /** False when a hold with this reference already existed and was returned instead. */
  created: boolean;
}

// One statement: the conditional UPDATE admits the hold or not, and the hold row and its ledger
// entry are written by the same statement, so an admitted hold can never lack its ledger entry.
// Concurrent holds on one line queue on the line's row lock for the length of this statement only;
// each re-checks the condition against the committed sums (READ COMMITTED re-evaluation).
async function tryPlace(client: QuotaClient, input: PlaceHoldInput, holdId: string) {
  const n = BigInt(input.unitSeconds);
  return client.$queryRaw<{ holdId: string; remaining: bigint }[]>`
    WITH line AS (
      UPDATE "AllocationLine" AS l
         SET "heldUnitSeconds" = l."heldUnitSeconds" + ${n}::bigint
        FROM "Allocation" AS a
       WHERE l."id" = ${input.allocationLineId}::text
         AND a."id" = l."allocationId"
         AND a."organizationId" = ${input.organizationId}::text
         AND a."validFrom" <= now() AND now() < a."validTo"
         AND l."heldUnitSeconds" + l."consumedUnitSeconds" + ${n}::bigint <= l."grantedUnitSeconds"
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
}

/** Why a hold was not admitted, read after the fact (the decision itself was the UPDATE's). */
async function diagnose(client: QuotaClient, input: PlaceHoldInput) {
  const [line] = await client.$queryRaw<
    { granted: bigint; held: bigint; consumed: bigint; validFrom: Date; validTo: Date; now: Date }[]
  >`
    SELECT l."grantedUnitSeconds" AS granted, l."heldUnitSeconds" AS held, l."consumedUnitSeconds" AS consumed,
           a."validFrom", a."validTo", now() AS now
      FROM "AllocationLine" l JOIN "Allocation" a ON a."id" = l."allocationId"
     WHERE l."id" = ${input.allocationLineId}::text AND a."organizationId" = ${input.organizationId}::text`;
  return line;
}

const longDate = (date: Date) =>
  date.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/**
 * Reserves `unitSeconds` of an allocation line for one piece of work, or refuses with the
 * shortfall. The database admits the hold with a single conditional UPDATE (held + consumed + n ≤
 * granted, allocation valid now), backed by CHECK constraints; nothing is read first and decided in
 * Node. The movement is written to the append-only quota ledger in the same statement; the ledger
 * is sealed into the audit chain in batches (sealQuotaLedger) rather than taking the platform-wide
 * audit lock on every hold — see bench/admission/README.md for why.
 */
export async function placeHold(client: QuotaClient, input: PlaceHoldInput): Promise<PlacedHold> {
  if (!Number.isSafeInteger(input.unitSeconds) || input.unitSeconds <= 0) {
    throw new AppError("INVALID", "A hold is a whole number of unit-seconds, more than zero.");
  }
  // A refusal is diagnosed by a second read; if quota was freed in between, the hold may fit now,
  // so try again rather than report a shortfall that no longer exists.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let rows: { holdId: string; remaining: bigint }[];
    try {
      rows = await tryPlace(client, input, randomUUID());
    } catch (error) {
      if (isRawUniqueViolation(error)) return existingHold(client, input);
      throw error;
    }
    const placed = rows[0];
    if (placed) {
      return {
        holdId: placed.holdId,
        allocationLineId: input.allocationLineId,
        unitSeconds: input.unitSeconds,
        remainingUnitSeconds: Number(placed.remaining),
        created: true,
      };
    }
    const line = await diagnose(client, input);
    if (!line) throw notFound("Allocation line");
    if (line.now.getTime() < line.validFrom.getTime()) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `This allocation starts on ${longDate(line.validFrom)}; it accepts no holds before then.`,
        {
          reason: "NOT_STARTED",
        },
      );
    }
    if (line.now.getTime() >= line.validTo.getTime()) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `This allocation expired on ${longDate(line.validTo)}; it accepts no new holds.`,
        {
          reason: "EXPIRED",
        },
      );
    }
    const remaining = line.granted - line.held - line.consumed;
    const shortfall = BigInt(input.unitSeconds) - remaining;
    if (shortfall > 0n) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `Not enough quota left on this allocation: this needs ${input.unitSeconds} unit-seconds and ${remaining} remain, ${shortfall} short.`,
        {
          reason: "QUOTA",
          shortfallUnitSeconds: Number(shortfall),
          remainingUnitSeconds: Number(remaining),
        },
      );
    }
  }
  throw new AppError("CONFLICT", "The allocation is very busy right now. Try again in a moment.");
}

async function existingHold(client: QuotaClient, input: PlaceHoldInput): Promise<PlacedHold> {
  const [hold] = await client.$queryRaw<
    {
      id: string;
      allocationLineId: string;
      organizationId: string;
      unitSeconds: bigint;
      remaining: bigint;
    }[]
  >`
    SELECT h."id", h."allocationLineId", h."organizationId", h."unitSeconds",
           l."grantedUnitSeconds" - l."heldUnitSeconds" - l."consumedUnitSeconds" AS remaining
      FROM "QuotaHold" h JOIN "AllocationLine" l ON l."id" = h."allocationLineId"
     WHERE h."reference" = ${input.reference}::text`;
  if (
    !hold ||
    hold.organizationId !== input.organizationId ||
    hold.allocationLineId !== input.allocationLineId ||
    hold.unitSeconds !== BigInt(input.unitSeconds)
  ) {
    throw new AppError("CONFLICT", "Another hold already uses this reference.");
  }
  return {
    holdId: hold.id,
    allocationLineId: hold.allocationLineId,
    unitSeconds: input.unitSeconds,
    remainingUnitSeconds: Number(hold.remaining),
    created: false,
  };
}
