"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { cn, Select, Spinner } from "@tessera/ui";
import { QuestionFieldset } from "@/components/form/fields";
import { te } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { ModelProvenance } from "./model-provenance";
import { OPENNESS, type ModelOpenness, type ModelView } from "./types";

export const MODEL_FIELD_ID = "endpoint-model";

/**
 * The catalogue as a choice: filters by openness and licence (answered by the server), and each
 * model with its provenance beside its radio button, so the licence and what is open are read
 * before choosing. The chosen model stays chosen while the filters hide it.
 */
export function ModelPicker({
  organizationId,
  catalogue,
  value,
  onChange,
  error,
}: {
  organizationId: string;
  /** The whole active catalogue (for the licence filter's options and the first answer). */
  catalogue: readonly ModelView[];
  value: string;
  onChange: (modelId: string) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const f = te.form;
  const [openness, setOpenness] = useState<ModelOpenness | "">("");
  const [licence, setLicence] = useState("");
  const filtered = openness !== "" || licence !== "";
  const query = useQuery(
    trpc.models.list.queryOptions(
      {
        organizationId,
        openness: openness ? [openness] : null,
        licenseSpdx: licence || null,
      },
      {
        enabled: filtered,
        placeholderData: keepPreviousData,
      },
    ),
  );
  const models = filtered ? (query.data ?? []) : catalogue;
  const licences = [...new Set(catalogue.map((model) => model.licenseSpdx))].sort();

  return (
    <QuestionFieldset
      id={`${MODEL_FIELD_ID}-question`}
      legend={f.model}
      error={error}
      className="space-y-3"
    >
      <div
        role="group"
        aria-label={f.filters}
        className="flex flex-wrap gap-3 rounded-md border border-line bg-surface-muted p-3"
      >
        <div className="w-full space-y-1 sm:w-56">
          <label className="block text-sm font-semibold" htmlFor="model-openness">
            {f.openness}
          </label>
          <Select
            id="model-openness"
            value={openness}
            onChange={(event) => setOpenness(event.target.value as ModelOpenness | "")}
          >
            <option value="">{f.anyOpenness}</option>
            {OPENNESS.map((value) => (
              <option key={value} value={value}>
                {te.openness[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-full space-y-1 sm:w-56">
          <label className="block text-sm font-semibold" htmlFor="model-licence">
            {f.licence}
          </label>
          <Select
            id="model-licence"
            value={licence}
            onChange={(event) => setLicence(event.target.value)}
          >
            <option value="">{f.anyLicence}</option>
            {licences.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </div>
        {filtered && query.isFetching ? <Spinner /> : null}
      </div>
      <div aria-live="polite">
        {models.length === 0 && !(filtered && query.isPending) ? (
          <p className="text-fg-muted">{f.noModels}</p>
        ) : null}
      </div>
      {/* The error summary's link lands here (focus, not a choice: the person picks one). */}
      <ul
        id={MODEL_FIELD_ID}
        tabIndex={-1}
        aria-label={f.modelsCaption}
        className="space-y-3"
        data-testid="model-choices"
      >
        {models.map((model) => {
          const id = `model-${model.id}`;
          const chosen = model.id === value;
          return (
            <li
              key={model.id}
              className={cn(
                "rounded-lg border p-3",
                chosen ? "border-accent bg-surface-muted" : "border-line",
              )}
              data-testid="model-choice"
            >
              <div className="flex items-start gap-3">
                <input
                  type="radio"
                  id={id}
                  name="modelId"
                  value={model.id}
                  checked={chosen}
                  onChange={() => onChange(model.id)}
                  className="mt-1 size-5 shrink-0"
                />
                <label htmlFor={id} className="min-w-0 font-mono font-semibold break-all">
                  {model.name}
                </label>
              </div>
              <details className="mt-2" open={chosen}>
                <summary className="cursor-pointer text-sm font-semibold">
                  {f.provenance}: {model.licenseSpdx} · {te.openness[model.openness]}
                  {model.restrictions ? ` · ${te.provenance.restrictions}` : ""}
                </summary>
                <div className="mt-2">
                  <ModelProvenance model={model} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </QuestionFieldset>
  );
}
