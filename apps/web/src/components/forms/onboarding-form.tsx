"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, describedBy, ErrorSummary, Select, TextInput } from "@tessera/ui";
import { Field } from "@/components/field";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { reloadAt } from "@/lib/navigate";
import { routes } from "@/lib/paths";
import type { OrganizationKind } from "@tessera/db";
import { useTRPC } from "@/trpc/react";

const FIELD_IDS = {
  name: "org-name",
  kind: "org-kind",
  country: "org-country",
  registryId: "org-registry-id",
  website: "org-website",
  contactName: "org-contact-name",
  contactEmail: "org-contact-email",
} as const;

export interface Option {
  value: string;
  label: string;
}

/** Our own wording for the fields left empty; other problems keep the server's message. */
function emptyFieldMessages(input: Record<string, unknown>): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const message = t.onboarding.required[name];
    if (message && typeof value === "string" && value.trim() === "") messages[name] = message;
  }
  return messages;
}

export function OnboardingForm({
  kinds,
  countries,
  defaultContact,
}: {
  kinds: Option[];
  countries: Option[];
  defaultContact: { name: string; email: string };
}) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess(organization) {
        reloadAt(routes.organisation(organization.id));
      },
      onError(error, input) {
        setErrors(formErrorsFrom(error, FIELD_IDS, emptyFieldMessages(input)));
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors(NO_ERRORS);
    create.mutate({
      name: formText(form, "name"),
      // An empty choice is sent as it is: the server answers with the field error.
      kind: formText(form, "kind") as OrganizationKind,
      country: formText(form, "country"),
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
      <Field
        id={FIELD_IDS.name}
        label={t.onboarding.name}
        hint={t.onboarding.nameHint}
        error={f.name}
      >
        <TextInput
          id={FIELD_IDS.name}
          name="name"
          autoComplete="organization"
          invalid={!!f.name}
          aria-describedby={describedBy(FIELD_IDS.name, t.onboarding.nameHint, f.name)}
        />
      </Field>
      <Field id={FIELD_IDS.kind} label={t.onboarding.kind} error={f.kind}>
        <Select
          id={FIELD_IDS.kind}
          name="kind"
          defaultValue=""
          invalid={!!f.kind}
          aria-describedby={describedBy(FIELD_IDS.kind, undefined, f.kind)}
        >
          <option value="" disabled>
            {t.onboarding.kindPlaceholder}
          </option>
          {kinds.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={FIELD_IDS.country} label={t.onboarding.country} error={f.country}>
        <Select
          id={FIELD_IDS.country}
          name="country"
          defaultValue=""
          autoComplete="country"
          invalid={!!f.country}
          aria-describedby={describedBy(FIELD_IDS.country, undefined, f.country)}
        >
          <option value="" disabled>
            {t.onboarding.countryPlaceholder}
          </option>
          {countries.map((country) => (
            <option key={country.value} value={country.value}>
              {country.label}
            </option>
          ))}
        </Select>
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
          inputMode="url"
          autoComplete="url"
          invalid={!!f.website}
          aria-describedby={describedBy(FIELD_IDS.website, t.onboarding.websiteHint, f.website)}
        />
      </Field>
      <Field
        id={FIELD_IDS.contactName}
        label={t.onboarding.contactName}
        hint={t.onboarding.contactNameHint}
        error={f.contactName}
      >
        <TextInput
          id={FIELD_IDS.contactName}
          name="contactName"
          autoComplete="name"
          defaultValue={defaultContact.name}
          invalid={!!f.contactName}
          aria-describedby={describedBy(
            FIELD_IDS.contactName,
            t.onboarding.contactNameHint,
            f.contactName,
          )}
        />
      </Field>
      <Field id={FIELD_IDS.contactEmail} label={t.onboarding.contactEmail} error={f.contactEmail}>
        <TextInput
          id={FIELD_IDS.contactEmail}
          name="contactEmail"
          type="email"
          autoComplete="email"
          defaultValue={defaultContact.email}
          invalid={!!f.contactEmail}
          aria-describedby={describedBy(FIELD_IDS.contactEmail, undefined, f.contactEmail)}
        />
      </Field>
      <p className="text-sm text-fg-muted">{t.onboarding.afterwards}</p>
      <Button type="submit" busy={create.isPending || create.isSuccess}>
        {t.onboarding.submit}
      </Button>
    </form>
  );
}
