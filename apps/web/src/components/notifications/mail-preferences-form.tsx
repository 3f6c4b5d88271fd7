"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@tessera/ui";
import type { NotificationKind } from "@tessera/db";
import { CheckboxField, QuestionFieldset } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { th } from "@/i18n";
import { useTRPC } from "@/trpc/react";

/** One checkbox per kind of notification: checked means it also comes by mail. */
export function MailPreferencesForm({
  initial,
}: {
  initial: { kind: NotificationKind; mail: boolean }[];
}) {
  const trpc = useTRPC();
  const p = th.preferences;
  const feedback = useFormFeedback({});
  const save = useMutation(
    trpc.notifications.setPreferences.mutationOptions({
      onSuccess: () => feedback.save(p.saved),
      onError: (error) => feedback.showError(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.start();
    const form = new FormData(event.currentTarget);
    save.mutate({
      preferences: initial.map(({ kind }) => ({ kind, mail: form.get(kind) === "on" })),
    });
  }

  return (
    <form noValidate onSubmit={submit} className="max-w-2xl space-y-4">
      <FormFeedback errors={feedback.errors} saved={feedback.saved} />
      <QuestionFieldset id="mail-preferences" legend={p.legend}>
        {initial.map(({ kind, mail }) => (
          <CheckboxField
            key={kind}
            id={`mail-${kind}`}
            name={kind}
            label={p.kinds[kind]}
            defaultChecked={mail}
          />
        ))}
      </QuestionFieldset>
      <Button type="submit" busy={save.isPending}>
        {p.save}
      </Button>
    </form>
  );
}
