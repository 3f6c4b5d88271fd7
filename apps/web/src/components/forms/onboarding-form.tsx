"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@tessera/ui";
import { SelectField } from "@/components/form/fields";
import { FormProblems } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { reloadAt } from "@/lib/navigate";
import { routes } from "@/lib/paths";
import type { OrganizationKind } from "@tessera/db";
import { useTRPC } from "@/trpc/react";
import { OrganisationDetailsFields, organisationDetailIds } from "./organisation-details-fields";

const DETAIL_IDS = organisationDetailIds("org");
const FIELD_IDS = { ...DETAIL_IDS, kind: "org-kind", country: "org-country" };

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
  const feedback = useFormFeedback(FIELD_IDS);
  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess(organization) {
        reloadAt(routes.organisation(organization.id));
      },
      onError(error, input) {
        feedback.showError(error, emptyFieldMessages(input));
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    feedback.start();
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

  const f = feedback.errors.fields;
  return (
    <form noValidate onSubmit={submit} className="max-w-2xl space-y-5">
      <FormProblems errors={feedback.errors} />
      <OrganisationDetailsFields
        ids={DETAIL_IDS}
        errors={f}
        values={{ contactName: defaultContact.name, contactEmail: defaultContact.email }}
        signUp
        afterName={
          <>
            <SelectField
              id={FIELD_IDS.kind}
              label={t.onboarding.kind}
              error={f.kind}
              name="kind"
              defaultValue=""
            >
              <option value="" disabled>
                {t.onboarding.kindPlaceholder}
              </option>
              {kinds.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={FIELD_IDS.country}
              label={t.onboarding.country}
              error={f.country}
              name="country"
              defaultValue=""
              autoComplete="country"
            >
              <option value="" disabled>
                {t.onboarding.countryPlaceholder}
              </option>
              {countries.map((country) => (
                <option key={country.value} value={country.value}>
                  {country.label}
                </option>
              ))}
            </SelectField>
          </>
        }
      />
      <p className="text-sm text-fg-muted">{t.onboarding.afterwards}</p>
      <Button type="submit" busy={create.isPending || create.isSuccess}>
        {t.onboarding.submit}
      </Button>
    </form>
  );
}
