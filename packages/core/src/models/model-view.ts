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
  active: boolean;
}

export function toModelView(model: Model): ModelView {
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
    active: model.active,
  };
}
