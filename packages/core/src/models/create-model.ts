import type { Database, ModelOpenness } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import { checkModelProvenance } from "./model-rules";
import { MODEL_VIEW_INCLUDE, toModelView, type ModelView } from "./model-view";

export interface ModelInput {
  name: string;
  family: string;
  parameters: bigint;
  licenseSpdx: string;
  weightsSha256: string;
  weightsOpen: boolean;
  dataOpen: boolean;
  codeOpen: boolean;
  openness: ModelOpenness;
  sourceUrl: string;
  restrictions: string | null;
  /** A training job of Tessera's that produced the weights: its pipeline. */
  trainedByWorkloadId: string | null;
}

/** Checks that a named training job exists and is a training job (any organisation's: operators register). */
export async function checkTrainingJob(
  tx: Pick<Database, "workload">,
  workloadId: string | null,
): Promise<void> {
  if (!workloadId) return;
  const job = await tx.workload.findFirst({
    where: { id: workloadId, kind: "TRAINING_JOB" },
    select: { id: true, status: true },
  });
  if (!job) throw notFound("Training job");
  if (job.status !== "COMPLETED") {
    throw new AppError(
      "PRECONDITION_FAILED",
      `Only a completed training job can be a model's pipeline; this one is ${job.status.toLowerCase()}.`,
    );
  }
}

/** An operator registers a model in the catalogue with its provenance; audited (`now`: when; now by default). */
export async function createModel(
  database: Database,
  actor: Actor,
  input: ModelInput,
  now: Date = new Date(),
): Promise<ModelView> {
  const data = {
    ...input,
    name: input.name.trim(),
    weightsSha256: input.weightsSha256.toLowerCase(),
  };
  checkModelProvenance(data);
  try {
    return await database.$transaction(async (tx) => {
      await checkTrainingJob(tx, data.trainedByWorkloadId);
      const created = await tx.model.create({
        data: { ...data, createdAt: now, updatedAt: now },
        include: MODEL_VIEW_INCLUDE,
      });
      await recordAuditEvent(tx, actor, {
        action: "model.created",
        occurredAt: now,
        targetType: "Model",
        targetId: created.id,
        data: {
          name: created.name,
          licenseSpdx: created.licenseSpdx,
          weightsSha256: created.weightsSha256,
          openness: created.openness,
          trainedByWorkloadId: created.trainedByWorkloadId,
        },
      });
      return toModelView(created);
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A model named "${data.name}" is already in the catalogue.`);
    }
    throw error;
  }
}
