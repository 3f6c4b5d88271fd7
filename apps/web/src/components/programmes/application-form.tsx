"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { Alert, Button } from "@tessera/ui";
import type { DataClassification } from "@tessera/db";
import { countsTokens } from "@tessera/core/words";
import { onLine, quantityUnits, requestedQuantityProblem } from "@tessera/core/quantity-messages";
import { checkOrganizationLimit } from "@tessera/core/award-rules";
import { InputField, SelectField, TextAreaField } from "@/components/form/fields";
import { FormProblems } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { formatDateTime, t, tp } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import type { FormErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import {
  dateInputValue,
  formatMoney,
  formatRate,
  parseDateInput,
  parseWholeNumber,
} from "./format";
import { programmeRoutes } from "./paths";
import { QuoteTable } from "./quote-table";
import type { ApplicationView, CallView, ResourceClass } from "./types";
import { useDebounced } from "./use-debounced";
import {
  checkDeclaredAidState,
  DeclaredAidFields,
  initialDeclaredAid,
} from "@/components/state-aid/declared-aid-fields";

const CLASSIFICATIONS: DataClassification[] = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"];

const IDS = {
  projectId: "application-project",
  programmeId: "application-programme",
  callId: "application-call",
  title: "application-title",
  periodStart: "application-period-start",
  periodEnd: "application-period-end",
  abstract: "application-abstract",
  justification: "application-justification",
  dataClassification: "application-classification",
  lines: "application-line-0-class",
} as const;

const lineClassId = (index: number) => `application-line-${index}-class`;
const lineHoursId = (index: number) => `application-line-${index}-hours`;

export interface FormProject {
  id: string;
  name: string;
  classification: DataClassification;
}

export interface FormProgramme {
  id: string;
  name: string;
  currency: string;
  subsidyRateBps: number;
  calls: CallView[];
  /** The organisation's standing, as /programmes shows it. */
  eligibility: { eligible: boolean; reasons: { code: string; message: string }[] };
  orgCapMinor: number;
  organizationAwardedMinor: number;
}

interface LineState {
  key: number;
  resourceClassId: string;
  hours: string;
}

function classificationRank(value: DataClassification): number {
  return CLASSIFICATIONS.indexOf(value);
}

function usableCalls(programme: FormProgramme | undefined, keepId: string | null): CallView[] {
  return (programme?.calls ?? []).filter((call) => call.state !== "CLOSED" || call.id === keepId);
}

/**
 * The application form (new draft or edit): project, programme and call, compute lines, period,
 * texts and classification, with a live quote of what the programme pays and what the
 * organisation pays. Saving keeps it a draft; submitting is a separate step on its page.
 */
export function ApplicationForm({
  organizationId,
  projects,
  programmes,
  resourceClasses,
  initial,
  defaultProgrammeId,
  undertaking,
}: {
  organizationId: string;
  projects: readonly FormProject[];
  programmes: readonly FormProgramme[];
  resourceClasses: readonly ResourceClass[];
  initial?: ApplicationView;
  defaultProgrammeId?: string;
  /** Undertakings declare other de minimis aid with the application. */
  undertaking: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const f = tp.applications.form;
  const today = new Date();

  // A new application starts only on a programme the organisation may apply to.
  const eligibleProgrammes = programmes.filter((p) => p.eligibility.eligible);
  const startingProgramme =
    initial?.programme.id ??
    eligibleProgrammes.find((p) => p.id === defaultProgrammeId)?.id ??
    (eligibleProgrammes.length === 1 ? eligibleProgrammes[0]?.id : undefined) ??
    "";
  const [projectId, setProjectId] = useState(initial?.project.id ?? "");
  const [programmeId, setProgrammeId] = useState(startingProgramme);
  const [callId, setCallId] = useState(
    initial?.call.id ??
      programmes.find((p) => p.id === startingProgramme)?.calls.find((c) => c.state === "OPEN")
        ?.id ??
      "",
  );
  const [classification, setClassification] = useState<DataClassification>(
    initial?.dataClassification ?? "INTERNAL",
  );
  const [lines, setLines] = useState<LineState[]>(
    initial
      ? initial.lines.map((line, index) => ({
          key: index,
          resourceClassId: line.resourceClass.id,
          hours: String(line.unitHours),
        }))
      : [{ key: 0, resourceClassId: "", hours: "" }],
  );
  const [nextKey, setNextKey] = useState(lines.length);
  const [declaredAid, setDeclaredAid] = useState(() =>
    initialDeclaredAid(initial?.otherDeMinimisAid),
  );
  const feedback = useFormFeedback(IDS);

  const programme = programmes.find((p) => p.id === programmeId);
  const project = projects.find((p) => p.id === projectId);
  const calls = usableCalls(programme, initial?.call.id ?? null);
  const classes = resourceClasses.filter(
    (rc) =>
      (rc.active || initial?.lines.some((line) => line.resourceClass.id === rc.id)) &&
      (!programme || rc.currency === programme.currency),
  );
  const classOf = (resourceClassId: string) =>
    resourceClasses.find((r) => r.id === resourceClassId);
  // What is wrong with each line's quantity once its class is chosen and something is typed: the
  // sentence the server refuses it with, shown on the field as it is typed.
  const lineProblems = lines.map((line, index) => {
    const rc = classOf(line.resourceClassId);
    if (!rc || line.hours.trim() === "") return null;
    const problem = requestedQuantityProblem(parseWholeNumber(line.hours), rc);
    return problem ? onLine(index, problem) : null;
  });
  const firstLineProblem = lineProblems.find((problem) => problem !== null) ?? null;

  // Only complete, distinct lines are quoted; the quote follows the typing after a short pause.
  const quoteKey = useMemo(() => {
    const seen = new Set<string>();
    const quoted = lines.flatMap((line) => {
      const hours = parseWholeNumber(line.hours);
      if (!line.resourceClassId || !hours || hours < 1 || seen.has(line.resourceClassId)) return [];
      seen.add(line.resourceClassId);
      return [{ resourceClassId: line.resourceClassId, unitHours: hours }];
    });
    return programmeId && quoted.length ? JSON.stringify({ programmeId, lines: quoted }) : "";
  }, [lines, programmeId]);
  const settledKey = useDebounced(quoteKey, 350);
  const quoteInput = settledKey
    ? (JSON.parse(settledKey) as {
        programmeId: string;
        lines: { resourceClassId: string; unitHours: number }[];
      })
    : { programmeId: "", lines: [] };
  const quote = useQuery(
    trpc.applications.quote.queryOptions(quoteInput, {
      enabled: settledKey !== "",
      placeholderData: keepPreviousData,
    }),
  );
  const quoteStale = quote.isFetching || settledKey !== quoteKey;
  // The rule the approval applies: the programme's share against what is left of the limit.
  const limit =
    programme && quote.data && quote.data.programmeId === programme.id
      ? checkOrganizationLimit({
          capMinor: programme.orgCapMinor,
          awardedMinor: programme.organizationAwardedMinor,
          requestedMinor: quote.data.totals.programmeShareMinor,
        })
      : null;

  const create = useMutation(trpc.applications.create.mutationOptions());
  const update = useMutation(trpc.applications.update.mutationOptions());

  function validate(form: FormData): FormErrors {
    const checks = formChecks(IDS);
    if (!projectId) checks.add("projectId", f.required.projectId);
    if (!initial && !programmeId) checks.add("programmeId", f.required.programmeId);
    else if (!initial && programme && !programme.eligibility.eligible)
      checks.add("programmeId", f.programmeIneligibleError(programme.name));
    if (!callId) checks.add("callId", f.required.callId);
    if (formText(form, "title").trim().length < 3) checks.add("title", f.required.title);
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (!line.resourceClassId)
        checks.add(`line-${index}-class`, f.required.lineClass(index + 1), lineClassId(index));
      else if (seen.has(line.resourceClassId))
        checks.add(`line-${index}-class`, f.required.lineDuplicate(index + 1), lineClassId(index));
      seen.add(line.resourceClassId);
      const rc = classOf(line.resourceClassId);
      const hours = parseWholeNumber(line.hours);
      const problem = rc
        ? requestedQuantityProblem(hours, rc)
        : hours !== null && hours >= 1
          ? null
          : f.required.lineQuantity;
      if (problem)
        checks.add(
          `line-${index}-hours`,
          rc ? onLine(index, problem) : `Line ${index + 1}: ${problem}`,
          lineHoursId(index),
        );
    });
    const start = parseDateInput(formText(form, "periodStart"));
    const end = parseDateInput(formText(form, "periodEnd"));
    if (!start) checks.add("periodStart", f.required.periodStart);
    if (!end) checks.add("periodEnd", f.required.periodEnd);
    else if (start && end <= start) checks.add("periodEnd", f.required.periodOrder);
    if (formText(form, "abstract").trim().length < 20) checks.add("abstract", f.required.abstract);
    if (formText(form, "justification").trim().length < 20)
      checks.add("justification", f.required.justification);
    if (undertaking)
      checkDeclaredAidState(declaredAid, (name, message, fieldId) =>
        checks.add(name, message, fieldId),
      );
    return checks.errors;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!feedback.start(validate(form))) return;
    const fields = {
      projectId,
      callId,
      title: formText(form, "title"),
      abstract: formText(form, "abstract"),
      justification: formText(form, "justification"),
      dataClassification: classification,
      periodStart: parseDateInput(formText(form, "periodStart"))!,
      periodEnd: parseDateInput(formText(form, "periodEnd"))!,
      lines: lines.map((line) => ({
        resourceClassId: line.resourceClassId,
        unitHours: parseWholeNumber(line.hours)!,
      })),
      // Checked above; only undertakings are asked.
      otherDeMinimisAid: undertaking
        ? (checkDeclaredAidState(declaredAid, () => undefined) ?? undefined)
        : undefined,
    };
    const onError = (error: unknown) => feedback.showError(error);
    const onSuccess = (saved: { id: string }) => {
      router.push(programmeRoutes.application(organizationId, saved.id));
      router.refresh();
    };
    if (initial) {
      update.mutate(
        { organizationId, applicationId: initial.id, ...fields },
        { onSuccess, onError },
      );
    } else {
      create.mutate({ organizationId, programmeId, ...fields }, { onSuccess, onError });
    }
  }

  function changeProgramme(id: string) {
    setProgrammeId(id);
    const next = programmes.find((p) => p.id === id);
    setCallId(
      next?.calls.find((c) => c.state === "OPEN")?.id ?? usableCalls(next, null)[0]?.id ?? "",
    );
    // Classes in another currency cannot be quoted by this programme.
    setLines((current) =>
      current.map((line) => {
        const rc = resourceClasses.find((r) => r.id === line.resourceClassId);
        return rc && next && rc.currency !== next.currency
          ? { ...line, resourceClassId: "" }
          : line;
      }),
    );
  }

  function changeProject(id: string) {
    setProjectId(id);
    const chosen = projects.find((p) => p.id === id);
    if (chosen && classificationRank(classification) < classificationRank(chosen.classification))
      setClassification(chosen.classification);
  }

  function updateLine(key: number, change: Partial<LineState>) {
    setLines((current) =>
      current.map((line) => (line.key === key ? { ...line, ...change } : line)),
    );
  }

  const e = feedback.errors.fields;
  const defaultStart = initial ? dateInputValue(initial.periodStart) : dateInputValue(today);
  const defaultEnd = initial
    ? dateInputValue(initial.periodEnd)
    : dateInputValue(new Date(today.getTime() + 182 * 86_400_000));

  return (
    <form
      noValidate
      onSubmit={submit}
      className="space-y-6"
      aria-label={initial ? tp.applications.editTitle : tp.applications.newTitle}
    >
      <FormProblems errors={feedback.errors} />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={IDS.projectId}
          label={f.project}
          error={e.projectId}
          name="projectId"
          value={projectId}
          onChange={(event) => changeProject(event.target.value)}
        >
          <option value="">{f.projectPlaceholder}</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        {initial ? (
          <div className="space-y-1">
            <p className="font-semibold">{f.programme}</p>
            <p>{initial.programme.name}</p>
            <p className="text-sm text-fg-muted">{f.programmeFixed}</p>
          </div>
        ) : (
          <SelectField
            id={IDS.programmeId}
            label={f.programme}
            error={e.programmeId}
            name="programmeId"
            value={programmeId}
            onChange={(event) => changeProgramme(event.target.value)}
          >
            <option value="">{f.programmePlaceholder}</option>
            {programmes.map((p) => (
              <option key={p.id} value={p.id} disabled={!p.eligibility.eligible}>
                {f.programmeOption(p.name, p.eligibility.eligible)}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {!initial && eligibleProgrammes.length < programmes.length ? (
        <div className="text-sm text-fg-muted" data-testid="ineligible-programmes">
          <p>{f.programmeIneligibleHint}</p>
          <ul className="list-disc pl-5 [overflow-wrap:anywhere]">
            {programmes
              .filter((p) => !p.eligibility.eligible)
              .map((p) => (
                <li key={p.id}>
                  <span className="font-semibold">{p.name}</span>:{" "}
                  {p.eligibility.reasons.map((reason) => reason.message).join(" ")}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      {programme && !programme.eligibility.eligible ? (
        <Alert tone="warning" title={f.programmeIneligible}>
          <ul className="list-disc pl-5" data-testid="programme-ineligible">
            {programme.eligibility.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <SelectField
        id={IDS.callId}
        label={f.call}
        hint={f.callHint}
        error={e.callId}
        name="callId"
        value={callId}
        onChange={(event) => setCallId(event.target.value)}
      >
        <option value="">{f.callPlaceholder}</option>
        {calls.map((call) => (
          <option key={call.id} value={call.id}>
            {f.callOption(
              call.name,
              tp.status.call[call.state],
              `${formatDateTime(call.opensAt)} – ${formatDateTime(call.closesAt)}`,
            )}
          </option>
        ))}
      </SelectField>

      <InputField
        id={IDS.title}
        label={f.title}
        hint={f.titleHint}
        error={e.title}
        name="title"
        defaultValue={initial?.title}
        maxLength={200}
      />

      <fieldset className="space-y-3">
        <legend className="font-semibold">{f.lines}</legend>
        <p className="text-sm text-fg-muted">{f.linesHint}</p>
        {e.lines ? <p className="text-sm font-semibold text-danger">{e.lines}</p> : null}
        <ul className="space-y-3">
          {lines.map((line, index) => {
            const classError = e[`line-${index}-class`];
            const hoursError = e[`line-${index}-hours`] ?? lineProblems[index] ?? undefined;
            const rc = classOf(line.resourceClassId);
            const tokens = rc !== undefined && countsTokens(rc.kind);
            return (
              <li
                key={line.key}
                className="grid gap-3 rounded-md border border-line p-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
                data-testid="application-line"
              >
                <SelectField
                  id={lineClassId(index)}
                  label={f.resourceClass(index + 1)}
                  error={classError}
                  value={line.resourceClassId}
                  onChange={(event) =>
                    updateLine(line.key, { resourceClassId: event.target.value })
                  }
                >
                  <option value="">{f.resourceClassPlaceholder}</option>
                  {classes.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.name} ({option.code})
                    </option>
                  ))}
                </SelectField>
                <InputField
                  id={lineHoursId(index)}
                  label={f.quantity(rc ? quantityUnits(rc) : null, index + 1)}
                  hint={tokens ? f.millionTokensHint : undefined}
                  error={hoursError}
                  inputMode="numeric"
                  value={line.hours}
                  onChange={(event) => updateLine(line.key, { hours: event.target.value })}
                />
                {lines.length > 1 ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setLines((current) => current.filter((l) => l.key !== line.key))}
                  >
                    {f.removeLine(index + 1)}
                  </Button>
                ) : (
                  <span />
                )}
              </li>
            );
          })}
        </ul>
        {lines.length < 20 ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setLines((current) => [...current, { key: nextKey, resourceClassId: "", hours: "" }]);
              setNextKey(nextKey + 1);
            }}
          >
            {f.addLine}
          </Button>
        ) : null}
      </fieldset>

      <section
        aria-labelledby="quote-heading"
        className="space-y-2 rounded-lg border border-line bg-surface-muted p-4"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="quote-heading" className="text-lg font-semibold">
            {f.quoteTitle}
          </h2>
          {programme ? (
            <p className="text-sm text-fg-muted">
              {tp.money.rate(formatRate(programme.subsidyRateBps))}
            </p>
          ) : null}
        </div>
        <p className="text-sm text-fg-muted">{f.quoteLead}</p>
        <div aria-live="polite" aria-busy={quoteStale} data-testid="quote">
          {firstLineProblem ? (
            <p className="font-semibold text-danger" data-testid="quote-waits">
              {f.quoteWaits(firstLineProblem)}
            </p>
          ) : null}
          {quoteKey === "" ? (
            firstLineProblem ? null : (
              <p className="text-fg-muted">{f.quoteEmpty}</p>
            )
          ) : quote.error ? (
            <p className="font-semibold text-danger">{quote.error.message}</p>
          ) : quote.data ? (
            <>
              {quoteStale ? <p className="text-sm text-fg-muted">{f.quoteUpdating}</p> : null}
              <QuoteTable
                caption={f.quoteCaption}
                currency={quote.data.currency}
                lines={quote.data.lines.map((line) => ({
                  ...line,
                  resourceClass: { ...line.resourceClass },
                }))}
                totals={quote.data.totals}
              />
              {limit && !limit.fits ? (
                <Alert tone="warning" title={f.overLimitTitle} className="mt-3">
                  <p data-testid="quote-over-limit">
                    {f.overLimit(
                      formatMoney(limit.requestedMinor, quote.data.currency),
                      formatMoney(limit.remainingMinor, quote.data.currency),
                      formatMoney(limit.capMinor, quote.data.currency),
                      formatMoney(limit.overByMinor, quote.data.currency),
                    )}
                  </p>
                </Alert>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-fg-muted">{f.quoteUpdating}</p>
          )}
        </div>
      </section>

      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          id={IDS.periodStart}
          label={f.periodStart}
          hint={f.periodHint}
          error={e.periodStart}
          name="periodStart"
          type="date"
          defaultValue={defaultStart}
        />
        <InputField
          id={IDS.periodEnd}
          label={f.periodEnd}
          error={e.periodEnd}
          name="periodEnd"
          type="date"
          defaultValue={defaultEnd}
        />
      </div>

      <TextAreaField
        id={IDS.abstract}
        label={f.abstract}
        hint={f.abstractHint}
        error={e.abstract}
        name="abstract"
        rows={4}
        maxLength={3000}
        defaultValue={initial?.abstract}
      />
      <TextAreaField
        id={IDS.justification}
        label={f.justification}
        hint={f.justificationHint}
        error={e.justification}
        name="justification"
        rows={6}
        maxLength={10000}
        defaultValue={initial?.justification}
      />
      <SelectField
        id={IDS.dataClassification}
        label={f.classification}
        hint={
          project
            ? f.classificationHint(t.classifications[project.classification] ?? "")
            : undefined
        }
        error={e.dataClassification}
        name="dataClassification"
        value={classification}
        onChange={(event) => setClassification(event.target.value as DataClassification)}
      >
        {CLASSIFICATIONS.filter(
          (value) =>
            !project || classificationRank(value) >= classificationRank(project.classification),
        ).map((value) => (
          <option key={value} value={value}>
            {t.classifications[value]} — {t.classificationHints[value]}
          </option>
        ))}
      </SelectField>

      {undertaking ? (
        <DeclaredAidFields state={declaredAid} onChange={setDeclaredAid} errors={e} />
      ) : null}

      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-4">
        <Button type="submit" busy={create.isPending || update.isPending}>
          {initial ? f.saveChanges : f.save}
        </Button>
        {quote.data && quoteKey ? (
          <p className="text-sm">
            {tp.applications.detail.submitLead(
              formatMoney(quote.data.totals.programmeShareMinor, quote.data.currency),
              formatMoney(quote.data.totals.tenantShareMinor, quote.data.currency),
            )}
          </p>
        ) : null}
      </div>
    </form>
  );
}
