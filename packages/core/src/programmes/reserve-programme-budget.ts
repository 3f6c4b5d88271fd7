import type { Prisma } from "@tessera/db";
import { AppError } from "../errors";
import { checkOrganizationLimit } from "../applications/award-rules";
import { formatMoney, toSafeNumber } from "./money";

/**
 * Adds an award's programme share to the programme's awarded total and to the organisation's, or
 * refuses with how far it would go over. The database decides, one conditional statement each:
 * concurrent approvals queue on the programme row (and the organisation's award row), and each
 * re-evaluates its condition against the committed total, so two approvals that each fit alone
 * can never both pass when together they do not. CHECK constraints back this up.
 */
export async function reserveProgrammeBudget(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  input: {
    programmeId: string;
    organizationId: string;
    organizationName: string;
    amountMinor: bigint;
    currency: string;
  },
): Promise<{ programmeAwardedMinor: bigint; organizationAwardedMinor: bigint }> {
  const { programmeId, organizationId, amountMinor, currency } = input;
  const money = (value: number | bigint) => formatMoney(value, currency);

  const programme = await tx.$queryRaw<{ awarded: bigint }[]>`
    UPDATE "Programme"
       SET "awardedMinor" = "awardedMinor" + ${amountMinor}, "updatedAt" = now()
     WHERE "id" = ${programmeId} AND "awardedMinor" + ${amountMinor} <= "budgetMinor"
    RETURNING "awardedMinor" AS awarded`;
  if (programme.length === 0) {
    const [state] = await tx.$queryRaw<{ budget: bigint; awarded: bigint }[]>`
      SELECT "budgetMinor" AS budget, "awardedMinor" AS awarded FROM "Programme" WHERE "id" = ${programmeId}`;
    const over = state ? state.awarded + amountMinor - state.budget : amountMinor;
    throw new AppError(
      "PRECONDITION_FAILED",
      `Approving this award would exceed the programme budget by ${money(over)}: the programme has ${money(state ? state.budget - state.awarded : 0n)} left and this award is ${money(amountMinor)}. Grant less, or raise the budget.`,
      { overByMinor: over.toString(), limit: "budget" },
    );
  }

  // The first award to an organisation inserts its row (only if the amount alone fits the cap);
  // later ones add to it only while the sum stays within the cap.
  const organization = await tx.$queryRaw<{ awarded: bigint }[]>`
    INSERT INTO "ProgrammeOrganizationAward" ("programmeId", "organizationId", "awardedMinor", "updatedAt")
    SELECT ${programmeId}, ${organizationId}, ${amountMinor}, now()
      FROM "Programme" p
     WHERE p."id" = ${programmeId} AND ${amountMinor} <= p."orgCapMinor"
    ON CONFLICT ("programmeId", "organizationId") DO UPDATE
       SET "awardedMinor" = "ProgrammeOrganizationAward"."awardedMinor" + EXCLUDED."awardedMinor",
           "updatedAt" = now()
     WHERE "ProgrammeOrganizationAward"."awardedMinor" + EXCLUDED."awardedMinor"
           <= (SELECT "orgCapMinor" FROM "Programme" WHERE "id" = ${programmeId})
    RETURNING "awardedMinor" AS awarded`;
  if (organization.length === 0) {
    const [state] = await tx.$queryRaw<{ cap: bigint; awarded: bigint | null }[]>`
      SELECT p."orgCapMinor" AS cap, a."awardedMinor" AS awarded
        FROM "Programme" p
        LEFT JOIN "ProgrammeOrganizationAward" a
          ON a."programmeId" = p."id" AND a."organizationId" = ${organizationId}
       WHERE p."id" = ${programmeId}`;
    const limit = checkOrganizationLimit({
      capMinor: toSafeNumber(state?.cap ?? 0n),
      awardedMinor: toSafeNumber(state?.awarded ?? 0n),
      requestedMinor: toSafeNumber(amountMinor),
    });
    throw new AppError(
      "PRECONDITION_FAILED",
      `Approving this award would exceed the limit per organisation by ${money(limit.overByMinor)}: ${input.organizationName} has been awarded ${money(limit.awardedMinor)} of its ${money(limit.capMinor)} limit, so ${money(limit.remainingMinor)} is left, and this award is ${money(amountMinor)}. Grant at most ${money(limit.remainingMinor)} of programme share.`,
      { overByMinor: String(limit.overByMinor), limit: "organization" },
    );
  }
  return {
    programmeAwardedMinor: programme[0]!.awarded,
    organizationAwardedMinor: organization[0]!.awarded,
  };
}
