"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { jobQuantityProblem } from "@tessera/core/job-quantity-rules";
import {
  describeNodeShape,
  jobSizeOnClusters,
  type JobSizeOnClusters,
} from "@tessera/core/node-placement";
import { Alert, Button, TextInput } from "@tessera/ui";
import { InputField, QuestionFieldset, SelectField } from "@/components/form/fields";
import { FormProblems } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { parseWholeNumber } from "@/components/programmes/format";
import { useDebounced } from "@/components/programmes/use-debounced";
import { formatDate, tw } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { NO_ERRORS, type FormErrors } from "@/lib/form-errors";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";
import { formatDuration, formatQuota, walltimeSeconds } from "./format";
import { JobPreview } from "./job-preview";
import { jobLineLabel } from "./line-labels";
import { JobSourceFields, SOURCE_IDS, type SourceType } from "./job-source-fields";
import { previewRequestOf, type PreviewShape } from "./preview-request";
import type { FormLine, FormOptions, SubmitInput } from "./types";

const IDS = {
  projectId: "job-project",
  allocationLineId: "job-allocation",
  name: "job-name",
  quantity: "job-quantity",
  walltimeSeconds: "job-hours",
  minutes: "job-minutes",
  simSeconds: "job-sim-seconds",
  ...SOURCE_IDS,
} as const;

/**
 * What the quantity field says of its limit: the chosen line's (its class's largest cluster, or
 * the platform's limit when that is smaller), or the platform's while no line is chosen.
 */
function quantityHint(line: FormLine | undefined, platformMax: number): string | undefined {
  const f = tw.form;
  if (!line) return f.quantityHint(platformMax);
  const max = line.maxQuantity;
  if (max >= platformMax) return f.quantityHintPlatform(max);
  return max > 0 ? f.quantityHintCluster(max, line.resourceClass.name) : undefined;
}

/** "Runs as 2 nodes × 4 GPUs." — or per cluster when their nodes differ; null when none is known. */
function nodesSentence(fit: JobSizeOnClusters, unit: string): string | null {
  const f = tw.form;
  const distinct = [...new Set(fit.shapes.map((shape) => describeNodeShape(shape, unit)))];
  if (distinct.length === 0) return null;
  if (distinct.length === 1) return f.nodesAs(distinct[0]!);
  return f.nodesOn(
    fit.shapes.map((shape) => f.nodesOnCluster(describeNodeShape(shape, unit), shape.clusterName)),
  );
}

/**
 * The quantity field's hint: its limit, then, as the person types, how the number sits on the
 * clusters' nodes or — when no cluster's nodes take it — the sizes that do. That part is a polite
 * live region, so a screen reader hears it change; once submitting has put the refusal on the
 * field as its error, the hint does not say it twice.
 */
function QuantityHint({
  limit,
  fit,
  unit,
  errorShown,
}: {
  limit: string | undefined;
  fit: JobSizeOnClusters | null;
  unit: string;
  errorShown: boolean;
}) {
  const live = fit ? (fit.problem ?? nodesSentence(fit, unit)) : null;
  const said = live && !(errorShown && fit?.problem) ? live : null;
  if (!limit && !said) return null;
  return (
    <>
      {limit}
      <span aria-live="polite" data-testid="job-nodes">
        {said ? (
          <span className={fit?.problem ? "block font-semibold" : "block"}>{said}</span>
        ) : null}
      </span>
    </>
  );
}

/**
 * The training job form: project, allocation line, name, how many units for how long, and what
 * runs (a template or an own script). The number of units stops at the largest cluster that runs
 * the line's class; a line no cluster runs says so and cannot be submitted. While the person
 * types, the server previews the quota the job would hold and the cluster it would land on;
 * submitting opens the job's page.
 */
