"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@tessera/ui";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { TextAreaField } from "@/components/form/fields";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tw } from "@/i18n";
import { useTRPC } from "@/trpc/react";

/**
 * An operator's answers to a dead letter: re-drive it (a fresh queue job with the same payload)
 * or dismiss it with a reason that goes into the audit log.
 */
export function DeadLetterActions({
  deadLetterId,
  label,
}: {
  deadLetterId: string;
  label: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const a = tw.operations.deadLetters;
  const outcome = useNotice(refresh);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonId = `dismiss-reason-${deadLetterId}`;

  const redrive = useMutation(
    trpc.operations.redrive.mutationOptions({
      onSuccess: outcome.succeeded(a.redriven),
      onError: outcome.fail,
    }),
  );
  const dismiss = useMutation(
    trpc.operations.dismiss.mutationOptions({
      onSuccess: outcome.succeeded(a.dismissed),
      onError: outcome.fail,
    }),
  );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          busy={redrive.isPending}
          aria-label={a.redriveLabel(label)}
          onClick={() => {
            outcome.clear();
            redrive.mutate({ deadLetterId });
          }}
        >
          {a.redrive}
        </Button>
        <ActionWithConfirm
          label={a.dismiss}
          button={{ size: "sm", variant: "ghost", "aria-label": a.dismissLabel(label) }}
          title={a.dismissTitle(label)}
          confirmLabel={a.dismissConfirm}
          busy={dismiss.isPending}
          onOpen={() => {
            outcome.clear();
            setReasonError(undefined);
          }}
          onConfirm={(close) => {
            if (reason.trim().length < 3) {
              setReasonError(a.reasonRequired);
              return;
            }
            dismiss.mutate({ deadLetterId, reason: reason.trim() }, { onSettled: close });
          }}
        >
          <p>{a.dismissBody}</p>
          <div className="mt-3">
            <TextAreaField
              id={reasonId}
              label={a.reason}
              hint={a.reasonHint}
              error={reasonError}
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        </ActionWithConfirm>
      </div>
      <ActionNotice notice={outcome.notice} errorTitle={t.common.errorSummaryTitle} />
    </div>
  );
}
