"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { useRefresh } from "@/components/forms/use-refresh";
import { te } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

/**
 * Shares a platform endpoint with every organisation holding tokens of its model's tier, or stops
 * sharing it, after a confirmation that says what changes for those organisations.
 */
export function ShareEndpointButton({
  endpointId,
  name,
  shared,
  tier,
}: {
  endpointId: string;
  name: string;
  shared: boolean;
  tier: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const s = te.clusters.sharing;
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(
    trpc.operations.shareEndpoint.mutationOptions({
      onSuccess: refresh,
      onError: (failure) => setError(errorMessageFrom(failure)),
    }),
  );
  return (
    <ActionWithConfirm
      label={shared ? s.stop : s.share}
      button={{
        variant: "secondary",
        size: "sm",
        "aria-label": shared ? s.stopLabel(name) : s.shareLabel(name),
      }}
      title={shared ? s.stopTitle(name) : s.shareTitle(name)}
      confirmLabel={shared ? s.stopConfirm : s.shareConfirm}
      busy={change.isPending}
      error={error}
      onOpen={() => setError(null)}
      onConfirm={(close) => change.mutate({ endpointId, shared: !shared }, { onSettled: close })}
    >
      <p>{shared ? s.stopBody(tier) : s.shareBody(tier)}</p>
    </ActionWithConfirm>
  );
}
