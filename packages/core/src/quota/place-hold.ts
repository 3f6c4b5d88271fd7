import { randomUUID } from "node:crypto";
import { Prisma } from "@tessera/db/sql";
import { AppError, notFound } from "../errors";
import { quotaShortfallMessage } from "./quota-shortfall-message";
import { isRawUniqueViolation, type QuotaClient } from "./quota-client";

export interface PlaceHoldInput {
  /** The organisation the caller acts for; a line of another organisation is not found. */
  organizationId: string;
  allocationLineId: string;
  unitSeconds: number;
  /** Names the work the hold is for (e.g. a workload id); placing the same reference again finds the first hold. */
  reference: string;
  actorId?: string | null;
  /** A gateway's token lease: when it stops being spent from (the worker settles it if its gateway dies). */
  expiresAt?: Date | null;
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

/**
 * Admission of a run of holds on one allocation line, as common table expressions for a statement
 * that goes on with `, <more CTEs> SELECT …`. `wanted` names an earlier CTE with one row per hold,
 * in the order they are to be admitted: "holdId", "reference", n (unit-seconds, bigint),
 * "actorId" and "ord". Adds:
 * - `locked`: the line, read under its row lock (FOR UPDATE), with what it has left, when it
 *   belongs to the organisation and its allocation is valid now;
 * - `admitted`: the rows of `wanted` (and their running total, "cum") in the longest run, in
 *   order, that what is left covers;
 * - `line`: the line's UPDATE by their sum ("remaining" after it), only when one was admitted;
 * - `hold` and `entry`: each admitted hold's row and ledger entry.
 * The decision is the database's, under the row lock; CHECK constraints back it. submitWorkload
 * admits a run of submits with their workloads this way. placeHold, one hold at a time, keeps
 * its single conditional UPDATE (placeHoldSql): through these CTEs (the row read FOR UPDATE, then
 * updated) one hold costs about a sixth more — pnpm bench:admission 1000–1038 against 868–912
 * holds/s, interleaved.
 */
export function admitHoldsSql(
  on: { organizationId: string; allocationLineId: string },
  wanted: string,
): Prisma.Sql {
  if (!/^[a-z_]+$/.test(wanted)) throw new Error(`Bad CTE name "${wanted}"`);
  return Prisma.sql`
    ranked AS (
      SELECT w.*, sum(w.n) OVER (ORDER BY w.ord) AS cum FROM ${Prisma.raw(`"${wanted}"`)} w
    ), locked AS (
      SELECT l."id", l."grantedUnitSeconds" - l."heldUnitSeconds" - l."consumedUnitSeconds" AS available
        FROM "AllocationLine" l JOIN "Allocation" a ON a."id" = l."allocationId"
       WHERE l."id" = ${on.allocationLineId}::text AND a."organizationId" = ${on.organizationId}::text
         AND a."validFrom" <= now() AND now() < a."validTo"
         FOR UPDATE OF l
    ), admitted AS (
      SELECT r.* FROM ranked r, locked k WHERE r.cum <= k.available
    ), line AS (
      UPDATE "AllocationLine" AS l
         SET "heldUnitSeconds" = l."heldUnitSeconds" + (SELECT sum(n) FROM admitted)
        FROM locked k
       WHERE l."id" = k."id" AND EXISTS (SELECT 1 FROM admitted)
      RETURNING l."id", l."grantedUnitSeconds" - l."heldUnitSeconds" - l."consumedUnitSeconds" AS remaining
    ), hold AS (
      INSERT INTO "QuotaHold" ("id", "organizationId", "allocationLineId", "reference",
                               "unitSeconds", "status", "createdById")
      SELECT a."holdId", ${on.organizationId}::text, line."id", a."reference", a.n,
             'ACTIVE'::"QuotaHoldStatus", a."actorId"
        FROM admitted a, line
      RETURNING "id"
    ), entry AS (
      INSERT INTO "QuotaLedgerEntry" ("organizationId", "allocationLineId", "holdId", "kind",
                                      "heldDeltaUnitSeconds", "consumedDeltaUnitSeconds", "actorId")
      SELECT ${on.organizationId}::text, line."id", a."holdId", 'HOLD'::"QuotaLedgerKind", a.n, 0,
             a."actorId"
        FROM admitted a, line
      RETURNING "id"
    )`;
}

/**
 * The hold as common table expressions `line` (the conditional UPDATE that admits it or not),
 * `hold` and `entry` (the hold row and its ledger entry), for a statement that goes on with
 * `SELECT … FROM line, hold, entry`. Each of them has a row exactly when the hold was admitted.
 * (Submits admit their holds several at once with their workloads: admitHoldsSql.)
 */
function placeHoldSql(input: PlaceHoldInput, holdId: string): Prisma.Sql {
  const n = BigInt(input.unitSeconds);
  return Prisma.sql`
    line AS (
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
      INSERT INTO "QuotaHold" ("id", "organizationId", "allocationLineId", "reference", "unitSeconds",
                               "status", "createdById", "expiresAt")
      SELECT ${holdId}::text, line."organizationId", line."id", ${input.reference}::text, ${n}::bigint,
             'ACTIVE'::"QuotaHoldStatus", ${input.actorId ?? null}::text,
             ${input.expiresAt ?? null}::timestamp
        FROM line
      RETURNING "id"
    ), entry AS (
      INSERT INTO "QuotaLedgerEntry" ("organizationId", "allocationLineId", "holdId", "kind",
                                      "heldDeltaUnitSeconds", "consumedDeltaUnitSeconds", "actorId")
      SELECT line."organizationId", line."id", hold."id", 'HOLD'::"QuotaLedgerKind", ${n}::bigint, 0,
             ${input.actorId ?? null}::text
        FROM line, hold
      RETURNING "id"
    )`;
}

// One statement: the conditional UPDATE admits the hold or not, and the hold row and its ledger
// entry are written by the same statement, so an admitted hold can never lack its ledger entry.
// Concurrent holds on one line queue on the line's row lock for the length of this statement only;
// each re-checks the condition against the committed sums (READ COMMITTED re-evaluation).
async function tryPlace(client: QuotaClient, input: PlaceHoldInput, holdId: string) {
  return client.$queryRaw<{ holdId: string; remaining: bigint }[]>`
    WITH ${placeHoldSql(input, holdId)}
    SELECT hold."id" AS "holdId", line.remaining FROM line, hold, entry`;
}

/** Why a hold was not admitted, read after the fact (the decision itself was the UPDATE's). */
async function diagnose(client: QuotaClient, input: PlaceHoldInput) {
  const [line] = await client.$queryRaw<
    {
      granted: bigint;
      held: bigint;
      consumed: bigint;
      validFrom: Date;
      validTo: Date;
      now: Date;
      unit: string;
    }[]
  >`
    SELECT l."grantedUnitSeconds" AS granted, l."heldUnitSeconds" AS held, l."consumedUnitSeconds" AS consumed,
           a."validFrom", a."validTo", now() AS now, c."unit"
      FROM "AllocationLine" l JOIN "Allocation" a ON a."id" = l."allocationId"
      JOIN "ResourceClass" c ON c."id" = l."resourceClassId"
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
  return admitHold(client, input, async () => {
    let rows: { holdId: string; remaining: bigint }[];
    try {
      rows = await tryPlace(client, input, randomUUID());
    } catch (error) {
      if (isRawUniqueViolation(error)) return existingHold(client, input);
      throw error;
    }
    const placed = rows[0];
    return placed
      ? {
          holdId: placed.holdId,
          allocationLineId: input.allocationLineId,
          unitSeconds: input.unitSeconds,
          remainingUnitSeconds: Number(placed.remaining),
          created: true,
        }
      : undefined;
  });
}

/**
 * Runs `attempt` — a statement that places the hold described by `input` and whatever goes with
 * it, returning undefined when the database refused the hold — until it is admitted. A refusal is
 * diagnosed by a second read (explainRefusedHold throws the reason); if quota was freed in
 * between, the hold may fit now, so it is tried again rather than reporting a shortfall that no
 * longer exists. placeHold and the launch path (submitWorkload) both admit holds through this.
 */
export async function admitHold<T>(
  client: QuotaClient,
  input: PlaceHoldInput,
  attempt: () => Promise<T | undefined>,
): Promise<T> {
  for (let round = 0; round < 3; round += 1) {
    const admitted = await attempt();
    if (admitted !== undefined) return admitted;
    await explainRefusedHold(client, input);
  }
  throw new AppError("CONFLICT", "The allocation is very busy right now. Try again in a moment.");
}

/**
 * Why the database just refused a hold: throws the AppError the caller shows (not found, not
 * started, expired, the shortfall). Returns when the hold would fit now — quota was freed since
 * the refusal — so the caller may simply try again.
 */
export async function explainRefusedHold(
  client: QuotaClient,
  input: PlaceHoldInput,
): Promise<void> {
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
      quotaShortfallMessage(input.unitSeconds, remaining, line.unit),
      {
        reason: "QUOTA",
        shortfallUnitSeconds: Number(shortfall),
        remainingUnitSeconds: Number(remaining),
      },
    );
  }
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
