"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button, ConfirmDialog } from "@tessera/ui";
import { t } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { reloadAt } from "@/lib/navigate";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";

export function LeaveOrganisation({
  organizationId,
  organisationName,
}: {
  organizationId: string;
  organisationName: string;
}) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const leave = useMutation(
    trpc.members.leave.mutationOptions({
      onSuccess: () => reloadAt(routes.dashboard),
      onError: (error) => {
        setConfirming(false);
        setProblem(errorMessageFrom(error));
      },
    }),
  );

  return (
    <div className="space-y-3">
      <p className="text-fg-muted">{t.members.leaveBody(organisationName)}</p>
      {problem ? <Alert tone="danger" role="alert" title={problem} /> : null}
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t.members.leaveButton}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t.members.leaveConfirmTitle(organisationName)}
        confirmLabel={t.members.leaveConfirm}
        cancelLabel={t.common.cancel}
        busy={leave.isPending || leave.isSuccess}
        onCancel={() => setConfirming(false)}
        onConfirm={() => leave.mutate({ organizationId })}
      >
        <p>{t.members.leaveBody(organisationName)}</p>
      </ConfirmDialog>
    </div>
  );
}
