"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button } from "@tessera/ui";
import { t } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { reloadAt } from "@/lib/navigate";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: ({ organizationId }) => reloadAt(routes.organisation(organizationId)),
      onError: (error) => setProblem(errorMessageFrom(error)),
    }),
  );
  return (
    <div className="space-y-3">
      {problem ? <Alert tone="danger" role="alert" title={problem} /> : null}
      <Button onClick={() => accept.mutate({ token })} busy={accept.isPending || accept.isSuccess}>
        {t.invitation.accept}
      </Button>
    </div>
  );
}
