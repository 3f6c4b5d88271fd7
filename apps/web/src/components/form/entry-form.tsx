"use client";

import type { FormEvent, ReactNode } from "react";
import { Button } from "@tessera/ui";
import type { FormErrors } from "@/lib/form-errors";
import { CheckboxField } from "./fields";
import { FormFeedback } from "./form-feedback";

/**
 * The form that adds a catalogue entry or (with `active`) edits one: the error summary and save
 * notice, the fields in two columns, the "available" switch when editing, and the submit button.
 */
export function EntryForm({
  label,
  onSubmit,
  errors,
  saved,
  active,
  busy,
  submitLabel,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errors: FormErrors;
  saved: string | null;
  /** When editing: the switch that says whether the entry may be chosen. */
  active?: { id: string; label: string; checked: boolean };
  busy: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label={label}>
      <FormFeedback errors={errors} saved={saved} />
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
      {active ? (
        <CheckboxField
          id={active.id}
          name="active"
          label={active.label}
          defaultChecked={active.checked}
        />
      ) : null}
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
