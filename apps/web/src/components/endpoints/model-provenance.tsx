import { DescriptionList } from "@tessera/ui";
import { te } from "@/i18n";
import type { ModelView } from "./types";

/** What is open of a model, in words ("weights, training code"). */
export function openParts(model: Pick<ModelView, "weightsOpen" | "dataOpen" | "codeOpen">): string {
  const p = te.provenance;
  const parts = [
    model.weightsOpen ? p.weights : null,
    model.dataOpen ? p.data : null,
    model.codeOpen ? p.code : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(", ") : p.nothingOpen;
}

/**
 * A catalogue model's provenance, as a tenant weighs it before deploying: licence, openness
 * class, what is open, the weights' digest, restrictions and source.
 */
export function ModelProvenance({ model }: { model: ModelView }) {
  const p = te.provenance;
  return (
    <DescriptionList
      items={[
        { term: p.family, detail: model.family },
        { term: p.parameters, detail: p.parametersValue(model.parameters) },
        { term: p.licence, detail: <span className="font-mono">{model.licenseSpdx}</span> },
        {
          term: p.openness,
          detail: (
            <>
              {te.openness[model.openness]}
              <span className="block text-sm text-fg-muted">{te.opennessHint[model.openness]}</span>
            </>
          ),
        },
        { term: p.openParts, detail: openParts(model) },
        {
          term: p.digest,
          detail: <span className="break-all font-mono text-xs">{model.weightsSha256}</span>,
        },
        {
          term: p.restrictions,
          detail: model.restrictions ?? <span className="text-fg-muted">{p.noRestrictions}</span>,
        },
        {
          term: p.source,
          detail: <span className="break-all font-mono text-xs">{model.sourceUrl}</span>,
        },
        {
          term: p.pipeline,
          detail: model.trainedByWorkloadId ? (
            <span className="break-all">{p.trainedHere(model.trainedByWorkloadId)}</span>
          ) : (
            <span className="text-fg-muted">{p.trainedElsewhere}</span>
          ),
        },
      ]}
    />
  );
}
