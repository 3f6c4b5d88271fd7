import type { Database, OrganizationKind } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { slugify } from "../tenancy/normalize";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import { checkCall, checkCap, checkProgrammeAmount, type CallInput } from "./programme-rules";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

export interface CreateProgrammeInput {
  name: string;
  sponsor: string;
  description: string;
  currency: string;
  budgetMinor: number;
  subsidyRateBps: number;
  eligibleKinds: OrganizationKind[];
  eligibleCountries: string[];
  orgCapMinor: number;
  calls: CallInput[];
}

/** A programme administrator creates a programme with at least one call (`now`: when; now by default). */
export async function createProgramme(
  database: Database,
  actor: Actor,
  input: CreateProgrammeInput,
  now: Date = new Date(),
): Promise<ProgrammeView> {
  if (!actor.userId) throw new AppError("UNAUTHENTICATED", "Sign in to create a programme.");
  const createdById = actor.userId;
  if (input.calls.length === 0)
    throw new AppError("INVALID", "Add at least one call with open and close dates.");
  input.calls.forEach(checkCall);
  checkProgrammeAmount("budget", input.budgetMinor);
  checkProgrammeAmount("limit per organisation", input.orgCapMinor);
  checkCap(input.budgetMinor, input.orgCapMinor);
  const name = input.name.trim();
  const programme = await database
    .$transaction(async (tx) => {
      const base = slugify(name, "programme");
      const taken = new Set(
        (
          await tx.programme.findMany({
            where: { slug: { startsWith: base } },
            select: { slug: true },
          })
        ).map((row) => row.slug),
      );
      let slug = base;
      for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
      const created = await tx.programme.create({
        data: {
          slug,
          name,
          sponsor: input.sponsor.trim(),
          description: input.description.trim(),
          currency: input.currency.toUpperCase(),
          budgetMinor: input.budgetMinor,
          subsidyRateBps: input.subsidyRateBps,
          eligibleKinds: [...new Set(input.eligibleKinds)],
          eligibleCountries: [
            ...new Set(input.eligibleCountries.map((c) => c.toUpperCase())),
          ].sort(),
          orgCapMinor: input.orgCapMinor,
          createdById,
          createdAt: now,
          calls: {
            create: input.calls.map((call) => ({
              name: call.name.trim(),
              opensAt: call.opensAt,
              closesAt: call.closesAt,
            })),
          },
        },
        include: PROGRAMME_WITH_CALLS,
      });
      await recordAuditEvent(tx, actor, {
        action: "programme.created",
        targetType: "Programme",
        targetId: created.id,
        data: {
          name,
          currency: created.currency,
          budgetMinor: input.budgetMinor,
          subsidyRateBps: input.subsidyRateBps,
          orgCapMinor: input.orgCapMinor,
          calls: created.calls.length,
        },
        occurredAt: now,
      });
      return created;
    }, TX_OPTIONS)
    .catch((error: unknown) => {
      // Another programme took the same slug between our check and our insert.
      if (isUniqueViolation(error)) {
        throw new AppError(
          "CONFLICT",
          "Another programme with this name was created just now. Try again.",
        );
      }
      throw error;
    });
  return toProgrammeView(programme, now);
}
