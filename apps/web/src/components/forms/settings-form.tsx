"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, describedBy, ErrorSummary, TextInput } from "@tessera/ui";
import { Field } from "@/components/field";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

const FIELD_IDS = {
  name: "settings-name",
  registryId: "settings-registry-id",
  website: "settings-website",
  contactName: "settings-contact-name",
  contactEmail: "settings-contact-email",
} as const;

export interface EditableDetails {
  name: string;
  registryId: string;
  website: string | null;
  contactName: string;
  contactEmail: string;
}

export function SettingsForm({
  organizationId,
  details,
  rejected,
}: {
  organizationId: string;
  details: EditableDetails;
  rejected: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation(
    trpc.organizations.update.mutationOptions({
      onSuccess(organisation) {
        setSaved(
          rejected && organisation.status === "PENDING" ? t.settings.resubmitted : t.settings.saved,
        );
        refresh();
      },
      onError(error) {
        setErrors(formErrorsFrom(error, FIELD_IDS));
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors(NO_ERRORS);
    setSaved(null);
    update.mutate({
      organizationId,
      name: formText(form, "name"),
      registryId: formText(form, "registryId"),
      website: formText(form, "website"),
      contactName: formText(form, "contactName"),
      contactEmail: formText(form, "contactEmail"),
    });
  }

  const f = errors.fields;
  return (
    <form noValidate onSubmit={submit} className="max-w-2xl space-y-5">
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <div aria-live="polite">
        {saved ? <Alert tone="success" role="status" title={saved} /> : null}
      </div>
      <Field id={FIELD_IDS.name} label={t.onboarding.name} error={f.name}>
        <TextInput
          id={FIELD_IDS.name}
          name="name"
          defaultValue={details.name}
          invalid={!!f.name}
          aria-describedby={describedBy(FIELD_IDS.name, undefined, f.name)}
        />
      </Field>
      <Field
        id={FIELD_IDS.registryId}
        label={t.onboarding.registryId}
        hint={t.onboarding.registryIdHint}
        error={f.registryId}
      >
        <TextInput
          id={FIELD_IDS.registryId}
          name="registryId"
          defaultValue={details.registryId}
          invalid={!!f.registryId}
          aria-describedby={describedBy(
            FIELD_IDS.registryId,
            t.onboarding.registryIdHint,
            f.registryId,
          )}
        />
      </Field>
      <Field
        id={FIELD_IDS.website}
        label={t.onboarding.website}
        hint={t.onboarding.websiteHint}
        error={f.website}
        optional
      >
        <TextInput
          id={FIELD_IDS.website}
          name="website"
          type="url"
          defaultValue={details.website ?? ""}
          invalid={!!f.website}
          aria-describedby={describedBy(FIELD_IDS.website, t.onboarding.websiteHint, f.website)}
        />
      </Field>
      <Field id={FIELD_IDS.contactName} label={t.onboarding.contactName} error={f.contactName}>
        <TextInput
          id={FIELD_IDS.contactName}
          name="contactName"
          defaultValue={details.contactName}
          invalid={!!f.contactName}
          aria-describedby={describedBy(FIELD_IDS.contactName, undefined, f.contactName)}
        />
      </Field>
      <Field id={FIELD_IDS.contactEmail} label={t.onboarding.contactEmail} error={f.contactEmail}>
        <TextInput
          id={FIELD_IDS.contactEmail}
          name="contactEmail"
          type="email"
          defaultValue={details.contactEmail}
          invalid={!!f.contactEmail}
          aria-describedby={describedBy(FIELD_IDS.contactEmail, undefined, f.contactEmail)}
        />
      </Field>
      <Button type="submit" busy={update.isPending}>
        {rejected ? t.settings.saveResubmit : t.common.save}
      </Button>
    </form>
  );
}
