import type { Database, UndertakingGroup } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { normalizeCountry } from "../tenancy/countries";
import { cleanLine, normalizeRegistryId, visibleLength } from "../tenancy/normalize";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";

export interface UndertakingGroupInput {
  name: string;
  country: string;
  /** The group's registry number (usually the parent company's). */
  registryId: string;
}

/**
 * Records a group of linked organisations — one "single undertaking" for the de minimis ceiling —
 * by its name and its register entry (once per country and registry number). Audited. `now`:
 * when (now by default).
 */
export async function createUndertakingGroup(
  database: Database,
  actor: Actor,
  input: UndertakingGroupInput,
  now: Date = new Date(),
): Promise<UndertakingGroup> {
  const name = cleanLine(input.name);
  const registryId = normalizeRegistryId(input.registryId);
  const country = normalizeCountry(input.country);
  if (!country) {
    throw new AppError(
      "INVALID",
      `"${input.country}" is not an ISO 3166 country code (for example DE, FR, IT).`,
    );
  }
  if (visibleLength(name) < 2 || registryId.length < 2) {
    throw new AppError("INVALID", "Give the group a name and its registry number.");
  }
  try {
    return await database.$transaction(async (tx) => {
      const group = await tx.undertakingGroup.create({
        data: {
          name,
          country,
          registryId,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "undertaking_group.created",
        occurredAt: now,
        targetType: "UndertakingGroup",
        targetId: group.id,
        data: { name, country, registryId },
      });
      return group;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        `An undertaking group with registry number ${registryId} in ${country} already exists: link the organisation to it instead.`,
      );
    }
    throw error;
  }
}
