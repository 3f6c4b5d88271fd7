"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, TextInput } from "@tessera/ui";
import { replicaNodeProblem, replicaUnitCeiling } from "@tessera/core/node-placement";
import { rateOf } from "@tessera/core/pricing";
import { InputField, QuestionFieldset, SelectField } from "@/components/form/fields";
import { FormProblems } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { formatHourlyRate, parseWholeNumber } from "@/components/programmes/format";
import { endpointLineLabel } from "@/components/workloads/line-labels";
import type { FormLine, FormOptions, FormProject } from "@/components/workloads/types";
import { te } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";
import { deployHoldText } from "./deploy-hold-text";
import { priceInputs, typedReplicas } from "./deploy-price-inputs";
import { lineShares } from "./line-shares";
import { MODEL_FIELD_ID, ModelPicker } from "./model-picker";
import type { DeployInput, ModelView, ServingRuntime } from "./types";

const IDS = {
  modelId: MODEL_FIELD_ID,
  projectId: "endpoint-project",
  allocationLineId: "endpoint-hardware",
  runtimeId: "endpoint-runtime",
  name: "endpoint-name",
  unitsPerReplica: "endpoint-units",
  minReplicas: "endpoint-min-replicas",
  maxReplicas: "endpoint-max-replicas",
  replicas: "endpoint-replicas",
  idleSecondsBeforeZero: "endpoint-idle",
  acceptedRestrictions: "endpoint-licence-accept",
} as const;

/** The idle time the form starts with: an endpoint left idle this long scales to zero. */
const DEFAULT_IDLE_MINUTES = 15;

export interface EndpointLimits {
  maxNameLength: number;
  maxReplicas: number;
  maxUnitsPerReplica: number;
  leaseSeconds: number;
  minIdleSeconds: number;
  maxIdleSeconds: number;
}

/** Where an endpoint of `projectId` on `line` would land, by placement's rule (form options). */
function reachOf(line: FormLine | undefined, projectId: string) {
  return line?.endpointReach.find((reach) => reach.projectId === projectId);
}

/**
 * In place of the price when no cluster may serve the project on the chosen class: why (in
 * placement's words, as the deploy would be refused) and what to do — another hardware tier that
 * can serve the project, and where the class does run.
 */
function NoCluster({
  line,
  project,
  lines,
}: {
  line: FormLine;
  project: FormProject;
  lines: readonly FormLine[];
}) {
  const f = te.form;
  const reach = reachOf(line, project.id);
  const others = lines.filter((other) => reachOf(other, project.id)?.clusterName);
  return (
    <Alert tone="warning" title={f.noCluster(project.name, line.resourceClass.name)}>
      <div className="space-y-1" data-testid="deploy-no-cluster">
        {reach?.problem ? (
          <p>
            {f.noClusterWhy} {reach.problem}
          </p>
        ) : null}
        <p>
          {others.length > 0
            ? f.noClusterOtherLines(others.map(endpointLineLabel).join("; "))
            : f.noClusterNoLine}
        </p>
        <p>
          {reach && reach.jurisdictions.length > 0
            ? f.noClusterElsewhere(reach.jurisdictions.join(", "))
            : f.noClusterNowhere}
        </p>
      </div>
    </Alert>
  );
}

/**
 * A model whose licence restricts its use: the restrictions in words and a box the deployer must
 * tick to say they read them and comply. The box is described by the text it accepts.
 */
function LicenceRestrictions({
  model,
  accepted,
  onAccept,
  error,
}: {
  model: ModelView & { restrictions: string };
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
  error?: string;
}) {
  const f = te.form;
  const textId = `${IDS.acceptedRestrictions}-text`;
  return (
    <QuestionFieldset
      id={`${IDS.acceptedRestrictions}-question`}
      legend={f.licenceTitle(model.name)}
      hint={f.licenceLead}
      error={error}
      className="space-y-2 rounded-lg border border-line p-4"
    >
      <p id={textId} className="whitespace-pre-line" data-testid="deploy-licence-restrictions">
        {model.restrictions}
      </p>
      <div className="flex items-start gap-2">
        <input
          id={IDS.acceptedRestrictions}
          type="checkbox"
          name="acceptedRestrictions"
          checked={accepted}
          onChange={(event) => onAccept(event.target.checked)}
          aria-describedby={textId}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 size-5 shrink-0"
        />
        <label htmlFor={IDS.acceptedRestrictions}>{f.licenceAccept}</label>
      </div>
    </QuestionFieldset>
  );
}

