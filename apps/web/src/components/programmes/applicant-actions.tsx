"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert, Button, buttonClassName, ConfirmDialog, describedBy, TextArea } from "@tessera/ui";
import { Field } from "@/components/field";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tp } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { formatMoney } from "./format";
import { programmeRoutes } from "./paths";
import type { ApplicationView } from "./types";

/**
 * What the applicant may do next: edit, submit (with what the programme and the organisation
 * would pay beside the button) and withdraw (asked once, with an optional reason).
 */
export function ApplicantActions({ application }: { application: ApplicationView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const d = tp.applications.detail;
  const [notice, setNotice] = useState<{ message: string; ok: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const ids = { organizationId: application.organizationId, applicationId: application.id };

  const submit = useMutation(
    trpc.applications.submit.mutationOptions({
      onSuccess: () => {
        setNotice({ message: d.submitted, ok: true });
        refresh();
      },
      onError: (error) => setNotice({ message: errorMessageFrom(error), ok: false }),
    }),
  );
  const withdraw = useMutation(
    trpc.applications.withdraw.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        setNotice({ message: d.withdrawn, ok: true });
        refresh();
      },
      onError: (error) => {
        setConfirming(false);
        setNotice({ message: errorMessageFrom(error), ok: false });
      },
    }),
  );

  const { actions } = application;
  const changes = application.status === "CHANGES_REQUESTED";
  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {notice ? (
          <Alert
            tone={notice.ok ? "success" : "danger"}
            role={notice.ok ? "status" : "alert"}
            title={notice.ok ? notice.message : t.common.errorSummaryTitle}
          >
            {notice.ok ? null : <p data-testid="action-error">{notice.message}</p>}
          </Alert>
        ) : null}
      </div>
      {!actions.edit && !actions.submit && !actions.withdraw ? (
        <p className="text-fg-muted">{d.noActions}</p>
      ) : null}
      {actions.submit ? (
        <div className="space-y-2">
          <p className="text-sm">
            {d.submitLead(
              formatMoney(application.requested.programmeShareMinor, application.currency),
              formatMoney(application.requested.tenantShareMinor, application.currency),
            )}
          </p>
          <Button
            onClick={() => {
              setNotice(null);
              submit.mutate(ids);
            }}
            busy={submit.isPending}
          >
            {changes ? d.resubmit : d.submit}
          </Button>
        </div>
      ) : null}
      {actions.edit ? (
        <Link
          href={programmeRoutes.editApplication(application.organizationId, application.id)}
          className={buttonClassName("secondary")}
        >
          {changes ? d.answerChanges : d.edit}
        </Link>
      ) : null}
      {actions.withdraw ? (
        <div className="border-t border-line pt-4">
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {d.withdraw}
          </Button>
          <ConfirmDialog
            open={confirming}
            title={d.withdrawTitle(application.title)}
            confirmLabel={d.withdrawConfirm}
            cancelLabel={t.common.cancel}
            busy={withdraw.isPending}
            onCancel={() => setConfirming(false)}
            onConfirm={() => withdraw.mutate({ ...ids, reason: reason.trim() || undefined })}
          >
            <p>{d.withdrawBody}</p>
            <div className="mt-3">
              <Field
                id="withdraw-reason"
                label={d.withdrawReason}
                hint={d.withdrawReasonHint}
                optional
              >
                <TextArea
                  id="withdraw-reason"
                  rows={3}
                  maxLength={2000}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  aria-describedby={describedBy("withdraw-reason", d.withdrawReasonHint)}
                />
              </Field>
            </div>
          </ConfirmDialog>
        </div>
      ) : null}
    </div>
  );
}
