"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { EntryForm } from "@/components/form/entry-form";
import { SelectField } from "@/components/form/fields";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { te } from "@/i18n";
import { formChecks } from "@/lib/form-checks";
import { useTRPC } from "@/trpc/react";

const IDS = {
  modelId: "sharing-model",
  tokenResourceClassId: "sharing-tier",
  fallbackModelId: "sharing-fallback",
} as const;

interface SharingModel {
  id: string;
  name: string;
  active: boolean;
  tokenTier: { id: string } | null;
  fallbackModel: { id: string } | null;
}

/**
 * Sets a model's token tier (the tokens class calls to the platform's shared endpoints of it draw
 * on) and its fallback (the model a call goes to when the caller's tokens of that tier are
 * spent). The server checks the rules — a tokens class, an active fallback on another tier, no
 * cycle — and its refusals come back beside their fields.
 */
export function ModelSharingForm({
  models,
  tiers,
}: {
  models: readonly SharingModel[];
  tiers: readonly { id: string; code: string; name: string }[];
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const s = te.models.sharing;
  const feedback = useFormFeedback(IDS, refresh);
  const [modelId, setModelId] = useState("");
  const model = models.find((m) => m.id === modelId);
  const [tier, setTier] = useState("");
  const [fallback, setFallback] = useState("");
  const update = useMutation(
    trpc.models.update.mutationOptions({ onError: (error) => feedback.showError(error) }),
  );

  function choose(id: string) {
    const chosen = models.find((m) => m.id === id);
    setModelId(id);
    setTier(chosen?.tokenTier?.id ?? "");
    setFallback(chosen?.fallbackModel?.id ?? "");
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checks = formChecks(IDS);
    if (!model) checks.add("modelId", s.required.model);
    if (!feedback.start(checks.errors) || !model) return;
    update.mutate(
      {
        modelId: model.id,
        tokenResourceClassId: tier || null,
        fallbackModelId: fallback || null,
      },
      { onSuccess: (saved) => feedback.save(s.saved(saved.name)) },
    );
  }

  const e = feedback.errors.fields;
  return (
    <EntryForm
      label={s.title}
      onSubmit={submit}
      errors={feedback.errors}
      saved={feedback.saved}
      busy={update.isPending}
      submitLabel={s.submit}
    >
      <SelectField
        id={IDS.modelId}
        label={s.model}
        error={e.modelId}
        fieldClassName="sm:col-span-2"
        value={modelId}
        onChange={(event) => choose(event.target.value)}
      >
        <option value="">{s.modelPlaceholder}</option>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={IDS.tokenResourceClassId}
        label={s.tier}
        hint={tiers.length === 0 ? s.noTiers : s.tierHint}
        error={e.tokenResourceClassId}
        value={tier}
        disabled={!model}
        onChange={(event) => setTier(event.target.value)}
      >
        <option value="">{s.noTier}</option>
        {tiers.map((rc) => (
          <option key={rc.id} value={rc.id}>
            {rc.name} ({rc.code})
          </option>
        ))}
      </SelectField>
      <SelectField
        id={IDS.fallbackModelId}
        label={s.fallback}
        hint={s.fallbackHint}
        error={e.fallbackModelId}
        value={fallback}
        disabled={!model}
        onChange={(event) => setFallback(event.target.value)}
      >
        <option value="">{s.noFallback}</option>
        {models
          .filter((m) => m.id !== modelId && m.active)
          .map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
      </SelectField>
    </EntryForm>
  );
}
