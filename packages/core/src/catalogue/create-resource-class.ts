import type { Database, ResourceClass, ResourceKind } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { countsTokens } from "./metering-unit";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";

export interface CreateResourceClassInput {
  code: string;
  name: string;
  kind: ResourceKind;
  /** The countable unit; a tokens class's is "token" (the default for one). */
  unit?: string;
  /** Per unit-hour; for a tokens class, per million tokens (catalogue/metering-unit.ts). */
  listPriceMinorPerHour: number;
  currency: string;
  /** Watts per unit, for energy accounting; none (0) for a tokens class. */
  powerDrawWatts?: number;
}

export const TOKEN_UNIT = "token";

/**
 * Pure: a class's unit and power draw as stored. A compute class needs both. A tokens class
 * counts tokens and draws no power of its own — the energy of a call is estimated from the
 * endpoint that served it — so its unit is "token" and its power draw 0.
 */
export function classUnitAndPower(
  kind: ResourceKind,
  input: { unit?: string; powerDrawWatts?: number },
): { unit: string; powerDrawWatts: number } {
  const unit = input.unit?.trim();
  if (countsTokens(kind)) {
    if (unit !== undefined && unit !== TOKEN_UNIT) {
      throw new AppError("INVALID", `A tokens class counts tokens: its unit is "${TOKEN_UNIT}".`);
    }
    if (input.powerDrawWatts !== undefined && input.powerDrawWatts !== 0) {
      throw new AppError(
        "INVALID",
        "A tokens class has no power draw of its own (the energy of a call is estimated from the endpoint that serves it); leave it at 0.",
      );
    }
    return { unit: TOKEN_UNIT, powerDrawWatts: 0 };
  }
  if (!unit) throw new AppError("INVALID", "Enter the unit: GPU, MIG slice or CPU core.");
  if (input.powerDrawWatts === undefined) {
    throw new AppError("INVALID", "Enter the power draw per unit, in watts.");
  }
  return { unit, powerDrawWatts: input.powerDrawWatts };
}

/**
 * An operator adds a class to the catalogue. Codes are permanent: allocations refer to them. The
 * class's first price version follows from its list price (a database trigger: per unit-hour for
 * compute, per million tokens for a tokens class). `now`: when (now by default).
 */
export async function createResourceClass(
  database: Database,
  actor: Actor,
  input: CreateResourceClassInput,
  now: Date = new Date(),
): Promise<ResourceClass> {
  const code = input.code.trim().toLowerCase();
  const { unit, powerDrawWatts } = classUnitAndPower(input.kind, input);
  try {
    return await database.$transaction(async (tx) => {
      const created = await tx.resourceClass.create({
        data: {
          code,
          name: input.name.trim(),
          kind: input.kind,
          unit,
          listPriceMinorPerHour: input.listPriceMinorPerHour,
          currency: input.currency.toUpperCase(),
          powerDrawWatts,
          createdAt: now,
          updatedAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "resource_class.created",
        occurredAt: now,
        targetType: "ResourceClass",
        targetId: created.id,
        data: {
          code,
          kind: created.kind,
          listPriceMinorPerHour: created.listPriceMinorPerHour,
          currency: created.currency,
          powerDrawWatts: created.powerDrawWatts,
        },
      });
      return created;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A resource class with the code "${code}" already exists.`);
    }
    throw error;
  }
}
