import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { checkTrainingJob, type ModelInput } from "./create-model";
import { checkModelProvenance } from "./model-rules";
import { toModelView, type ModelView } from "./model-view";

/**
 * An operator corrects a catalogue entry or (de)activates it. The name stays (clients call it);
 * what changed is audited.
 */
export async function updateModel(
  database: Database,
  actor: Actor,
  input: { id: string } & Partial<Omit<ModelInput, "name">> & { active?: boolean },
): Promise<ModelView> {
  const { id, ...changes } = input;
  return database.$transaction(async (tx) => {
    const current = await tx.model.findUnique({ where: { id } });
    if (!current) throw notFound("Model");
    const next = { ...current, ...changes };
    if (changes.weightsSha256) next.weightsSha256 = changes.weightsSha256.toLowerCase();
    checkModelProvenance(next);
    if (changes.trainedByWorkloadId !== undefined)
      await checkTrainingJob(tx, changes.trainedByWorkloadId);
    const updated = await tx.model.update({
      where: { id },
      data: { ...changes, weightsSha256: next.weightsSha256 },
    });
    await recordAuditEvent(tx, actor, {
      action: "model.updated",
      targetType: "Model",
      targetId: id,
      data: JSON.parse(
        JSON.stringify(changes, (_key, value: unknown) =>
          typeof value === "bigint" ? value.toString() : value,
        ),
      ) as Record<string, unknown>,
    });
    return toModelView(updated);
  }, TX_OPTIONS);
}
