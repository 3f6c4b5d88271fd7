"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  ConfirmDialog,
  describedBy,
  ErrorSummary,
  TextInput,
  type FieldProblem,
} from "@tessera/ui";
import { Field } from "@/components/field";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { errorMessageFrom, formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { parseDateTimeInput } from "./format";

/** Closes an open call now (asked once). */
export function CloseCallButton({ callId, name }: { callId: string; name: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const d = tp.dashboard;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = useMutation(
    trpc.programmes.admin.updateCall.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        refresh();
      },
      onError: (failure) => {
        setOpen(false);
        setError(errorMessageFrom(failure));
      },
    }),
  );
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        {d.closeNow}
        <span className="sr-only">: {name}</span>
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title={d.closeTitle(name)}
        confirmLabel={d.closeConfirm}
        cancelLabel={t.common.cancel}
        busy={close.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => close.mutate({ callId, closesAt: new Date() })}
      >
        <p>{d.closeBody}</p>
      </ConfirmDialog>
    </>
  );
}

const IDS = { name: "call-name", opensAt: "call-opens", closesAt: "call-closes" } as const;

/** Adds a call (name, opening and closing time in UTC) to a programme. */
export function AddCallForm({ programmeId }: { programmeId: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const d = tp.dashboard;
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(
    trpc.programmes.admin.addCall.mutationOptions({
      onError: (error) => setErrors(formErrorsFrom(error, IDS)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const name = formText(form, "name").trim();
    const opensAt = parseDateTimeInput(formText(form, "opensAt"));
    const closesAt = parseDateTimeInput(formText(form, "closesAt"));
    const fields: Record<string, string> = {};
    const problems: FieldProblem[] = [];
    const problem = (key: keyof typeof IDS, message: string) => {
      fields[key] = message;
      problems.push({ fieldId: IDS[key], message });
    };
    if (name.length < 2) problem("name", d.callNameRequired);
    if (!opensAt) problem("opensAt", d.callOpensRequired);
    if (!closesAt || (opensAt && closesAt <= opensAt)) problem("closesAt", d.callClosesRequired);
    setAdded(null);
    if (problems.length) {
      setErrors({ fields, problems });
      return;
    }
    setErrors(NO_ERRORS);
    add.mutate(
      { programmeId, name, opensAt: opensAt!, closesAt: closesAt! },
      {
        onSuccess: () => {
          setAdded(name);
          element.reset();
          refresh();
        },
      },
    );
  }

  const e = errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={d.addCall}>
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <div aria-live="polite">
        {added ? <Alert tone="success" role="status" title={d.callAdded(added)} /> : null}
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        <Field id={IDS.name} label={d.callNameLabel} error={e.name}>
          <TextInput
            id={IDS.name}
            name="name"
            invalid={!!e.name}
            aria-describedby={describedBy(IDS.name, undefined, e.name)}
          />
        </Field>
        <Field id={IDS.opensAt} label={d.opensLabel} error={e.opensAt}>
          <TextInput
            id={IDS.opensAt}
            name="opensAt"
            type="datetime-local"
            invalid={!!e.opensAt}
            aria-describedby={describedBy(IDS.opensAt, undefined, e.opensAt)}
          />
        </Field>
        <Field id={IDS.closesAt} label={d.closesLabel} error={e.closesAt}>
          <TextInput
            id={IDS.closesAt}
            name="closesAt"
            type="datetime-local"
            invalid={!!e.closesAt}
            aria-describedby={describedBy(IDS.closesAt, undefined, e.closesAt)}
          />
        </Field>
      </div>
      <Button type="submit" variant="secondary" busy={add.isPending}>
        {d.addCallSubmit}
      </Button>
    </form>
  );
}