/** What an hour at the starting replicas is worth and who pays it, beside the deploy button. */
function PricePanel({
  line,
  project,
  lines,
  priced,
  leaseSeconds,
}: {
  line: FormLine | undefined;
  project: FormProject | undefined;
  lines: readonly FormLine[];
  priced: ReturnType<typeof priceInputs>;
  leaseSeconds: number;
}) {
  const f = te.form;
  let body;
  if (line && project && reachOf(line, project.id)?.clusterName === null)
    body = <NoCluster line={line} project={project} lines={lines} />;
  else if (!line) body = <p className="text-fg-muted">{f.priceIncomplete}</p>;
  else if ("problem" in priced)
    // No figure from inputs the deploy would refuse: what to fix instead.
    body = <p data-testid="deploy-price-fix">{priced.problem}</p>;
  else {
    const unitsRunning = priced.units * priced.replicas;
    const holdUnitSeconds = unitsRunning * leaseSeconds;
    // An hour's shares by the one pricing rule, to the thousandth of a cent, as the hardware
    // tier's per-unit shares are shown (lineShares): €0.595 each, not €0.60 and €0.59.
    const hour = rateOf(
      unitsRunning,
      line.listPriceMinorPerHour,
      line.subsidyRateBps,
      line.resourceClass.kind,
    );
    const money = (milliMinor: number) => formatHourlyRate(milliMinor, line.currency);
    const hold = deployHoldText(
      holdUnitSeconds,
      line.remainingUnitSeconds,
      line.resourceClass.unit,
    );
    body = (
      <div className="space-y-2">
        <p data-testid="deploy-cost">
          {f.pricePerHour(
            money(hour.listMilliMinor),
            money(hour.programmeShareMilliMinor),
            money(hour.tenantShareMilliMinor),
          )}
        </p>
        {hold.fits ? (
          <p data-testid="deploy-hold">{hold.text}</p>
        ) : (
          <Alert tone="danger" title={f.holdShortTitle}>
            {/* The deploy's own refusal, so the figures agree to the digit. */}
            <p data-testid="deploy-hold">{hold.text}</p>
          </Alert>
        )}
      </div>
    );
  }
  return (
    <section
      aria-labelledby="deploy-price-title"
      className="rounded-lg border border-line bg-surface-muted p-4"
      data-testid="deploy-price"
    >
      <h2 id="deploy-price-title" className="mb-2 font-semibold">
        {f.priceTitle}
      </h2>
      <div aria-live="polite">{body}</div>
    </section>
  );
}

/**
 * The deploy form: a catalogue model with its provenance, the project, the hardware tier (one of
 * the organisation's allocation lines, priced per hour with the programme's share beside it), a
 * runtime that runs on that hardware, replicas and the idle time before scaling to zero. A project
 * no cluster may serve on the chosen class is said in place of the price, by the server's own
 * placement rule, and stops the deploy; the server's other refusals (quota) come back in its words
 * in the error summary; deploying opens the endpoint's page.
 */
