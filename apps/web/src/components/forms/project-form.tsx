"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@tessera/ui";
import { InputField, SelectField, TextAreaField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import type { DataClassification } from "@tessera/db";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

const FIELD_IDS = {
  name: "project-name",
  description: "project-description",
  classification: "project-classification",
  residency: "project-residency",
} as const;
const CLASSIFICATIONS: DataClassification[] = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"];

export function ProjectForm({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const feedback = useFormFeedback(FIELD_IDS, refresh);
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess(project) {
        feedback.save(t.projects.created_(project.name));
      },
      onError(error) {
        feedback.showError(error);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    feedback.start();
    const description = formText(form, "description").trim();
    const residency = formText(form, "residency").trim();
    create.mutate(
      {
        organizationId,
        name: formText(form, "name"),
        description: description || undefined,
        classification: formText(form, "classification", "INTERNAL") as DataClassification,
        residency: residency || null,
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  const f = feedback.errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={t.projects.createTitle}>
      <FormFeedback errors={feedback.errors} saved={feedback.saved} />
      <InputField id={FIELD_IDS.name} label={t.projects.createName} error={f.name} name="name" />
      <TextAreaField
        id={FIELD_IDS.description}
        label={t.projects.createDescription}
        error={f.description}
        optional
        name="description"
        rows={3}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={FIELD_IDS.classification}
          label={t.projects.createClassification}
          error={f.classification}
          name="classification"
          defaultValue="INTERNAL"
        >
          {CLASSIFICATIONS.map((value) => (
            <option key={value} value={value}>
              {t.classifications[value]} — {t.classificationHints[value]}
            </option>
          ))}
        </SelectField>
        <InputField
          id={FIELD_IDS.residency}
          label={t.projects.createResidency}
          hint={t.projects.createResidencyHint}
          error={f.residency}
          optional
          name="residency"
          maxLength={2}
          className="w-24 uppercase"
        />
      </div>
      <Button type="submit" busy={create.isPending}>
        {t.projects.createSubmit}
      </Button>
    </form>
  );
}
