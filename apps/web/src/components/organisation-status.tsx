import Link from "next/link";
import { Alert } from "@tessera/ui";
import type { VerificationStatus } from "@tessera/db";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

/** The verification banner every member sees, with the administrator's reason when there is one. */
export function OrganisationStatusBanner({
  organizationId,
  status,
  reason,
  canManage,
}: {
  organizationId: string;
  status: VerificationStatus;
  reason: string | null;
  canManage: boolean;
}) {
  const reasonBlock = reason ? (
    <p className="mt-1">
      <span className="font-semibold">{t.organisation.reason}:</span>{" "}
      <span data-testid="status-reason">{reason}</span>
    </p>
  ) : null;

  return (
    <div className="space-y-3">
      {status === "PENDING" ? (
        <Alert tone="warning" title={t.organisation.pendingTitle} role="status">
          <p>{t.organisation.pendingBody}</p>
        </Alert>
      ) : null}
      {status === "VERIFIED" ? (
        <Alert tone="success" title={t.organisation.verifiedTitle}>
          <p>{t.organisation.verifiedBody}</p>
        </Alert>
      ) : null}
      {status === "REJECTED" ? (
        <Alert tone="danger" title={t.organisation.rejectedTitle}>
          {reasonBlock}
          <p className="mt-1">{t.organisation.rejectedBody}</p>
          {canManage ? (
            <p className="mt-2">
              <Link href={routes.settings(organizationId)} className="font-semibold underline">
                {t.organisation.goToSettings}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {status === "SUSPENDED" ? (
        <Alert tone="danger" title={t.organisation.suspendedTitle}>
          {reasonBlock}
          <p className="mt-1">{t.organisation.suspendedBody}</p>
        </Alert>
      ) : null}
      {status !== "VERIFIED" ? <Alert tone="info" title={t.organisation.notVerifiedNote} /> : null}
    </div>
  );
}
