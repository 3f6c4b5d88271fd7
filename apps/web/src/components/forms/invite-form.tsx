"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button, Select } from "@tessera/ui";
import { Field } from "@/components/field";
import { InputField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import type { MembershipRole } from "@tessera/db";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

const FIELD_IDS = { email: "invite-email", role: "invite-role" } as const;
const ROLES: MembershipRole[] = ["MEMBER", "ADMIN", "VIEWER", "BILLING", "OWNER"];

export function InviteForm({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const feedback = useFormFeedback(FIELD_IDS, refresh);
  const invite = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess(invitation) {
        feedback.save(t.members.invited(invitation.email));
      },
      onError(error) {
        feedback.showError(error);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    feedback.start();
    invite.mutate(
      {
        organizationId,
        email: formText(form, "email"),
        role: formText(form, "role", "MEMBER") as MembershipRole,
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  const f = feedback.errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={t.members.inviteTitle}>
      <FormFeedback errors={feedback.errors} saved={feedback.saved} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-start">
        <InputField
          id={FIELD_IDS.email}
          label={t.members.inviteEmail}
          error={f.email}
          name="email"
          type="email"
          autoComplete="off"
        />
        <Field id={FIELD_IDS.role} label={t.members.inviteRole} error={f.role}>
          <Select
            id={FIELD_IDS.role}
            name="role"
            defaultValue="MEMBER"
            invalid={!!f.role}
            aria-describedby="invite-role-help"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t.roles[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" busy={invite.isPending} className="sm:mt-7">
          {t.members.inviteSubmit}
        </Button>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold text-link">
          {t.members.rolesExplained}
        </summary>
        <dl id="invite-role-help" className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
          {ROLES.map((role) => (
            <div key={role} className="contents">
              <dt className="font-semibold">{t.roles[role]}</dt>
              <dd className="text-fg-muted">{t.roleHints[role]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </form>
  );
}
