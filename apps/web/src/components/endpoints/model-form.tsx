"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { EntryForm } from "@/components/form/entry-form";
import {
  CheckboxField,
  InputField,
  QuestionFieldset,
  SelectField,
  TextAreaField,
} from "@/components/form/fields";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { parseWholeNumber } from "@/components/programmes/format";
import { te } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { useTRPC } from "@/trpc/react";
import { OPENNESS, type ModelOpenness } from "./types";

const IDS = {
  name: "model-name",
  family: "model-family",
  parameters: "model-parameters",
  licenseSpdx: "model-licence",
  weightsSha256: "model-digest",
  openness: "model-openness-class",
  sourceUrl: "model-source",
  restrictions: "model-restrictions",
  weightsOpen: "model-weights-open",
  trainedByWorkloadId: "model-trained-by",
} as const;

/**
 * Registers a model in the catalogue with its provenance. The form checks what it can before
 * sending; the server's rules (a unique name, openness consistent with what is open) come back
 * beside their fields or in the summary.
 */
export function ModelForm() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const f = te.models.form;
  const feedback = useFormFeedback(IDS, refresh);
  const create = useMutation(
    trpc.models.create.mutationOptions({ onError: (error) => feedback.showError(error) }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const name = formText(form, "name").trim();
    const family = formText(form, "family").trim();
    const parameters = parseWholeNumber(formText(form, "parameters"));
    const licenseSpdx = formText(form, "licenseSpdx").trim();
    const weightsSha256 = formText(form, "weightsSha256").trim().toLowerCase();
    const sourceUrl = formText(form, "sourceUrl").trim();
    const restrictions = formText(form, "restrictions").trim();
    const trainedBy = formText(form, "trainedByWorkloadId").trim();
    const checks = formChecks(IDS);
    if (trainedBy && !/^[A-Za-z0-9_-]{1,64}$/.test(trainedBy))
      checks.add("trainedByWorkloadId", f.required.trainedBy);
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{1,119}$/.test(name)) checks.add("name", f.required.name);
    if (!family) checks.add("family", f.required.family);
    if (!parameters || parameters < 1) checks.add("parameters", f.required.parameters);
    if (!/^[A-Za-z0-9][A-Za-z0-9.+-]{1,63}$/.test(licenseSpdx))
      checks.add("licenseSpdx", f.required.licence);
    if (!/^[0-9a-f]{64}$/.test(weightsSha256)) checks.add("weightsSha256", f.required.digest);
    if (!/^https:\/\/\S+$/.test(sourceUrl)) checks.add("sourceUrl", f.required.sourceUrl);
    if (!feedback.start(checks.errors) || !parameters) return;
    create.mutate(
      {
        name,
        family,
        parameters,
        licenseSpdx,
        weightsSha256,
        weightsOpen: form.get("weightsOpen") === "on",
        dataOpen: form.get("dataOpen") === "on",
        codeOpen: form.get("codeOpen") === "on",
        openness: formText(form, "openness") as ModelOpenness,
        sourceUrl,
        restrictions: restrictions || null,
        trainedByWorkloadId: trainedBy || null,
      },
      {
        onSuccess: (created) => {
          feedback.save(f.created(created.name));
          element.reset();
        },
      },
    );
  }

  const e = feedback.errors.fields;
  return (
    <EntryForm
      label={te.models.newTitle}
      onSubmit={submit}
      errors={feedback.errors}
      saved={feedback.saved}
      busy={create.isPending}
      submitLabel={f.submit}
    >
      <InputField
        id={IDS.name}
        label={f.name}
        hint={f.nameHint}
        error={e.name}
        name="name"
        className="font-mono"
        autoCapitalize="off"
        spellCheck={false}
      />
      <InputField id={IDS.family} label={f.family} error={e.family} name="family" />
      <InputField
        id={IDS.parameters}
        label={f.parameters}
        hint={f.parametersHint}
        error={e.parameters}
        name="parameters"
        inputMode="numeric"
      />
      <InputField
        id={IDS.licenseSpdx}
        label={f.licence}
        hint={f.licenceHint}
        error={e.licenseSpdx}
        name="licenseSpdx"
        className="font-mono"
        autoCapitalize="off"
        spellCheck={false}
      />
      <InputField
        id={IDS.weightsSha256}
        label={f.digest}
        hint={f.digestHint}
        error={e.weightsSha256}
        fieldClassName="sm:col-span-2"
        name="weightsSha256"
        className="font-mono"
        autoCapitalize="off"
        spellCheck={false}
      />
      <SelectField
        id={IDS.openness}
        label={f.openness}
        error={e.openness}
        name="openness"
        defaultValue="OPEN_MODEL"
      >
        {OPENNESS.map((value) => (
          <option key={value} value={value}>
            {te.openness[value]} — {te.opennessHint[value]}
          </option>
        ))}
      </SelectField>
      <QuestionFieldset id={IDS.weightsOpen} legend={f.openParts} error={e.weightsOpen}>
        <CheckboxField id="model-weights" name="weightsOpen" label={f.weightsOpen} defaultChecked />
        <CheckboxField id="model-data" name="dataOpen" label={f.dataOpen} />
        <CheckboxField id="model-code" name="codeOpen" label={f.codeOpen} />
      </QuestionFieldset>
      <InputField
        id={IDS.sourceUrl}
        label={f.sourceUrl}
        hint={f.sourceHint}
        error={e.sourceUrl}
        fieldClassName="sm:col-span-2"
        name="sourceUrl"
        type="url"
        autoCapitalize="off"
        spellCheck={false}
      />
      <TextAreaField
        id={IDS.restrictions}
        label={f.restrictions}
        hint={f.restrictionsHint}
        error={e.restrictions}
        optional
        fieldClassName="sm:col-span-2"
        name="restrictions"
        rows={2}
      />
      <InputField
        id={IDS.trainedByWorkloadId}
        label={f.trainedBy}
        hint={f.trainedByHint}
        error={e.trainedByWorkloadId}
        optional
        fieldClassName="sm:col-span-2"
        name="trainedByWorkloadId"
        className="font-mono"
        autoCapitalize="off"
        spellCheck={false}
      />
    </EntryForm>
  );
}
