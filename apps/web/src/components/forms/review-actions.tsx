"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, ConfirmDialog } from "@tessera/ui";
import type { VerificationStatus } from "@tessera/db";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { TextAreaField } from "@/components/form/fields";
import { FormProblems } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { t, th } from "@/i18n";
import { formChecks } from "@/lib/form-checks";
import { formText } from "@/lib/form-data";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

/** As the server counts it; checked here so that a dialog never asks about a reason it will refuse. */
const REASON_MIN = 10;
const REASON_MAX = 1000;

/** The mutation a reason section drives (reject or suspend). */
interface ReasonMutation {
  isPending: boolean;
  mutate: (
    input: { organizationId: string; reason: string },
    options: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => void;
}

/**
 * A titled section with a reason form (`${name}-heading` and `${name}-reason` are its ids). The
 * reason is checked, then the decision asks once in a dialog that says what it does.
 */
function ReasonSection({
  name,
  organizationId,
  title,
  label,
  hint,
  submitLabel,
  confirmTitle,
  confirmBody,
  mutation,
  onDone,
}: {
  name: string;
  organizationId: string;
  title: string;
  label: string;
  hint: string;
  submitLabel: string;
  confirmTitle: string;
  confirmBody: string;
  mutation: ReasonMutation;
  onDone: () => void;
}) {
  const feedback = useFormFeedback({ reason: `${name}-reason` });
  const [pending, setPending] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget), "reason");
    const checks = formChecks();
    const length = reason.trim().length;
    if (length < REASON_MIN || length > REASON_MAX) {
      checks.add("reason", t.admin.reasonLength(REASON_MIN, REASON_MAX), `${name}-reason`);
    }
    if (feedback.start(checks.errors)) setPending(reason);
  }

  return (
    <section aria-labelledby={`${name}-heading`} className="space-y-2 border-t border-line pt-4">
      <h3 id={`${name}-heading`} className="font-semibold">
        {title}
      </h3>
      <form noValidate onSubmit={submit} className="space-y-3">
        <FormProblems errors={feedback.errors} />
        <TextAreaField
          id={`${name}-reason`}
          label={label}
          hint={hint}
          error={feedback.errors.fields.reason}
          name="reason"
          rows={3}
        />
        <Button type="submit" variant="danger" busy={mutation.isPending}>
          {submitLabel}
        </Button>
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={confirmTitle}
        confirmLabel={submitLabel}
        cancelLabel={t.common.cancel}
        busy={mutation.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() =>
          pending !== null &&
          mutation.mutate(
            { organizationId, reason: pending },
            {
              onSuccess: () => {
                setPending(null);
                onDone();
              },
              onError: (error) => {
                setPending(null);
                feedback.showError(error);
              },
            },
          )
        }
      >
        <p>{confirmBody}</p>
      </ConfirmDialog>
    </section>
  );
}

/**
 * Verify, reject with a reason, or suspend with a reason — whichever the status allows. Each asks
 * once, in a dialog that says what the decision does.
 */
export function ReviewActions({
  organizationId,
  organisationName,
  status,
}: {
  organizationId: string;
  organisationName: string;
  status: VerificationStatus;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const outcome = useNotice(refresh);

  const verify = useMutation(
    trpc.admin.organizations.verify.mutationOptions({
      onSuccess: outcome.succeeded(t.admin.verified),
      onError: outcome.fail,
    }),
  );
  const reject = useMutation(trpc.admin.organizations.reject.mutationOptions());
  const suspend = useMutation(trpc.admin.organizations.suspend.mutationOptions());

  const canVerify = status === "PENDING" || status === "SUSPENDED";
  const canReject = status === "PENDING";
  const canSuspend = status === "VERIFIED";
  const reinstating = status === "SUSPENDED";

  return (
    <div className="space-y-6">
      <ActionNotice notice={outcome.notice} />
      {!canVerify && !canReject && !canSuspend ? (
        <p className="text-fg-muted">{t.admin.noActions}</p>
      ) : null}
      {canVerify ? (
        <ActionWithConfirm
          label={reinstating ? t.admin.reinstate : t.admin.verify}
          title={
            reinstating
              ? th.confirm.reinstateTitle(organisationName)
              : th.confirm.verifyTitle(organisationName)
          }
          confirmLabel={reinstating ? t.admin.reinstate : t.admin.verify}
          busy={verify.isPending}
          onConfirm={(close) => verify.mutate({ organizationId }, { onSettled: close })}
        >
          <p>{reinstating ? th.confirm.reinstateBody : th.confirm.verifyBody}</p>
        </ActionWithConfirm>
      ) : null}
      {canReject ? (
        <ReasonSection
          name="reject"
          organizationId={organizationId}
          title={t.admin.rejectTitle}
          label={t.admin.rejectReason}
          hint={t.admin.rejectReasonHint}
          submitLabel={t.admin.rejectSubmit}
          confirmTitle={th.confirm.rejectTitle(organisationName)}
          confirmBody={th.confirm.rejectBody}
          mutation={reject}
          onDone={() => outcome.succeed(t.admin.rejected)}
        />
      ) : null}
      {canSuspend ? (
        <ReasonSection
          name="suspend"
          organizationId={organizationId}
          title={t.admin.suspendTitle}
          label={t.admin.suspendReason}
          hint={t.admin.suspendReasonHint}
          submitLabel={t.admin.suspendSubmit}
          confirmTitle={t.admin.suspendConfirmTitle(organisationName)}
          confirmBody={t.admin.suspendConfirmBody}
          mutation={suspend}
          onDone={() => outcome.succeed(t.admin.suspended)}
        />
      ) : null}
    </div>
  );
}
