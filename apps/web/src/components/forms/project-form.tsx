"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, describedBy, ErrorSummary, Select, TextArea, TextInput } from "@tessera/ui";
import { Field } from "@/components/field";
import type { DataClassification } from "@tessera/db";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
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
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess(project) {
        setCreated(project.name);
        refresh();
      },
      onError(error) {
        setErrors(formErrorsFrom(error, FIELD_IDS));
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setErrors(NO_ERRORS);
    setCreated(null);
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

  const f = errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={t.projects.createTitle}>
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <div aria-live="polite">
        {created ? (
          <Alert tone="success" role="status" title={t.projects.created_(created)} />
        ) : null}
      </div>
      <Field id={FIELD_IDS.name} label={t.projects.createName} error={f.name}>
        <TextInput
          id={FIELD_IDS.name}
          name="name"
          invalid={!!f.name}
          aria-describedby={describedBy(FIELD_IDS.name, undefined, f.name)}
        />
      </Field>
      <Field
        id={FIELD_IDS.description}
        label={t.projects.createDescription}
        error={f.description}
        optional
      >
        <TextArea
          id={FIELD_IDS.description}
          name="description"
          rows={3}
          invalid={!!f.description}
          aria-describedby={describedBy(FIELD_IDS.description, undefined, f.description)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={FIELD_IDS.classification}
          label={t.projects.createClassification}
          error={f.classification}
        >
          <Select
            id={FIELD_IDS.classification}
            name="classification"
            defaultValue="INTERNAL"
            invalid={!!f.classification}
          >
            {CLASSIFICATIONS.map((value) => (
              <option key={value} value={value}>
                {t.classifications[value]} — {t.classificationHints[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id={FIELD_IDS.residency}
          label={t.projects.createResidency}
          hint={t.projects.createResidencyHint}
          error={f.residency}
          optional
        >
          <TextInput
            id={FIELD_IDS.residency}
            name="residency"
            maxLength={2}
            className="w-24 uppercase"
            invalid={!!f.residency}
            aria-describedby={describedBy(
              FIELD_IDS.residency,
              t.projects.createResidencyHint,
              f.residency,
            )}
          />
        </Field>
      </div>
      <Button type="submit" busy={create.isPending}>
        {t.projects.createSubmit}
      </Button>
    </form>
  );
}
