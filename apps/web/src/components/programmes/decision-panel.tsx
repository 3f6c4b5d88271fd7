"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, ConfirmDialog, Th } from "@tessera/ui";
import { InputField, TextAreaField } from "@/components/form/fields";
import { FormProblems, SavedNotice } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tp } from "@/i18n";
import { DeMinimisPreview } from "@/components/state-aid/de-minimis-preview";
import { formChecks } from "@/lib/form-checks";
import { errorMessageFrom, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { grantsNothing } from "@tessera/core/award-rules";
import { quantityUnits } from "@tessera/core/quantity-messages";
import { formatPricedUnits } from "@tessera/core/words";
import { formatMoney } from "./format";
import { ApproveConfirm } from "./approve-confirm";
import { repricedClassesText } from "./repriced-classes";
import { useAwardDraft } from "./award-draft";
import { reasonProblem } from "./decision-reason";
import { missingReviews } from "./missing-reviews";
import type { ApplicationForAdmin } from "./types";

/** A cell is a line of its class's card on a phone, a table cell from `sm` up. */
const CARD_CELL =
  "block py-1 align-top text-fg sm:table-cell sm:border-b sm:border-line sm:px-4 sm:py-3";

const grantId = (code: string) => `grant-${code.replace(/[^a-z0-9-]/gi, "-")}`;

/** Said before an approval that would go ahead with reviews missing (missingReviews). */
function UnreviewedWarning({ summary }: { summary: ApplicationForAdmin["reviewSummary"] }) {
  const r = tp.decision;
  const missing = missingReviews(summary);
  if (missing === null) return null;
  const title =
    missing.kind === "none-assigned"
      ? r.noReviewers
      : missing.kind === "unscored"
        ? r.reviewsOpen(missing.open)
        : r.allConflicted;
  return (
    <Alert tone="warning" title={title}>
      <p data-testid="unreviewed-warning">{r.decidingWithoutReviews(missing)}</p>
    </Alert>
  );
}

function ApproveForm({
  application,
  onDone,
}: {
  application: ApplicationForAdmin;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const r = tp.decision;
  const limit = application.organizationLimit;
  const capped = limit !== null && !limit.fits;
  const { hours, setHours, checked, firstProblem, preview, repriced } = useAwardDraft();
  const [note, setNote] = useState("");
  const feedback = useFormFeedback({ note: "approve-note" });
  // The decision waits here while the confirmation dialog is open.
  const [pendingGrant, setPendingGrant] = useState<{
    lines: { resourceClassId: string; grantedUnitHours: number }[];
    note?: string;
  } | null>(null);
  const approve = useMutation(
    trpc.applications.admin.approve.mutationOptions({
      onSuccess: () => {
        setPendingGrant(null);
        onDone(r.approved);
      },
      onError: (error) => {
        setPendingGrant(null);
        feedback.showError(error);
      },
    }),
  );
  const money = (minor: number) => formatMoney(minor, application.currency);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checks = formChecks();
    const lines = application.lines.map((line, index) => {
      const { value, problem } = checked[index] ?? { value: null, problem: null };
      const { code } = line.resourceClass;
      if (problem) checks.add(`grant-${code}`, problem, grantId(code));
      return { resourceClassId: line.resourceClassId, grantedUnitHours: value ?? 0 };
    });
    if (Object.keys(checks.errors.fields).length === 0) {
      // The confirmation never offers an award the approval would refuse.
      const share = preview.programmeShareMinor;
      const firstField = grantId(application.lines[0]?.resourceClass.code ?? "");
      if (
        grantsNothing(
          lines.map((line) => line.grantedUnitHours),
          { ...preview, subsidyRateBps: application.subsidyRateBps },
        )
      )
        checks.add("grant", r.grantNothing, firstField);
      else if (limit !== null && share > limit.remainingMinor)
        checks.add(
          "grant",
          r.grantOverLimit(money(share), money(limit.remainingMinor)),
          firstField,
        );
      else if (share > application.budget.remainingMinor)
        checks.add(
          "grant",
          r.grantOverBudget(money(share), money(application.budget.remainingMinor)),
          firstField,
        );
    }
    if (!feedback.start(checks.errors)) return;
    setPendingGrant({ lines, note: note.trim() || undefined });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-labelledby="approve-heading">
      <h3 id="approve-heading" className="text-lg font-semibold">
        {r.approveTitle}
      </h3>
      <FormProblems errors={feedback.errors} />
      <UnreviewedWarning summary={application.reviewSummary} />
      {capped ? null : <p className="text-sm text-fg-muted">{r.grantHint}</p>}
      {limit !== null ? (
        <p className="text-sm" data-testid="grant-limit">
          {r.organisationAwarded(
            money(limit.awardedMinor),
            money(limit.capMinor),
            money(limit.remainingMinor),
          )}
        </p>
      ) : null}
      {capped ? (
        <p className="text-sm font-semibold" data-testid="grant-capped">
          {r.grantCapped(money(limit.remainingMinor))}
        </p>
      ) : null}
      {/* One table, one labelled field per class: a card per class on a phone, where a
          sideways-scrolling table would hide the fields; a table from `sm` up. */}
      <table className="block w-full text-left text-sm sm:table sm:border-collapse sm:rounded-lg sm:border sm:border-line">
        <caption className="sr-only">{r.grantCaption}</caption>
        <thead className="hidden sm:table-header-group">
          <tr>
            <Th>{tp.applications.detail.resourceClass}</Th>
            <Th className="text-right">{r.requestedHours}</Th>
            <Th>{tp.applications.detail.grantedHours}</Th>
          </tr>
        </thead>
        <tbody className="block space-y-3 sm:table-row-group" data-testid="grant-lines">
          {application.lines.map((line, index) => {
            const id = grantId(line.resourceClass.code);
            const error =
              feedback.errors.fields[`grant-${line.resourceClass.code}`] ??
              checked[index]?.problem ??
              undefined;
            const units = quantityUnits(line.resourceClass);
            return (
              <tr
                key={line.resourceClassId}
                className="block rounded-lg border border-line bg-surface p-3 sm:table-row sm:rounded-none sm:border-0 sm:p-0"
              >
                <td className={CARD_CELL}>
                  <span className="font-semibold">{line.resourceClass.name}</span>
                  <span className="block font-mono text-xs text-fg-muted">
                    {line.resourceClass.code}
                  </span>
                </td>
                <td className={`${CARD_CELL} tabular-nums sm:whitespace-nowrap sm:text-right`}>
                  <span className="text-fg-muted sm:hidden">{r.requestedHours}: </span>
                  {formatPricedUnits(line.unitHours, line.resourceClass)}
                </td>
                <td className={CARD_CELL}>
                  <InputField
                    id={id}
                    label={
                      <span className="sm:sr-only">
                        {r.grantQuantity(units, line.resourceClass.name)}
                      </span>
                    }
                    hint={units}
                    error={error}
                    inputMode="numeric"
                    className="w-36"
                    value={hours[line.resourceClassId] ?? ""}
                    onChange={(event) =>
                      setHours((current) => ({
                        ...current,
                        [line.resourceClassId]: event.target.value,
                      }))
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div aria-live="polite" className="space-y-1 text-sm">
        {firstProblem === null ? (
          <>
            <p className="font-semibold" data-testid="grant-preview">
              {r.grantedTotals(
                money(preview.listValueMinor),
                money(preview.programmeShareMinor),
                money(preview.tenantShareMinor),
              )}
            </p>
            <p>
              {r.grantedAfter(
                money(application.budget.remainingMinor - preview.programmeShareMinor),
              )}
            </p>
            {repriced ? (
              <p className="border-l-4 border-warning-fg pl-2" data-testid="grant-repriced">
                {r.repriced(
                  repricedClassesText(repriced.classes, application.currency),
                  money(preview.programmeShareMinor),
                  money(repriced.listValueMinor),
                  money(repriced.tenantShareMinor),
                )}
              </p>
            ) : null}
            <DeMinimisPreview
              application={application}
              awardMinor={preview.programmeShareMinor}
              testId="de-minimis-preview"
            />
          </>
        ) : (
          <p className="text-fg-muted" data-testid="grant-preview">
            {r.grantFiguresWait(firstProblem)}
          </p>
        )}
      </div>
      <TextAreaField
        id="approve-note"
        label={r.note}
        hint={r.noteHint}
        error={feedback.errors.fields.note}
        optional
        rows={3}
        maxLength={4000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit" busy={approve.isPending}>
        {r.approve}
      </Button>
      <ApproveConfirm
        application={application}
        open={pendingGrant !== null}
        busy={approve.isPending}
        totals={preview}
        onCancel={() => setPendingGrant(null)}
        onConfirm={() =>
          pendingGrant !== null &&
          approve.mutate({ applicationId: application.id, ...pendingGrant })
        }
      />
    </form>
  );
}

function ReasonForm({
  id,
  heading,
  label,
  hint,
  submitLabel,
  variant,
  busy,
  errors,
  onSubmit,
}: {
  id: string;
  heading: string;
  label: string;
  hint: string;
  submitLabel: string;
  variant: "secondary" | "danger";
  busy: boolean;
  errors: FormErrors;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const error = errors.fields.reason;
  return (
    <form
      noValidate
      aria-labelledby={`${id}-heading`}
      className="space-y-3 border-t border-line pt-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(reason);
      }}
    >
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h3>
      {errors.problems.length ? (
        <div role="alert" className="rounded-md border-2 border-danger p-3">
          <p className="font-bold">{t.common.errorSummaryTitle}</p>
          <ul className="mt-1">
            {errors.problems.map((problem) => (
              <li key={problem.message}>
                {problem.fieldId ? (
                  <a href={`#${problem.fieldId}`} className="font-semibold text-danger underline">
                    {problem.message}
                  </a>
                ) : (
                  <span className="font-semibold text-danger">{problem.message}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TextAreaField
        id={id}
        label={label}
        hint={hint}
        error={error}
        rows={3}
        maxLength={4000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <Button type="submit" variant={variant} busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

/**
 * The administrator's decision: start the review, approve with granted amounts (never more than
 * requested; the budget guard's refusal is shown in its own words), ask for changes, or reject.
 */
export function DecisionPanel({
  application,
  children,
}: {
  application: ApplicationForAdmin;
  /** What stands in for the forms once nothing is left to decide: the decision made. */
  children?: ReactNode;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const r = tp.decision;
  const [done, setDone] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const changes = useFormFeedback({ reason: "changes-reason" });
  const rejection = useFormFeedback({ reason: "reject-reason" });
  const [pendingReject, setPendingReject] = useState<string | null>(null);
  const finish = (message: string) => {
    setDone(message);
    refresh();
  };
  const startReview = useMutation(
    trpc.applications.admin.startReview.mutationOptions({
      onSuccess: () => finish(r.reviewStarted),
      onError: (error) => setStartError(errorMessageFrom(error)),
    }),
  );
  const requestChanges = useMutation(
    trpc.applications.admin.requestChanges.mutationOptions({
      onSuccess: () => finish(r.changesRequested),
      onError: (error) => changes.showError(error),
    }),
  );
  const reject = useMutation(
    trpc.applications.admin.reject.mutationOptions({
      onSuccess: () => {
        setPendingReject(null);
        finish(r.rejected);
      },
      onError: (error) => {
        setPendingReject(null);
        rejection.showError(error);
      },
    }),
  );
  const { actions } = application;
  /** A missing or short reason is refused, saying the minimum, the count and who reads it. */
  const reasonChecked = (reason: string, id: string): FormErrors => {
    const checks = formChecks();
    const problem = reasonProblem(reason);
    if (problem) checks.add("reason", problem, id);
    return checks.errors;
  };

  return (
    <div className="space-y-6">
      <SavedNotice message={done} />
      {!actions.startReview && !actions.approve && !actions.reject && !actions.requestChanges
        ? (children ?? <p className="text-fg-muted">{r.noDecision}</p>)
        : null}
      {actions.startReview ? (
        <div className="space-y-2">
          {startError ? (
            <p role="alert" className="font-semibold text-danger">
              {startError}
            </p>
          ) : null}
          <Button
            onClick={() => startReview.mutate({ applicationId: application.id })}
            busy={startReview.isPending}
          >
            {r.startReview}
          </Button>
        </div>
      ) : null}
      {actions.approve ? <ApproveForm application={application} onDone={finish} /> : null}
      {actions.requestChanges ? (
        <ReasonForm
          id="changes-reason"
          heading={r.requestChangesTitle}
          label={r.requestChangesReason}
          hint={r.requestChangesHint}
          submitLabel={r.requestChanges}
          variant="secondary"
          busy={requestChanges.isPending}
          errors={changes.errors}
          onSubmit={(reason) => {
            if (!changes.start(reasonChecked(reason, "changes-reason"))) return;
            requestChanges.mutate({ applicationId: application.id, reason });
          }}
        />
      ) : null}
      {actions.reject ? (
        <>
          <ReasonForm
            id="reject-reason"
            heading={r.rejectTitle}
            label={r.rejectReason}
            hint={r.rejectHint}
            submitLabel={r.reject}
            variant="danger"
            busy={reject.isPending}
            errors={rejection.errors}
            onSubmit={(reason) => {
              if (!rejection.start(reasonChecked(reason, "reject-reason"))) return;
              setPendingReject(reason);
            }}
          />
          <ConfirmDialog
            open={pendingReject !== null}
            title={r.rejectConfirmTitle(application.title)}
            confirmLabel={r.reject}
            cancelLabel={t.common.cancel}
            busy={reject.isPending}
            onCancel={() => setPendingReject(null)}
            onConfirm={() =>
              pendingReject !== null &&
              reject.mutate({ applicationId: application.id, reason: pendingReject })
            }
          >
            <p>{r.rejectConfirmBody}</p>
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}
