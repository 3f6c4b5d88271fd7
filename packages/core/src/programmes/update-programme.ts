import type { Database, OrganizationKind } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { changedFields } from "../catalogue/changed-fields";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { formatMoney, toSafeNumber } from "./money";
import { checkCap, checkProgrammeAmount } from "./programme-rules";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

export interface UpdateProgrammeInput {
  programmeId: string;
  name?: string;
  sponsor?: string;
  description?: string;
  budgetMinor?: number;
  subsidyRateBps?: number;
  eligibleKinds?: OrganizationKind[];
  eligibleCountries?: string[];
  orgCapMinor?: number;
}

/**
 * Changes a programme. The currency stays. A new subsidy rate applies to approvals from now on;
 * awards already made keep theirs. The budget cannot go below what is already awarded: the
 * database decides that (conditional UPDATE), so a concurrent approval cannot slip under it.
 */
export async function updateProgramme(
  database: Database,
  actor: Actor,
  input: UpdateProgrammeInput,
): Promise<ProgrammeView> {
  const programme = await database.$transaction(async (tx) => {
    const current = await tx.programme.findUnique({ where: { id: input.programmeId } });
    if (!current) throw notFound("Programme");
    if (input.budgetMinor !== undefined) checkProgrammeAmount("budget", input.budgetMinor);
    if (input.orgCapMinor !== undefined) {
      checkProgrammeAmount("limit per organisation", input.orgCapMinor);
    }
    const budgetMinor = input.budgetMinor ?? toSafeNumber(current.budgetMinor);
    checkCap(budgetMinor, input.orgCapMinor ?? toSafeNumber(current.orgCapMinor));
    if (input.budgetMinor !== undefined) {
      const lowered = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "Programme" SET "budgetMinor" = ${BigInt(input.budgetMinor)}
        WHERE "id" = ${current.id} AND "awardedMinor" <= ${BigInt(input.budgetMinor)}
        RETURNING "id"`;
      if (lowered.length === 0) {
        const { awardedMinor } = await tx.programme.findUniqueOrThrow({
          where: { id: current.id },
        });
        throw new AppError(
          "PRECONDITION_FAILED",
          `This programme has already awarded ${formatMoney(awardedMinor, current.currency)}; the budget cannot be lower than that.`,
        );
      }
    }
    const patch = {
      name: input.name?.trim(),
      sponsor: input.sponsor?.trim(),
      description: input.description?.trim(),
      subsidyRateBps: input.subsidyRateBps,
      eligibleKinds: input.eligibleKinds ? [...new Set(input.eligibleKinds)] : undefined,
      eligibleCountries: input.eligibleCountries
        ? [...new Set(input.eligibleCountries.map((c) => c.toUpperCase()))].sort()
        : undefined,
      orgCapMinor: input.orgCapMinor === undefined ? undefined : BigInt(input.orgCapMinor),
    };
    const changes = changedFields(
      {
        ...current,
        budgetMinor: toSafeNumber(current.budgetMinor),
        orgCapMinor: toSafeNumber(current.orgCapMinor),
      },
      { ...patch, budgetMinor: input.budgetMinor, orgCapMinor: input.orgCapMinor },
    );
    const updated = await tx.programme.update({
      where: { id: current.id },
      data: patch,
      include: PROGRAMME_WITH_CALLS,
    });
    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(tx, actor, {
        action: "programme.updated",
        targetType: "Programme",
        targetId: current.id,
        data: { changes },
      });
    }
    return updated;
  }, TX_OPTIONS);
  return toProgrammeView(programme);
}
