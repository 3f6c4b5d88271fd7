"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { startTransition, useState } from "react";
import { Alert, Button, ConfirmDialog } from "@tessera/ui";
import { t } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
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
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const leave = useMutation(
    trpc.members.leave.mutationOptions({
      onSuccess: () =>
        startTransition(() => {
          router.push(routes.dashboard);
          router.refresh();
        }),
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
        busy={leave.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => leave.mutate({ organizationId })}
      >
        <p>{t.members.leaveBody(organisationName)}</p>
      </ConfirmDialog>
    </div>
  );
}
