"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { startTransition, useState } from "react";
import { Alert, Button } from "@tessera/ui";
import { t } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: ({ organizationId }) =>
        startTransition(() => {
          router.push(routes.organisation(organizationId));
          router.refresh();
        }),
      onError: (error) => setProblem(errorMessageFrom(error)),
    }),
  );
  return (
    <div className="space-y-3">
      {problem ? <Alert tone="danger" role="alert" title={problem} /> : null}
      <Button onClick={() => accept.mutate({ token })} busy={accept.isPending}>
        {t.invitation.accept}
      </Button>
    </div>
  );
}