export function JobForm({
  organizationId,
  options,
}: {
  organizationId: string;
  options: FormOptions;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const f = tw.form;
  const [projectId, setProjectId] = useState(
    options.projects.length === 1 ? (options.projects[0]?.id ?? "") : "",
  );
  const [lineId, setLineId] = useState(
    options.lines.length === 1 ? (options.lines[0]?.allocationLineId ?? "") : "",
  );
  const [quantity, setQuantity] = useState("1");
  const [hours, setHours] = useState("1");
  const [minutes, setMinutes] = useState("0");
  const [sourceType, setSourceType] = useState<SourceType>(
    options.templates.length > 0 ? "template" : "script",
  );
  const [templateId, setTemplateId] = useState(options.templates[0]?.id ?? "");
  const feedback = useFormFeedback({
    ...IDS,
    source: sourceType === "template" ? IDS.template : IDS.script,
  });

  const line = options.lines.find((l) => l.allocationLineId === lineId);
  const unit = line?.resourceClass.unit ?? "unit";
  const platformMax = options.limits.maxQuantity;
  const noCluster = line !== undefined && line.maxQuantity === 0;
  const count = parseWholeNumber(quantity);
  const quantityClass = { name: line?.resourceClass.name ?? "", unit };
  // How the number typed sits on nodes, from the clusters that run the line's class; the server
  // refuses a size no cluster's nodes take with the same sentence.
  const nodeFit =
    line && count !== null && count >= 1
      ? jobSizeOnClusters(count, line.jobClusters, quantityClass, platformMax)
      : null;
  const walltime = walltimeSeconds(hours, minutes);
  // Asked only for a shape the form finds valid: what it finds wrong is said in the preview.
  const previewRequest = previewRequestOf({
    projectId,
    line,
    quantity: count,
    walltimeSeconds: walltime,
    limits: options.limits,
    nodeProblem: nodeFit?.problem,
  });
  const previewKey = previewRequest.kind === "ready" ? previewRequest.key : "";
  const settledKey = useDebounced(previewKey, 400);
  const previewInput = settledKey
    ? {
        organizationId,
        ...(JSON.parse(settledKey) as PreviewShape),
      }
    : { organizationId, projectId: "", allocationLineId: "", quantity: 1, walltimeSeconds: 60 };
  const preview = useQuery(
    trpc.workloads.preview.queryOptions(previewInput, {
      enabled: settledKey !== "",
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
  );
  const previewPending = previewKey !== "" && (previewKey !== settledKey || preview.isFetching);
  const simulated = previewKey !== "" && preview.data?.placement?.kind === "SIM";
  // Where no cluster may run what is typed now, what submitting would be told and which field
  // it concerns: the project when only its data rules stand in the way, else the allocation.
  const current =
    !previewPending && previewKey !== "" && !preview.isPlaceholderData ? preview.data : undefined;
  const refusal = current?.placementProblem
    ? {
        field: current.placementRefusedForData
          ? ("projectId" as const)
          : ("allocationLineId" as const),
        message: current.placementProblem,
      }
    : null;

  const submit = useMutation(
    trpc.workloads.submit.mutationOptions({
      onSuccess: (created) => {
        router.push(routes.job(organizationId, created.id));
      },
      onError: (error) => feedback.showError(error),
    }),
  );

  function validate(form: FormData): { input: SubmitInput | null; checked: FormErrors } {
    const checks = formChecks(IDS);
    const name = formText(form, "name").trim();
    if (!projectId) checks.add("projectId", f.required.project);
    if (!line) checks.add("allocationLineId", f.required.allocation);
    else if (noCluster)
      checks.add("allocationLineId", f.required.noCluster(line.resourceClass.name));
    else if (refusal)
      // The preview of this very shape found no cluster: the submit would be refused in its words.
      checks.add(refusal.field, refusal.message);
    if (name.length < 2) checks.add("name", f.required.name);
    // The API refuses with the same sentence, in the chosen class's unit.
    const quantityProblem = noCluster
      ? null
      : (jobQuantityProblem(count, quantityClass, {
          max: line?.maxQuantity ?? platformMax,
          platformMax,
        }) ??
        nodeFit?.problem ??
        null);
    if (quantityProblem) checks.add("quantity", quantityProblem);
    const { minWalltimeSeconds, maxWalltimeSeconds, maxSimSeconds } = options.limits;
    if (walltime === null || walltime < minWalltimeSeconds || walltime > maxWalltimeSeconds)
      checks.add(
        "walltimeSeconds",
        f.required.walltime(formatDuration(minWalltimeSeconds), formatDuration(maxWalltimeSeconds)),
      );
    let source: SubmitInput["source"] | null = null;
    if (sourceType === "template") {
      const command = formText(form, "command").trim();
      const image = formText(form, "image").trim();
      if (!templateId) checks.add("templateId", f.required.template, IDS.template);
      else if (!command) checks.add("command", f.required.command);
      else source = { type: "template", templateId, command, ...(image ? { image } : {}) };
    } else {
      const script = formText(form, "script");
      if (!script.trim()) checks.add("script", f.required.script);
      else if (!script.startsWith("#!")) checks.add("script", f.required.shebang);
      else source = { type: "script", script };
    }
    let simSeconds: number | undefined;
    if (simulated && formText(form, "simSeconds").trim()) {
      const value = parseWholeNumber(formText(form, "simSeconds"));
      if (!value || value < 1 || value > maxSimSeconds)
        checks.add("simSeconds", f.required.simSeconds(formatDuration(maxSimSeconds)));
      else simSeconds = value;
    }
    if (checks.errors.problems.length || !source || !count || walltime === null)
      return { input: null, checked: checks.errors };
    return {
      input: {
        organizationId,
        projectId,
        allocationLineId: lineId,
        name,
        quantity: count,
        walltimeSeconds: walltime,
        source,
        ...(simSeconds ? { simSeconds } : {}),
      },
      checked: NO_ERRORS,
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, checked } = validate(new FormData(event.currentTarget));
    feedback.start(checked);
    if (input) submit.mutate(input);
  }

  const e = feedback.errors.fields;
  const lineHint = line
    ? f.lineHint(
        formatQuota(line.remainingUnitSeconds, line.resourceClass.unit),
        formatDate(line.validTo),
      )
    : undefined;
  const walltimeHint = f.walltimeHint;
  const limitHint = quantityHint(line, platformMax);
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label={tw.form.title}>
      <FormProblems errors={feedback.errors} />
      {/* min-w-0 on each cell: a grid item is as wide as its content by default (a long
          allocation name would widen the column past a narrow screen). */}
      <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
        <SelectField
          id={IDS.projectId}
          label={f.project}
          error={e.projectId}
          name="projectId"
          value={projectId}
          onChange={(event) => setProjectId(event.target.value)}
        >
          <option value="">{f.projectPlaceholder}</option>
          {options.projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.residency ? f.projectOption(project.name, project.residency) : project.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={IDS.allocationLineId}
          label={f.allocation}
          hint={lineHint}
          error={e.allocationLineId}
          // The whole width: the chosen line (class, hours left, programme) reads in full.
          fieldClassName="sm:col-span-2"
          name="allocationLineId"
          value={lineId}
          onChange={(event) => {
            setLineId(event.target.value);
            // Another line asks in another unit, up to another limit: checked again on submit.
            feedback.clear("allocationLineId", "quantity");
          }}
        >
          <option value="">{f.allocationPlaceholder}</option>
          {options.lines.map((option) => (
            <option key={option.allocationLineId} value={option.allocationLineId}>
              {jobLineLabel(option)}
            </option>
          ))}
        </SelectField>
        {line && noCluster ? (
          <Alert tone="warning" title={f.noClusterTitle} className="sm:col-span-2">
            <p data-testid="no-cluster">{f.noCluster(line.resourceClass.name)}</p>
            {line.noClusterReason ? (
              <p className="mt-1 text-fg-muted">
                {tw.preview.why} {line.noClusterReason}
              </p>
            ) : null}
          </Alert>
        ) : null}
        <InputField
          id={IDS.name}
          label={f.name}
          hint={f.nameHint}
          error={e.name}
          fieldClassName="sm:col-span-2"
          name="name"
          maxLength={120}
          autoComplete="off"
        />
        <InputField
          id={IDS.quantity}
          label={f.quantity(unit)}
          hint={
            limitHint || nodeFit ? (
              <QuantityHint limit={limitHint} fit={nodeFit} unit={unit} errorShown={!!e.quantity} />
            ) : undefined
          }
          error={e.quantity}
          name="quantity"
          inputMode="numeric"
          value={quantity}
          onChange={(event) => {
            setQuantity(event.target.value);
            feedback.clear("quantity");
          }}
          className="max-w-32"
        />
        <QuestionFieldset
          id={IDS.walltimeSeconds}
          legend={f.walltime}
          hint={walltimeHint}
          error={e.walltimeSeconds}
          className="space-y-1"
        >
          <div className="flex flex-wrap gap-3">
            <label className="block w-28 space-y-1" htmlFor={IDS.walltimeSeconds}>
              <span className="block text-sm">{f.hours}</span>
              <TextInput
                id={IDS.walltimeSeconds}
                name="hours"
                inputMode="numeric"
                value={hours}
                onChange={(event) => {
                  setHours(event.target.value);
                  feedback.clear("walltimeSeconds");
                }}
                invalid={!!e.walltimeSeconds}
              />
            </label>
            <label className="block w-28 space-y-1" htmlFor={IDS.minutes}>
              <span className="block text-sm">{f.minutes}</span>
              <TextInput
                id={IDS.minutes}
                name="minutes"
                inputMode="numeric"
                value={minutes}
                onChange={(event) => {
                  setMinutes(event.target.value);
                  feedback.clear("walltimeSeconds");
                }}
                invalid={!!e.walltimeSeconds}
              />
            </label>
          </div>
        </QuestionFieldset>
      </div>

      <JobSourceFields
        templates={options.templates}
        sourceType={sourceType}
        onSourceType={setSourceType}
        templateId={templateId}
        onTemplate={setTemplateId}
        errors={e}
      />

      {simulated ? (
        <InputField
          id={IDS.simSeconds}
          label={f.simSeconds}
          hint={f.simSecondsHint}
          error={e.simSeconds}
          optional
          name="simSeconds"
          inputMode="numeric"
          className="max-w-32"
        />
      ) : null}

      <JobPreview
        preview={preview.data}
        unit={unit}
        pending={previewPending}
        error={preview.error}
        ready={previewRequest.kind !== "incomplete"}
        problem={previewRequest.kind === "invalid" ? previewRequest.problem : null}
      />
      <Button type="submit" busy={submit.isPending} disabled={noCluster}>
        {f.submit}
      </Button>
    </form>
  );
}
