"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@tessera/ui";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { useTRPC } from "@/trpc/react";
import { OrganisationDetailsFields, organisationDetailIds } from "./organisation-details-fields";
import { useRefresh } from "./use-refresh";

const FIELD_IDS = organisationDetailIds("settings");

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
  const feedback = useFormFeedback(FIELD_IDS, refresh);
  const update = useMutation(
    trpc.organizations.update.mutationOptions({
      onSuccess(organisation) {
        feedback.save(
          rejected && organisation.status === "PENDING" ? t.settings.resubmitted : t.settings.saved,
        );
      },
      onError(error) {
        feedback.showError(error);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    feedback.start();
    update.mutate({
      organizationId,
      name: formText(form, "name"),
      registryId: formText(form, "registryId"),
      website: formText(form, "website"),
      contactName: formText(form, "contactName"),
      contactEmail: formText(form, "contactEmail"),
    });
  }

  return (
    <form noValidate onSubmit={submit} className="max-w-2xl space-y-5">
      <FormFeedback errors={feedback.errors} saved={feedback.saved} />
      <OrganisationDetailsFields
        ids={FIELD_IDS}
        errors={feedback.errors.fields}
        values={{ ...details, website: details.website ?? "" }}
      />
      <Button type="submit" busy={update.isPending}>
        {rejected ? t.settings.saveResubmit : t.common.save}
      </Button>
    </form>
  );
}