export function EndpointForm({
  organizationId,
  options,
  initialProjectId,
  catalogue,
  runtimes,
  limits,
}: {
  organizationId: string;
  options: FormOptions;
  /** The project chosen when the form opens (one of options.projects). */
  initialProjectId?: string;
  catalogue: readonly ModelView[];
  runtimes: readonly ServingRuntime[];
  limits: EndpointLimits;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const f = te.form;
  const feedback = useFormFeedback(IDS);
  const [modelId, setModelId] = useState("");
  // The model whose licence restrictions the box was ticked for: another model unticks it.
  const [acceptedModelId, setAcceptedModelId] = useState<string | null>(null);
  const [projectId, setProjectId] = useState(
    initialProjectId ?? (options.projects.length === 1 ? (options.projects[0]?.id ?? "") : ""),
  );
  const [lineId, setLineId] = useState(
    options.lines.length === 1 ? (options.lines[0]?.allocationLineId ?? "") : "",
  );
  const [runtimeId, setRuntimeId] = useState("");
  const [units, setUnits] = useState("1");
  const [replicas, setReplicas] = useState({ min: "0", max: "2", start: "1" });

  const line = options.lines.find((l) => l.allocationLineId === lineId);
  const project = options.projects.find((p) => p.id === projectId);
  const servesProject = (option: FormLine) =>
    !project || !!reachOf(option, project.id)?.clusterName;
  const minCount = parseWholeNumber(replicas.min);
  // An endpoint with a minimum of 1 or more never scales to zero: its idle time would not apply.
  const keepsRunning = minCount !== null && minCount >= 1;
  const unit = line?.resourceClass.unit ?? "GPU";
  const fitting = runtimes.filter(
    (runtime) => !line || runtime.resourceKinds.includes(line.resourceClass.kind),
  );
  const runtime = fitting.find((r) => r.id === runtimeId);
  const model = catalogue.find((m) => m.id === modelId);
  const restricted = model?.restrictions ? { ...model, restrictions: model.restrictions } : null;
  const accepted = !!restricted && acceptedModelId === restricted.id;

  // The clusters that serve the line's class: a replica must fit on one of their nodes.
  const clusters = line?.endpointClusters ?? [];
  const priced = priceInputs({ units, ...replicas }, limits, unit, clusters);
  const unitCount = parseWholeNumber(units);
  // Said as the person types (the server refuses the deploy in the same words).
  const nodeProblem =
    unitCount !== null && unitCount >= 1 ? replicaNodeProblem(unitCount, clusters, unit) : null;

  const deploy = useMutation(
    trpc.endpoints.deploy.mutationOptions({
      onSuccess: (created) => router.push(routes.endpoint(organizationId, created.id)),
      onError: (error) => {
        feedback.showError(error);
        // The restrictions changed since the page was loaded: show them as they stand now, to be
        // read and accepted again.
        if (error.data?.fieldErrors?.acceptedRestrictions) {
          setAcceptedModelId(null);
          router.refresh();
        }
      },
    }),
  );

  function validate(form: FormData): DeployInput | null {
    const checks = formChecks(IDS);
    const name = formText(form, "name").trim();
    // The units and replicas by the server's own rule, each problem beside its field.
    const size = typedReplicas({ units, ...replicas }, limits, unit, clusters);
    const idleText = keepsRunning ? "" : formText(form, "idleMinutes").trim();
    const idleMinutes = idleText ? parseWholeNumber(idleText) : null;
    if (!modelId) checks.add("modelId", f.required.model);
    else if (restricted && !accepted)
      checks.add("acceptedRestrictions", f.required.licence(restricted.name));
    if (!projectId) checks.add("projectId", f.required.project);
    if (!line) checks.add("allocationLineId", f.required.hardware);
    else if (!servesProject(line))
      checks.add("allocationLineId", f.required.noCluster(line.resourceClass.name));
    if (!runtime) checks.add("runtimeId", f.required.runtime);
    // Characters as the server counts them (code points), with something readable in them.
    const nameLength = [...name].length;
    if (nameLength < 2 || nameLength > limits.maxNameLength || !/[\p{L}\p{N}]/u.test(name))
      checks.add("name", f.required.name(limits.maxNameLength));
    for (const problem of size.problems) checks.add(problem.field, problem.message);
    const idleSeconds = idleMinutes === null ? null : idleMinutes * 60;
    if (
      idleText &&
      (idleSeconds === null ||
        idleSeconds < limits.minIdleSeconds ||
        idleSeconds > limits.maxIdleSeconds)
    )
      checks.add("idleSecondsBeforeZero", f.required.idle);
    if (!feedback.start(checks.errors)) return null;
    if (!line || !runtime || !size.shape) return null;
    return {
      organizationId,
      name,
      projectId,
      allocationLineId: line.allocationLineId,
      modelId,
      runtimeId: runtime.id,
      ...size.shape,
      idleSecondsBeforeZero: idleSeconds,
      acceptedRestrictions: restricted ? restricted.restrictions : null,
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = validate(new FormData(event.currentTarget));
    if (input) deploy.mutate(input);
  }

  const e = feedback.errors.fields;
  const shares = line ? lineShares(line) : null;
  const replicaField = (
    key: keyof typeof replicas,
    field: "minReplicas" | "maxReplicas" | "replicas",
    label: string,
  ) => (
    <label className="block w-28 space-y-1" htmlFor={IDS[field]}>
      <span className="block text-sm">{label}</span>
      <TextInput
        id={IDS[field]}
        name={key}
        inputMode="numeric"
        value={replicas[key]}
        onChange={(event) => setReplicas({ ...replicas, [key]: event.target.value })}
        invalid={!!e[field]}
      />
    </label>
  );
  // The group says each of its problems; the input at fault is the one marked invalid.
  const replicasError =
    [e.minReplicas, e.maxReplicas, e.replicas].filter(Boolean).join(" ") || undefined;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label={f.label}>
      <FormProblems errors={feedback.errors} />
      <ModelPicker
        organizationId={organizationId}
        catalogue={catalogue}
        value={modelId}
        onChange={setModelId}
        error={e.modelId}
      />
      {restricted ? (
        <LicenceRestrictions
          model={restricted}
          accepted={accepted}
          onAccept={(ticked) => setAcceptedModelId(ticked ? restricted.id : null)}
          error={e.acceptedRestrictions}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
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
              {project.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={IDS.allocationLineId}
          label={f.hardware}
          hint={shares ? f.lineShareHint(shares.price, shares.programme, shares.tenant) : undefined}
          error={e.allocationLineId}
          name="allocationLineId"
          value={lineId}
          onChange={(event) => {
            setLineId(event.target.value);
            setRuntimeId("");
          }}
        >
          <option value="">{f.hardwarePlaceholder}</option>
          {options.lines.map((option) => (
            <option key={option.allocationLineId} value={option.allocationLineId}>
              {servesProject(option)
                ? endpointLineLabel(option)
                : f.noClusterOption(endpointLineLabel(option))}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={IDS.runtimeId}
          label={f.runtime}
          hint={f.runtimeHint}
          error={e.runtimeId}
          name="runtimeId"
          value={runtime ? runtimeId : ""}
          onChange={(event) => setRuntimeId(event.target.value)}
        >
          <option value="">{f.runtimePlaceholder}</option>
          {fitting.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </SelectField>
        <InputField
          id={IDS.name}
          label={f.name}
          hint={f.nameHint(limits.maxNameLength)}
          error={e.name}
          name="name"
          maxLength={limits.maxNameLength}
          autoComplete="off"
        />
        <InputField
          id={IDS.unitsPerReplica}
          label={f.units(unit)}
          hint={
            <>
              {/* Up to the largest node that serves the line, which the node rule allows. */}
              {f.unitsHint(replicaUnitCeiling(clusters, limits.maxUnitsPerReplica))}
              {/* Polite and live, so a screen reader hears it; not said twice beside the error. */}
              <span aria-live="polite" data-testid="endpoint-units-node">
                {nodeProblem && !e.unitsPerReplica ? (
                  <span className="block font-semibold">{nodeProblem}</span>
                ) : null}
              </span>
            </>
          }
          error={e.unitsPerReplica}
          name="unitsPerReplica"
          inputMode="numeric"
          value={units}
          onChange={(event) => setUnits(event.target.value)}
          className="max-w-32"
        />
        <InputField
          id={IDS.idleSecondsBeforeZero}
          label={f.idle}
          hint={keepsRunning ? f.idleKept : f.idleHint(DEFAULT_IDLE_MINUTES)}
          error={e.idleSecondsBeforeZero}
          optional
          disabled={keepsRunning}
          name="idleMinutes"
          inputMode="numeric"
          defaultValue={String(DEFAULT_IDLE_MINUTES)}
          className="max-w-32"
        />
      </div>
      <QuestionFieldset
        id={IDS.minReplicas}
        legend={f.replicas}
        hint={f.replicasHint(limits.maxReplicas)}
        error={replicasError}
        className="space-y-1"
      >
        <div className="flex flex-wrap gap-3">
          {replicaField("min", "minReplicas", f.minReplicas)}
          {replicaField("max", "maxReplicas", f.maxReplicas)}
          {replicaField("start", "replicas", f.startReplicas)}
        </div>
      </QuestionFieldset>
      <PricePanel
        line={line}
        project={project}
        lines={options.lines}
        priced={priced}
        leaseSeconds={limits.leaseSeconds}
      />
      <Button type="submit" busy={deploy.isPending}>
        {f.submit}
      </Button>
    </form>
  );
}
