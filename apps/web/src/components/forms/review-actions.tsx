"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, ConfirmDialog, describedBy, ErrorSummary, TextArea } from "@tessera/ui";
import { Field } from "@/components/field";
import type { VerificationStatus } from "@tessera/db";
import { t } from "@/i18n";
import { formText } from "@/lib/form-data";
import { errorMessageFrom, formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

function ReasonForm({
  id,
  label,
  hint,
  submitLabel,
  busy,
  errors,
  onSubmit,
}: {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  busy: boolean;
  errors: FormErrors;
  onSubmit: (reason: string) => void;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(formText(new FormData(event.currentTarget), "reason"));
  }
  const error = errors.fields.reason;
  return (
    <form noValidate onSubmit={submit} className="space-y-3">
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <Field id={id} label={label} hint={hint} error={error}>
        <TextArea
          id={id}
          name="reason"
          rows={3}
          invalid={!!error}
          aria-describedby={describedBy(id, hint, error)}
        />
      </Field>
      <Button type="submit" variant="danger" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** Verify, reject with a reason, or suspend with a reason — whichever the status allows. */
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
  const [notice, setNotice] = useState<{ message: string; ok: boolean } | null>(null);
  const [rejectErrors, setRejectErrors] = useState<FormErrors>(NO_ERRORS);
  const [suspendErrors, setSuspendErrors] = useState<FormErrors>(NO_ERRORS);
  const [pendingSuspension, setPendingSuspension] = useState<string | null>(null);

  const succeeded = (message: string) => () => {
    setNotice({ message, ok: true });
    refresh();
  };
  const verify = useMutation(
    trpc.admin.organizations.verify.mutationOptions({
      onSuccess: succeeded(t.admin.verified),
      onError: (error) => setNotice({ message: errorMessageFrom(error), ok: false }),
    }),
  );
  const reject = useMutation(
    trpc.admin.organizations.reject.mutationOptions({
      onSuccess: succeeded(t.admin.rejected),
      onError: (error) => setRejectErrors(formErrorsFrom(error, { reason: "reject-reason" })),
    }),
  );
  const suspend = useMutation(
    trpc.admin.organizations.suspend.mutationOptions({
      onSuccess: () => {
        setPendingSuspension(null);
        succeeded(t.admin.suspended)();
      },
      onError: (error) => {
        setPendingSuspension(null);
        setSuspendErrors(formErrorsFrom(error, { reason: "suspend-reason" }));
      },
    }),
  );

  const canVerify = status === "PENDING" || status === "SUSPENDED";
  const canReject = status === "PENDING";
  const canSuspend = status === "VERIFIED";

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        {notice ? (
          <Alert
            tone={notice.ok ? "success" : "danger"}
            role={notice.ok ? "status" : "alert"}
            title={notice.message}
          />
        ) : null}
      </div>
      {!canVerify && !canReject && !canSuspend ? (
        <p className="text-fg-muted">{t.admin.noActions}</p>
      ) : null}
      {canVerify ? (
        <Button onClick={() => verify.mutate({ organizationId })} busy={verify.isPending}>
          {status === "SUSPENDED" ? t.admin.reinstate : t.admin.verify}
        </Button>
      ) : null}
      {canReject ? (
        <section aria-labelledby="reject-heading" className="space-y-2 border-t border-line pt-4">
          <h3 id="reject-heading" className="font-semibold">
            {t.admin.rejectTitle}
          </h3>
          <ReasonForm
            id="reject-reason"
            label={t.admin.rejectReason}
            hint={t.admin.rejectReasonHint}
            submitLabel={t.admin.rejectSubmit}
            busy={reject.isPending}
            errors={rejectErrors}
            onSubmit={(reason) => {
              setRejectErrors(NO_ERRORS);
              reject.mutate({ organizationId, reason });
            }}
          />
        </section>
      ) : null}
      {canSuspend ? (
        <section aria-labelledby="suspend-heading" className="space-y-2 border-t border-line pt-4">
          <h3 id="suspend-heading" className="font-semibold">
            {t.admin.suspendTitle}
          </h3>
          <ReasonForm
            id="suspend-reason"
            label={t.admin.suspendReason}
            hint={t.admin.suspendReasonHint}
            submitLabel={t.admin.suspendSubmit}
            busy={suspend.isPending}
            errors={suspendErrors}
            onSubmit={(reason) => {
              setSuspendErrors(NO_ERRORS);
              setPendingSuspension(reason);
            }}
          />
          <ConfirmDialog
            open={pendingSuspension !== null}
            title={t.admin.suspendConfirmTitle(organisationName)}
            confirmLabel={t.admin.suspendSubmit}
            cancelLabel={t.common.cancel}
            busy={suspend.isPending}
            onCancel={() => setPendingSuspension(null)}
            onConfirm={() =>
              pendingSuspension !== null &&
              suspend.mutate({ organizationId, reason: pendingSuspension })
            }
          >
            <p>{t.admin.suspendConfirmBody}</p>
          </ConfirmDialog>
        </section>
      ) : null}
    </div>
  );
}
