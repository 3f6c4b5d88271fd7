"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { EntryForm } from "@/components/form/entry-form";
import { InputField, SelectField, TextAreaField } from "@/components/form/fields";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tw } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { useTRPC } from "@/trpc/react";
import type { JobTemplateKind, JobTemplateView } from "./types";

const KINDS: JobTemplateKind[] = ["PYTORCH_DDP", "BATCH"];

const IDS = {
  code: "template-code",
  name: "template-name",
  description: "template-description",
  kind: "template-kind",
  script: "template-script",
  defaultImage: "template-image",
  active: "template-active",
} as const;

/**
 * Adds a job template, or (with `existing`) edits its name, description, script, default image
 * and whether people may choose it. The script's placeholders are listed beside it.
 */
export function TemplateForm({ existing }: { existing?: JobTemplateView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const f = tw.templates.form;
  const [kind, setKind] = useState<JobTemplateKind>(existing?.kind ?? "PYTORCH_DDP");
  const feedback = useFormFeedback(IDS, refresh);
  const onError = (error: unknown) => feedback.showError(error);
  const create = useMutation(trpc.jobTemplates.create.mutationOptions({ onError }));
  const update = useMutation(trpc.jobTemplates.update.mutationOptions({ onError }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const code = formText(form, "code").trim();
    const name = formText(form, "name").trim();
    const description = formText(form, "description").trim();
    const script = formText(form, "script");
    const defaultImage = formText(form, "defaultImage").trim();
    const checks = formChecks(IDS);
    if (!existing && !/^[a-z0-9][a-z0-9-]{1,39}$/.test(code)) checks.add("code", f.required.code);
    if (name.length < 2) checks.add("name", f.required.name);
    if (description.length < 10) checks.add("description", f.required.description);
    if (!script.startsWith("#!")) checks.add("script", f.required.script);
    if (!feedback.start(checks.errors)) return;
    if (existing) {
      update.mutate(
        {
          templateId: existing.id,
          name,
          description,
          script,
          defaultImage: defaultImage || null,
          active: form.get("active") === "on",
        },
        {
          onSuccess: () => feedback.save(f.saved),
        },
      );
    } else {
      create.mutate(
        { code, name, description, kind, script, ...(defaultImage ? { defaultImage } : {}) },
        {
          onSuccess: (created) => {
            feedback.save(f.created(created.code));
            element.reset();
          },
        },
      );
    }
  }

  const e = feedback.errors.fields;
  return (
    <EntryForm
      label={existing ? tw.templates.editTitle(existing.code) : tw.templates.newTitle}
      onSubmit={submit}
      errors={feedback.errors}
      saved={feedback.saved}
      active={existing ? { id: IDS.active, label: f.active, checked: existing.active } : undefined}
      busy={create.isPending || update.isPending}
      submitLabel={existing ? t.common.save : f.create}
    >
      {existing ? null : (
        <InputField
          id={IDS.code}
          label={f.code}
          hint={f.codeHint}
          error={e.code}
          name="code"
          className="font-mono"
          autoCapitalize="off"
          spellCheck={false}
        />
      )}
      <InputField
        id={IDS.name}
        label={f.name}
        error={e.name}
        name="name"
        defaultValue={existing?.name}
      />
      {existing ? null : (
        <SelectField
          id={IDS.kind}
          label={f.kind}
          hint={f.kindHint}
          error={e.kind}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as JobTemplateKind)}
        >
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {tw.templates.kinds[option]}
            </option>
          ))}
        </SelectField>
      )}
      <InputField
        id={IDS.defaultImage}
        label={f.defaultImage}
        hint={f.defaultImageHint}
        error={e.defaultImage}
        optional
        name="defaultImage"
        defaultValue={existing?.defaultImage ?? ""}
        className="font-mono"
        autoCapitalize="off"
        spellCheck={false}
      />
      <TextAreaField
        id={IDS.description}
        label={f.description}
        error={e.description}
        fieldClassName="sm:col-span-2"
        name="description"
        rows={2}
        defaultValue={existing?.description}
      />
      <TextAreaField
        id={IDS.script}
        label={f.script}
        hint={f.scriptHint[kind]}
        error={e.script}
        fieldClassName="sm:col-span-2"
        name="script"
        rows={14}
        defaultValue={existing?.script ?? f.scriptDefault}
        className="font-mono text-sm"
        autoCapitalize="off"
        spellCheck={false}
      />
    </EntryForm>
  );
}
