"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClassName } from "@tessera/ui";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { TextAreaField } from "@/components/form/fields";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tp } from "@/i18n";
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
  const outcome = useNotice(refresh);
  const [reason, setReason] = useState("");
  const ids = { organizationId: application.organizationId, applicationId: application.id };

  const submit = useMutation(
    trpc.applications.submit.mutationOptions({
      onSuccess: outcome.succeeded(d.submitted),
      onError: outcome.fail,
    }),
  );
  const withdraw = useMutation(
    trpc.applications.withdraw.mutationOptions({
      onSuccess: outcome.succeeded(d.withdrawn),
      onError: outcome.fail,
    }),
  );

  const { actions } = application;
  const changes = application.status === "CHANGES_REQUESTED";
  return (
    <div className="space-y-4">
      <ActionNotice
        notice={outcome.notice}
        errorTitle={t.common.errorSummaryTitle}
        errorTestId="action-error"
      />
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
              outcome.clear();
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
          <ActionWithConfirm
            label={d.withdraw}
            button={{ variant: "danger" }}
            title={d.withdrawTitle(application.title)}
            confirmLabel={d.withdrawConfirm}
            busy={withdraw.isPending}
            onConfirm={(close) =>
              withdraw.mutate({ ...ids, reason: reason.trim() || undefined }, { onSettled: close })
            }
          >
            <p>{d.withdrawBody}</p>
            <div className="mt-3">
              <TextAreaField
                id="withdraw-reason"
                label={d.withdrawReason}
                hint={d.withdrawReasonHint}
                optional
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
          </ActionWithConfirm>
        </div>
      ) : null}
    </div>
  );
}
