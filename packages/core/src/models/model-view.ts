import type { Model, ModelOpenness } from "@tessera/db";

export interface ModelView {
  id: string;
  name: string;
  family: string;
  /** Parameter count as a decimal string (it may exceed a safe JavaScript integer). */
  parameters: string;
  licenseSpdx: string;
  weightsSha256: string;
  weightsOpen: boolean;
  dataOpen: boolean;
  codeOpen: boolean;
  openness: ModelOpenness;
  sourceUrl: string;
  restrictions: string | null;
  trainedByWorkloadId: string | null;
  /** The token tier calls to the platform's shared endpoints of this model draw on; null when not shared. */
  tokenTier: { id: string; code: string; name: string } | null;
  /** Where a call goes when the caller's tokens of the tier are spent (and its key allows it). */
  fallbackModel: { id: string; name: string } | null;
  active: boolean;
}

/** The relations a view names (read with MODEL_VIEW_INCLUDE). */
export const MODEL_VIEW_INCLUDE = {
  tokenClass: { select: { id: true, code: true, name: true } },
  fallbackModel: { select: { id: true, name: true } },
} as const;

export type ModelWithSharing = Model & {
  tokenClass: { id: string; code: string; name: string } | null;
  fallbackModel: { id: string; name: string } | null;
};

export function toModelView(model: ModelWithSharing): ModelView {
  return {
    id: model.id,
    name: model.name,
    family: model.family,
    parameters: model.parameters.toString(),
    licenseSpdx: model.licenseSpdx,
    weightsSha256: model.weightsSha256,
    weightsOpen: model.weightsOpen,
    dataOpen: model.dataOpen,
    codeOpen: model.codeOpen,
    openness: model.openness,
    sourceUrl: model.sourceUrl,
    restrictions: model.restrictions,
    trainedByWorkloadId: model.trainedByWorkloadId,
    tokenTier: model.tokenClass,
    fallbackModel: model.fallbackModel,
    active: model.active,
  };
}
