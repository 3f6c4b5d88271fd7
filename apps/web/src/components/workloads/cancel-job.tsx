"use client";

import { useMutation } from "@tanstack/react-query";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { t, tw } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { formatQuota } from "./format";
import type { WorkloadDetail } from "./types";

/**
 * Cancels the job after asking once, naming what is lost (unsaved work) and what comes back
 * (the quota it has not used). The page follows the job to CANCELLED by itself.
 */
export function CancelJob({
  organizationId,
  job,
  onCancelled,
}: {
  organizationId: string;
  job: WorkloadDetail;
  onCancelled: () => void;
}) {
  const trpc = useTRPC();
  const c = tw.detail.cancel;
  const outcome = useNotice(onCancelled);
  const cancel = useMutation(
    trpc.workloads.cancel.mutationOptions({
      onSuccess: outcome.succeeded(c.requested),
      onError: outcome.fail,
    }),
  );
  const running = job.status === "RUNNING";
  return (
    <div className="space-y-3">
      {/* Once the job has ended, "cancellation requested" is history: the status says the rest. */}
      <ActionNotice
        notice={job.terminal && outcome.notice?.ok ? null : outcome.notice}
        errorTitle={t.common.errorSummaryTitle}
      />
      {job.cancellable ? (
        <ActionWithConfirm
          label={c.button}
          button={{ variant: "danger" }}
          title={c.title(job.name)}
          confirmLabel={c.confirm}
          cancelLabel={c.keep}
          busy={cancel.isPending}
          onConfirm={(close) => {
            outcome.clear();
            cancel.mutate({ organizationId, workloadId: job.id }, { onSettled: close });
          }}
        >
          <p>{running ? c.bodyRunning : c.bodyWaiting}</p>
          <p className="mt-2">
            {c.quota(formatQuota(job.heldUnitSeconds, job.resourceClass.unit))}
          </p>
        </ActionWithConfirm>
      ) : null}
    </div>
  );
}
