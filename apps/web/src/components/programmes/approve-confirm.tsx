"use client";

import { ConfirmDialog } from "@tessera/ui";
import { t, th, tp } from "@/i18n";
import { formatMoney } from "./format";
import type { ApplicationForAdmin } from "./types";
import { DeMinimisPreview } from "@/components/state-aid/de-minimis-preview";

/**
 * Asks once before an award: what it grants, what it commits of the programme's budget and what
 * the organisation pays — and, first, which assigned reviewers have neither scored nor declared a
 * conflict.
 */
export function ApproveConfirm({
  application,
  open,
  busy,
  totals,
  onConfirm,
  onCancel,
}: {
  application: ApplicationForAdmin;
  open: boolean;
  busy: boolean;
  totals: { listValueMinor: number; programmeShareMinor: number; tenantShareMinor: number };
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const c = th.confirm;
  const money = (minor: number) => formatMoney(minor, application.currency);
  const unfinished = application.reviews.filter(
    (review) => review.score === null && review.conflictDeclaredAt === null,
  );
  return (
    <ConfirmDialog
      open={open}
      title={c.approveTitle(application.title)}
      confirmLabel={tp.decision.approve}
      cancelLabel={t.common.cancel}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <div className="space-y-3">
        {unfinished.length > 0 ? (
          <div className="rounded-md border-2 border-warning-fg p-3" data-testid="approve-warning">
            <p className="font-bold">{c.approveWarning}</p>
            <ul className="mt-1 list-disc pl-5">
              {unfinished.map((review) => (
                <li key={review.id}>
                  {c.reviewerPending(review.reviewer.name ?? review.reviewer.email ?? "")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p>
          {c.approveBody(
            application.organization.name,
            application.programme.name,
            money(totals.listValueMinor),
            money(totals.programmeShareMinor),
          )}
        </p>
        <p>
          {c.approveTenant(
            money(totals.tenantShareMinor),
            money(application.budget.remainingMinor - totals.programmeShareMinor),
          )}
        </p>
        <DeMinimisPreview
          application={application}
          awardMinor={totals.programmeShareMinor}
          testId="approve-de-minimis"
        />
      </div>
    </ConfirmDialog>
  );
}
