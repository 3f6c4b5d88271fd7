import type { Database, ResourceClass } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { changedFields } from "./changed-fields";
import { classUnitAndPower } from "./create-resource-class";
import { countsTokens } from "./metering-unit";

export interface UpdateResourceClassInput {
  resourceClassId: string;
  name?: string;
  unit?: string;
  listPriceMinorPerHour?: number;
  powerDrawWatts?: number;
  active?: boolean;
}

/**
 * Changes a class's name, unit, price, power draw or availability. Code, kind and currency stay:
 * applications and allocations refer to them. A new price applies to applications saved from now
 * on; allocations keep the price they were granted at, and usage is billed at the price version in
 * force when it ran (a new version opens with each change, per unit-hour or per million tokens).
 */
export async function updateResourceClass(
  database: Database,
  actor: Actor,
  input: UpdateResourceClassInput,
): Promise<ResourceClass> {
  return database.$transaction(async (tx) => {
    const current = await tx.resourceClass.findUnique({ where: { id: input.resourceClassId } });
    if (!current) throw notFound("Resource class");
    // A tokens class keeps its unit and its zero power draw (classUnitAndPower refuses others).
    if (countsTokens(current.kind)) classUnitAndPower(current.kind, input);
    const patch = {
      name: input.name?.trim(),
      unit: input.unit?.trim(),
      listPriceMinorPerHour: input.listPriceMinorPerHour,
      powerDrawWatts: input.powerDrawWatts,
      active: input.active,
    };
    const changes = changedFields(current, patch);
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.resourceClass.update({ where: { id: current.id }, data: patch });
    await recordAuditEvent(tx, actor, {
      action: "resource_class.updated",
      targetType: "ResourceClass",
      targetId: current.id,
      data: { code: current.code, changes },
    });
    return updated;
  }, TX_OPTIONS);
}
