import type { Database, ResourceClass, ResourceKind } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";

export interface CreateResourceClassInput {
  code: string;
  name: string;
  kind: ResourceKind;
  unit: string;
  listPriceMinorPerHour: number;
  currency: string;
  powerDrawWatts: number;
}

/** An operator adds a class to the catalogue. Codes are permanent: allocations refer to them. */
export async function createResourceClass(
  database: Database,
  actor: Actor,
  input: CreateResourceClassInput,
): Promise<ResourceClass> {
  const code = input.code.trim().toLowerCase();
  try {
    return await database.$transaction(async (tx) => {
      const created = await tx.resourceClass.create({
        data: {
          code,
          name: input.name.trim(),
          kind: input.kind,
          unit: input.unit.trim(),
          listPriceMinorPerHour: input.listPriceMinorPerHour,
          currency: input.currency.toUpperCase(),
          powerDrawWatts: input.powerDrawWatts,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "resource_class.created",
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
