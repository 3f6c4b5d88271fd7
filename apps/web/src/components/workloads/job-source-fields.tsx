"use client";

import { InputField, SelectField, TextAreaField } from "@/components/form/fields";
import { tw } from "@/i18n";
import type { FormTemplate } from "./types";

export type SourceType = "template" | "script";

export const SOURCE_IDS = {
  template: "job-template",
  image: "job-image",
  command: "job-command",
  script: "job-script",
} as const;

export const DEFAULT_SCRIPT = `#!/bin/bash
set -euo pipefail

echo "Running on $(hostname)"
python train.py
`;

/**
 * What the job runs: a template from the catalogue (its script shown, image and command filled
 * in by the person) or the person's own batch script.
 */
export function JobSourceFields({
  templates,
  sourceType,
  onSourceType,
  templateId,
  onTemplate,
  errors,
}: {
  templates: readonly FormTemplate[];
  sourceType: SourceType;
  onSourceType: (value: SourceType) => void;
  templateId: string;
  onTemplate: (id: string) => void;
  errors: Record<string, string>;
}) {
  const f = tw.form;
  const template = templates.find((item) => item.id === templateId);
  const needsImage = template
    ? template.kind === "PYTORCH_DDP" || template.defaultImage !== null
    : false;
  return (
    // min-w-0: a fieldset is at least as wide as its widest line by default, which would push a
    // long template script (and the fields beside it) past a narrow screen.
    <fieldset className="min-w-0 space-y-4">
      <legend className="font-semibold">{f.source}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="sourceType"
            value="template"
            checked={sourceType === "template"}
            disabled={templates.length === 0}
            onChange={() => onSourceType("template")}
            className="size-4"
          />
          {f.fromTemplate}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="sourceType"
            value="script"
            checked={sourceType === "script"}
            onChange={() => onSourceType("script")}
            className="size-4"
          />
          {f.ownScript}
        </label>
      </div>
      {sourceType === "template" ? (
        <div className="space-y-4">
          <SelectField
            id={SOURCE_IDS.template}
            label={f.template}
            error={errors.templateId}
            name="templateId"
            value={templateId}
            onChange={(event) => onTemplate(event.target.value)}
          >
            <option value="">{f.templatePlaceholder}</option>
            {templates.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </SelectField>
          {template ? (
            <>
              <p className="text-sm text-fg-muted">{template.description}</p>
              {needsImage ? (
                <InputField
                  key={`image-${template.id}`}
                  id={SOURCE_IDS.image}
                  label={f.image}
                  hint={f.imageHint}
                  error={errors.image}
                  name="image"
                  defaultValue={template.defaultImage ?? ""}
                  className="font-mono"
                  spellCheck={false}
                  autoCapitalize="off"
                />
              ) : null}
              <InputField
                key={`command-${template.id}`}
                id={SOURCE_IDS.command}
                label={f.command}
                hint={needsImage ? f.commandHint : f.commandHintPlain}
                error={errors.command}
                name="command"
                defaultValue="python train.py"
                className="font-mono"
                spellCheck={false}
                autoCapitalize="off"
              />
              <details className="min-w-0 rounded-md border border-line">
                <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">
                  {f.showTemplateScript}
                </summary>
                <pre
                  role="region"
                  tabIndex={0}
                  aria-label={f.templateScriptLabel(template.name)}
                  className="max-h-72 overflow-auto whitespace-pre border-t border-line bg-surface-muted p-3 font-mono text-xs"
                >
                  {template.script}
                </pre>
              </details>
            </>
          ) : null}
        </div>
      ) : (
        <TextAreaField
          id={SOURCE_IDS.script}
          label={f.script}
          hint={f.scriptHint}
          error={errors.script}
          name="script"
          rows={12}
          defaultValue={DEFAULT_SCRIPT}
          className="font-mono text-sm"
          spellCheck={false}
          autoCapitalize="off"
        />
      )}
    </fieldset>
  );
}
