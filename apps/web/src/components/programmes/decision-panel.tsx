"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  ConfirmDialog,
  describedBy,
  ErrorSummary,
  Td,
  TextArea,
  TextInput,
  Th,
  type FieldProblem,
} from "@tessera/ui";
import { Field } from "@/components/field";
import { useRefresh } from "@/components/forms/use-refresh";
import { t, tp } from "@/i18n";
import { errorMessageFrom, formErrorsFrom, NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { formatMoney, formatNumber, hoursUnit, parseWholeNumber, previewTotals } from "./format";
import type { ApplicationForAdmin } from "./types";
import { ScrollTable } from "./scroll-table";

const grantId = (code: string) => `grant-${code.replace(/[^a-z0-9-]/gi, "-")}`;

function ApproveForm({
  application,
  onDone,
}: {
  application: ApplicationForAdmin;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const r = tp.decision;
  const [hours, setHours] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      application.lines.map((line) => [line.resourceClassId, String(line.unitHours)]),
    ),
  );
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const approve = useMutation(
    trpc.applications.admin.approve.mutationOptions({
      onSuccess: () => onDone(r.approved),
      onError: (error) => setErrors(formErrorsFrom(error, { note: "approve-note" })),
    }),
  );
  const money = (minor: number) => formatMoney(minor, application.currency);
  const preview = previewTotals(
    application.lines.map((line) => ({
      unitHours: parseWholeNumber(hours[line.resourceClassId] ?? "") ?? 0,
      listPriceMinorPerHour: line.listPriceMinorPerHour,
    })),
    application.subsidyRateBps,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    const problems: FieldProblem[] = [];
    const lines = application.lines.map((line) => {
      const value = parseWholeNumber(hours[line.resourceClassId] ?? "");
      const key = `grant-${line.resourceClass.code}`;
      if (value === null) {
        fields[key] = r.grantInvalid(line.resourceClass.name);
        problems.push({ fieldId: grantId(line.resourceClass.code), message: fields[key] });
      } else if (value > line.unitHours) {
        fields[key] = r.grantTooMuch(line.resourceClass.name, formatNumber(line.unitHours));
        problems.push({ fieldId: grantId(line.resourceClass.code), message: fields[key] });
      }
      return { resourceClassId: line.resourceClassId, grantedUnitHours: value ?? 0 };
    });
    if (problems.length) {
      setErrors({ fields, problems });
      return;
    }
    setErrors(NO_ERRORS);
    approve.mutate({ applicationId: application.id, lines, note: note.trim() || undefined });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-labelledby="approve-heading">
      <h3 id="approve-heading" className="text-lg font-semibold">
        {r.approveTitle}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} problems={errors.problems} />
      <p className="text-sm text-fg-muted">{r.grantHint}</p>
      <ScrollTable caption={r.grantCaption}>
        <thead>
          <tr>
            <Th>{tp.applications.detail.resourceClass}</Th>
            <Th className="text-right">{r.requestedHours}</Th>
            <Th>{tp.applications.detail.grantedHours}</Th>
          </tr>
        </thead>
        <tbody>
          {application.lines.map((line) => {
            const id = grantId(line.resourceClass.code);
            const error = errors.fields[`grant-${line.resourceClass.code}`];
            return (
              <tr key={line.resourceClassId}>
                <Td>
                  <span className="font-semibold">{line.resourceClass.name}</span>
                  <span className="block font-mono text-xs text-fg-muted">
                    {line.resourceClass.code}
                  </span>
                </Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {formatNumber(line.unitHours)} {hoursUnit(line.resourceClass.unit)}
                </Td>
                <Td>
                  <Field
                    id={id}
                    label={<span className="sr-only">{r.grantHours(line.resourceClass.name)}</span>}
                    error={error}
                  >
                    <TextInput
                      id={id}
                      inputMode="numeric"
                      className="w-36"
                      value={hours[line.resourceClassId] ?? ""}
                      onChange={(event) =>
                        setHours((current) => ({
                          ...current,
                          [line.resourceClassId]: event.target.value,
                        }))
                      }
                      invalid={!!error}
                      aria-describedby={describedBy(id, undefined, error)}
                    />
                  </Field>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      <div aria-live="polite" className="space-y-1 text-sm">
        <p className="font-semibold" data-testid="grant-preview">
          {r.grantedTotals(
            money(preview.listValueMinor),
            money(preview.programmeShareMinor),
            money(preview.tenantShareMinor),
          )}
        </p>
        <p>
          {r.grantedAfter(money(application.budget.remainingMinor - preview.programmeShareMinor))}
        </p>
      </div>
      <Field id="approve-note" label={r.note} hint={r.noteHint} error={errors.fields.note} optional>
        <TextArea
          id="approve-note"
          rows={3}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={describedBy("approve-note", r.noteHint, errors.fields.note)}
        />
      </Field>
      <Button type="submit" busy={approve.isPending}>
        {r.approve}
      </Button>
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
      <Field id={id} label={label} hint={hint} error={error}>
        <TextArea
          id={id}
          rows={3}
          maxLength={4000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          invalid={!!error}
          aria-describedby={describedBy(id, hint, error)}
        />
      </Field>
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
export function DecisionPanel({ application }: { application: ApplicationForAdmin }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const r = tp.decision;
  const [done, setDone] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [changesErrors, setChangesErrors] = useState<FormErrors>(NO_ERRORS);
  const [rejectErrors, setRejectErrors] = useState<FormErrors>(NO_ERRORS);
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
      onError: (error) => setChangesErrors(formErrorsFrom(error, { reason: "changes-reason" })),
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
        setRejectErrors(formErrorsFrom(error, { reason: "reject-reason" }));
      },
    }),
  );
  const { actions } = application;
  const reasonProblem = (id: string, message: string): FormErrors => ({
    fields: { reason: message },
    problems: [{ fieldId: id, message }],
  });

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        {done ? <Alert tone="success" role="status" title={done} /> : null}
      </div>
      {!actions.startReview && !actions.approve && !actions.reject && !actions.requestChanges ? (
        <p className="text-fg-muted">{application.decidedAt ? r.decided : r.noDecision}</p>
      ) : null}
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
          errors={changesErrors}
          onSubmit={(reason) => {
            if (reason.trim().length < 10) {
              setChangesErrors(reasonProblem("changes-reason", r.requestChangesHint));
              return;
            }
            setChangesErrors(NO_ERRORS);
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
            errors={rejectErrors}
            onSubmit={(reason) => {
              if (reason.trim().length < 10) {
                setRejectErrors(reasonProblem("reject-reason", r.rejectHint));
                return;
              }
              setRejectErrors(NO_ERRORS);
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
