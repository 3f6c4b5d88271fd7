"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClassName, Card, EmptyState } from "@tessera/ui";
import { ActionNotice, type Notice } from "@/components/form/action-notice";
import { Pagination } from "@/components/pagination";
import { t, tk } from "@/i18n";
import { routes } from "@/lib/paths";
import { CreateKeyForm } from "./create-key-form";
import { IssuedKey } from "./issued-key";
import { KeysTable } from "./keys-table";
import type { ApiKeyFormOptions, ApiKeyPage, ShownKey } from "./types";

/**
 * The page's live part: a key just created or rotated is kept here, in this tab's memory only,
 * so it is shown this once and gone after a reload; the list below shows only the keys' prefixes.
 * A key created, rotated or revoked is shown (or its notice given) in the same render as the list
 * reloaded from the server, so the list never lags behind what the page says happened.
 */
export function ApiKeysView({
  organizationId,
  page,
  cursor,
  options,
  gatewayBaseUrl,
  canCreate,
  canDeploy,
  createBlocked,
}: {
  organizationId: string;
  page: ApiKeyPage;
  cursor: string | undefined;
  options: ApiKeyFormOptions;
  gatewayBaseUrl: string;
  /** The caller's role may create keys. */
  canCreate: boolean;
  /** The caller's role may deploy endpoints (what a key reaching nothing needs). */
  canDeploy: boolean;
  /** Why a key cannot be created now (the organisation is not verified), if so. */
  createBlocked: string | null;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [shown, setShown] = useState<ShownKey | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The state updates and the server refresh share one transition: React commits them together,
  // once the refreshed list has arrived.
  const onIssued = (next: ShownKey) =>
    startRefresh(() => {
      setNotice(null);
      setShown(next);
      router.refresh();
    });
  const onNotice = (next: Notice) =>
    startRefresh(() => {
      setShown(null);
      setNotice(next);
      router.refresh();
    });
  const noProject = options.projects.length === 0;

  function emptyState() {
    if (!canCreate)
      return (
        <EmptyState title={tk.emptyTitle}>
          <p>{tk.emptyReadOnly}</p>
        </EmptyState>
      );
    // Nothing can be created yet: the card below says when keys can be.
    if (createBlocked)
      return (
        <EmptyState title={tk.emptyTitle}>
          <p>{tk.emptyBlocked}</p>
        </EmptyState>
      );
    if (noProject)
      return (
        <EmptyState
          title={tk.emptyTitle}
          action={
            <Link href={routes.projects(organizationId)} className={buttonClassName("secondary")}>
              {tk.createProject}
            </Link>
          }
        >
          <p>{tk.emptyNoProject}</p>
        </EmptyState>
      );
    return (
      <EmptyState title={tk.emptyTitle}>
        <p>{tk.emptyBody}</p>
      </EmptyState>
    );
  }

  return (
    <div className="space-y-8">
      {shown ? (
        <IssuedKey
          organizationId={organizationId}
          shown={shown}
          gatewayBaseUrl={gatewayBaseUrl}
          canDeploy={canDeploy}
          onDismiss={() => setShown(null)}
        />
      ) : null}
      <ActionNotice notice={notice} errorTitle={t.common.errorSummaryTitle} />
      {page.items.length === 0 && !cursor ? (
        emptyState()
      ) : (
        <div>
          <KeysTable
            organizationId={organizationId}
            keys={page.items}
            canDeploy={canDeploy}
            onIssued={onIssued}
            onNotice={onNotice}
          />
          <Pagination
            basePath={routes.apiKeys(organizationId)}
            params={{}}
            cursor={cursor}
            nextCursor={page.nextCursor}
          />
        </div>
      )}
      <Card title={tk.create.title}>
        {!canCreate ? (
          <p className="text-fg-muted">{tk.create.readOnly}</p>
        ) : createBlocked ? (
          <p className="text-fg-muted">{createBlocked}</p>
        ) : noProject ? (
          <p className="text-fg-muted">{tk.emptyNoProject}</p>
        ) : (
          <CreateKeyForm
            organizationId={organizationId}
            options={options}
            canDeploy={canDeploy}
            onIssued={onIssued}
            refreshing={refreshing}
          />
        )}
      </Card>
    </div>
  );
}
