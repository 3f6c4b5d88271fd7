"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
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
import type { FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

/** A titled section with a reason form: `${name}-heading` and `${name}-reason` are its ids. */
function ReasonSection({
  name,
  title,
  label,
  hint,
  submitLabel,
  busy,
  errors,
  onSubmit,
  children,
}: {
  name: string;
  title: string;
  label: string;
  hint: string;
  submitLabel: string;
  busy: boolean;
  errors: FormErrors;
  onSubmit: (reason: string) => void;
  children?: ReactNode;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(formText(new FormData(event.currentTarget), "reason"));
  }
  return (
    <section aria-labelledby={`${name}-heading`} className="space-y-2 border-t border-line pt-4">
      <h3 id={`${name}-heading`} className="font-semibold">
        {title}
      </h3>
      <form noValidate onSubmit={submit} className="space-y-3">
        <FormProblems errors={errors} />
        <TextAreaField
          id={`${name}-reason`}
          label={label}
          hint={hint}
          error={errors.fields.reason}
          name="reason"
          rows={3}
        />
        <Button type="submit" variant="danger" busy={busy}>
          {submitLabel}
        </Button>
      </form>
      {children}
    </section>
  );
}

/** As the server counts it; checked here so that a dialog never asks about a reason it will refuse. */
const REASON_MIN = 10;
const REASON_MAX = 1000;

function reasonChecks(reason: string, fieldId: string) {
  const checks = formChecks();
  const length = reason.trim().length;
  if (length < REASON_MIN || length > REASON_MAX) {
    checks.add("reason", t.admin.reasonLength(REASON_MIN, REASON_MAX), fieldId);
  }
  return checks.errors;
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
  const rejectFeedback = useFormFeedback({ reason: "reject-reason" });
  const suspendFeedback = useFormFeedback({ reason: "suspend-reason" });
  const [pendingSuspension, setPendingSuspension] = useState<string | null>(null);
  const [pendingRejection, setPendingRejection] = useState<string | null>(null);

  const verify = useMutation(
    trpc.admin.organizations.verify.mutationOptions({
      onSuccess: outcome.succeeded(t.admin.verified),
      onError: outcome.fail,
    }),
  );
  const reject = useMutation(
    trpc.admin.organizations.reject.mutationOptions({
      onSuccess: () => {
        setPendingRejection(null);
        outcome.succeed(t.admin.rejected);
      },
      onError: (error) => {
        setPendingRejection(null);
        rejectFeedback.showError(error);
      },
    }),
  );
  const suspend = useMutation(
    trpc.admin.organizations.suspend.mutationOptions({
      onSuccess: () => {
        setPendingSuspension(null);
        outcome.succeed(t.admin.suspended);
      },
      onError: (error) => {
        setPendingSuspension(null);
        suspendFeedback.showError(error);
      },
    }),
  );

  const canVerify = status === "PENDING" || status === "SUSPENDED";
  const canReject = status === "PENDING";
  const canSuspend = status === "VERIFIED";

  return (
    <div className="space-y-6">
      <ActionNotice notice={outcome.notice} />
      {!canVerify && !canReject && !canSuspend ? (
        <p className="text-fg-muted">{t.admin.noActions}</p>
      ) : null}
      {canVerify ? (
        <ActionWithConfirm
          label={status === "SUSPENDED" ? t.admin.reinstate : t.admin.verify}
          title={
            status === "SUSPENDED"
              ? th.confirm.reinstateTitle(organisationName)
              : th.confirm.verifyTitle(organisationName)
          }
          confirmLabel={status === "SUSPENDED" ? t.admin.reinstate : t.admin.verify}
          busy={verify.isPending}
          onConfirm={(close) => verify.mutate({ organizationId }, { onSettled: close })}
        >
          <p>{status === "SUSPENDED" ? th.confirm.reinstateBody : th.confirm.verifyBody}</p>
        </ActionWithConfirm>
      ) : null}
      {canReject ? (
        <ReasonSection
          name="reject"
          title={t.admin.rejectTitle}
          label={t.admin.rejectReason}
          hint={t.admin.rejectReasonHint}
          submitLabel={t.admin.rejectSubmit}
          busy={reject.isPending}
          errors={rejectFeedback.errors}
          onSubmit={(reason) => {
            if (rejectFeedback.start(reasonChecks(reason, "reject-reason")))
              setPendingRejection(reason);
          }}
        >
          <ConfirmDialog
            open={pendingRejection !== null}
            title={th.confirm.rejectTitle(organisationName)}
            confirmLabel={t.admin.rejectSubmit}
            cancelLabel={t.common.cancel}
            busy={reject.isPending}
            onCancel={() => setPendingRejection(null)}
            onConfirm={() =>
              pendingRejection !== null &&
              reject.mutate({ organizationId, reason: pendingRejection })
            }
          >
            <p>{th.confirm.rejectBody}</p>
          </ConfirmDialog>
        </ReasonSection>
      ) : null}
      {canSuspend ? (
        <ReasonSection
          name="suspend"
          title={t.admin.suspendTitle}
          label={t.admin.suspendReason}
          hint={t.admin.suspendReasonHint}
          submitLabel={t.admin.suspendSubmit}
          busy={suspend.isPending}
          errors={suspendFeedback.errors}
          onSubmit={(reason) => {
            if (suspendFeedback.start(reasonChecks(reason, "suspend-reason")))
              setPendingSuspension(reason);
          }}
        >
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
        </ReasonSection>
      ) : null}
    </div>
  );
}
