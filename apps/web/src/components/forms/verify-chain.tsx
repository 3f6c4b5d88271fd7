"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Button } from "@tessera/ui";
import { t } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

/** Runs the chain verification on request and shows the verdict in words. */
export function VerifyChain() {
  const trpc = useTRPC();
  const verdict = useQuery({
    ...trpc.admin.audit.verify.queryOptions(undefined),
    enabled: false,
    staleTime: 0,
  });

  return (
    <div className="space-y-3">
      <p className="text-fg-muted">{t.audit.verifyLead}</p>
      <Button variant="secondary" onClick={() => void verdict.refetch()} busy={verdict.isFetching}>
        {t.audit.verifyButton}
      </Button>
      <div aria-live="polite" data-testid="chain-verdict">
        {verdict.isFetching ? null : verdict.error ? (
          <Alert tone="danger" role="alert" title={errorMessageFrom(verdict.error)} />
        ) : verdict.data ? (
          verdict.data.ok ? (
            <Alert tone="success" role="status" title={t.audit.verifyOk(verdict.data.checked)} />
          ) : (
            <Alert
              tone="danger"
              role="alert"
              title={t.audit.verifyBroken(
                verdict.data.brokenAt ?? "?",
                t.audit.verifyReason[verdict.data.reason ?? ""] ?? "",
              )}
            />
          )
        ) : null}
      </div>
    </div>
  );
}
