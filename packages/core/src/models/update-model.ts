import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { checkTrainingJob, type ModelInput } from "./create-model";
import { checkModelSharing } from "./check-model-sharing";
import { checkModelProvenance } from "./model-rules";
import { MODEL_VIEW_INCLUDE, toModelView, type ModelView } from "./model-view";

export interface ModelSharingInput {
  /** The TOKENS class calls to the platform's shared endpoints of the model draw on; null: none. */
  tokenResourceClassId?: string | null;
  /** The model calls fall back to when the caller's tokens of the tier are spent; null: none. */
  fallbackModelId?: string | null;
}

/**
 * An operator corrects a catalogue entry, (de)activates it, or sets its token tier and fallback
 * (checked by checkModelSharing). The name stays (clients call it); what changed is audited.
 * `now`: when (now by default).
 */
export async function updateModel(
  database: Database,
  actor: Actor,
  input: { id: string } & Partial<Omit<ModelInput, "name">> & {
      active?: boolean;
    } & ModelSharingInput,
  now: Date = new Date(),
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
    await checkModelSharing(tx, current, next);
    const updated = await tx.model.update({
      where: { id },
      data: { ...changes, weightsSha256: next.weightsSha256, updatedAt: now },
      include: MODEL_VIEW_INCLUDE,
    });
    await recordAuditEvent(tx, actor, {
      action: "model.updated",
      occurredAt: now,
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
