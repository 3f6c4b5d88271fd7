"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@tessera/ui";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { InputField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { parseDateTimeInput } from "./format";

/** Closes an open call now (asked once). */
export function CloseCallButton({ callId, name }: { callId: string; name: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const d = tp.dashboard;
  const [error, setError] = useState<string | null>(null);
  const close = useMutation(
    trpc.programmes.admin.updateCall.mutationOptions({
      onSuccess: refresh,
      onError: (failure) => setError(errorMessageFrom(failure)),
    }),
  );
  return (
    <ActionWithConfirm
      label={
        <>
          {d.closeNow}
          <span className="sr-only">: {name}</span>
        </>
      }
      button={{ variant: "secondary", size: "sm" }}
      title={d.closeTitle(name)}
      confirmLabel={d.closeConfirm}
      busy={close.isPending}
      error={error}
      onConfirm={(done) => close.mutate({ callId, closesAt: new Date() }, { onSettled: done })}
    >
      <p>{d.closeBody}</p>
    </ActionWithConfirm>
  );
}

const IDS = { name: "call-name", opensAt: "call-opens", closesAt: "call-closes" } as const;

/** Adds a call (name, opening and closing time in UTC) to a programme. */
export function AddCallForm({ programmeId }: { programmeId: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const d = tp.dashboard;
  const feedback = useFormFeedback(IDS, refresh);
  const add = useMutation(
    trpc.programmes.admin.addCall.mutationOptions({
      onError: (error) => feedback.showError(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const name = formText(form, "name").trim();
    const opensAt = parseDateTimeInput(formText(form, "opensAt"));
    const closesAt = parseDateTimeInput(formText(form, "closesAt"));
    const checks = formChecks(IDS);
    if (name.length < 2) checks.add("name", d.callNameRequired);
    if (!opensAt) checks.add("opensAt", d.callOpensRequired);
    if (!closesAt || (opensAt && closesAt <= opensAt)) checks.add("closesAt", d.callClosesRequired);
    if (!feedback.start(checks.errors)) return;
    add.mutate(
      { programmeId, name, opensAt: opensAt!, closesAt: closesAt! },
      {
        onSuccess: () => {
          feedback.save(d.callAdded(name));
          element.reset();
        },
      },
    );
  }

  const e = feedback.errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={d.addCall}>
      <FormFeedback errors={feedback.errors} saved={feedback.saved} />
      <div className="grid gap-3 md:grid-cols-3">
        <InputField id={IDS.name} label={d.callNameLabel} error={e.name} name="name" />
        <InputField
          id={IDS.opensAt}
          label={d.opensLabel}
          error={e.opensAt}
          name="opensAt"
          type="datetime-local"
        />
        <InputField
          id={IDS.closesAt}
          label={d.closesLabel}
          error={e.closesAt}
          name="closesAt"
          type="datetime-local"
        />
      </div>
      <Button type="submit" variant="secondary" busy={add.isPending}>
        {d.addCallSubmit}
      </Button>
    </form>
  );
}
