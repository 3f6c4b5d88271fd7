/**
 * Strings of the inference endpoint and model catalogue pages, in British English. Kept beside
 * en-workloads.ts so that a national language adds one file per area; `EndpointMessages` makes
 * the compiler insist that a new locale is complete.
 */
import type { ScaleRange } from "@tessera/core/replica-rules";

const count = (value: number) => value.toLocaleString("en-GB");
const plural = (value: number, one: string, many: string) =>
  `${count(value)} ${value === 1 ? one : many}`;
/** The replicas a scale may ask for (scaleRangeOf): "1 to 2", or "2" when there is one choice. */
const span = ({ from, to }: ScaleRange, joiner: string) =>
  from === to ? count(from) : `${count(from)}${joiner}${count(to)}`;

export const enEndpoints = {
  nav: {
    endpoints: "Endpoints",
    models: "Models",
    clusterEndpoints: "Endpoints by cluster",
  },
  status: {
    ACCEPTED: "Accepted",
    DEPLOYING: "Deploying",
    READY: "Ready",
    SCALED_TO_ZERO: "Scaled to zero",
    DEGRADED: "Degraded",
    FAILED: "Failed",
    DELETING: "Deleting",
    DELETED: "Deleted",
  },
  /** One sentence per state, shown under the badge when the backend gave no reason. */
  statusLine: {
    ACCEPTED: "Recorded with its quota hold; it is being handed to the cluster.",
    DEPLOYING: "The cluster is starting its replicas.",
    READY: "Serving requests.",
    SCALED_TO_ZERO:
      "No replicas run and it holds no quota; the next request through the gateway wakes it, or wake it here.",
    DEGRADED: "Fewer replicas are ready than wanted.",
    FAILED: "The cluster cannot run it.",
    DELETING: "Being removed from the cluster.",
    DELETED: "Removed from the cluster.",
  },
  reason: {
    because: "Reason:",
    /** Tessera's own reason keys, in words, as the timeline and the status show them. */
    words: {
      Accepted: "recorded by Tessera, quota held",
      Applied: "handed to the cluster",
      ScaleRequested: "a change of replicas was requested",
      ScaleToZeroRequested: "scaling to zero was requested",
      DeleteRequested: "deletion was requested",
      Deleted: "removed from the cluster",
      Repaired: "re-applied by the reconciler",
      QuotaExhausted: "the allocation could not cover another lease window",
      QUOTA: "not enough quota left on the allocation",
    } as Record<string, string>,
  },
  list: {
    title: "Endpoints",
    lead: "Models this organisation serves over an OpenAI-compatible address, with what they hold.",
    deploy: "Deploy a model",
    caption: "The organisation's inference endpoints",
    name: "Endpoint",
    model: "Model",
    status: "Status",
    replicas: "Replicas",
    hardware: "Hardware",
    created: "Created",
    replicasReady: (ready: number, desired: number) => `${count(ready)} of ${count(desired)} ready`,
    perReplica: (units: number, className: string) => `${count(units)} × ${className} per replica`,
    by: (name: string) => `by ${name}`,
    live: "This list follows the endpoints by itself while any is changing.",
    settled: "Every endpoint is settled.",
    refreshFailed: "The list could not be refreshed; it will try again.",
    emptyTitle: "No endpoints yet",
    emptyBody:
      "Deploy a model from the catalogue: pick the model and its hardware, and Tessera gives you an address to call.",
    emptyReadOnly: "A member of the organisation can deploy a model from the catalogue.",
    emptyNoQuota:
      "An endpoint runs on an allocation. Apply to a programme for compute first, then deploy a model here.",
    notVerified:
      "The organisation is not verified yet: endpoints can be deployed once the platform has verified it.",
  },
  form: {
    title: "Deploy a model",
    lead: "Choose a model from the catalogue, where it runs, and how it scales. The hold and its price are shown before you deploy.",
    label: "Deploy an inference endpoint",
    model: "Model",
    modelsCaption: "Catalogue models",
    filters: "Filter the catalogue",
    openness: "Openness",
    anyOpenness: "Any openness",
    licence: "Licence",
    anyLicence: "Any licence",
    noModels: "No model in the catalogue matches these filters.",
    chooseModel: (name: string) => `Choose ${name}`,
    provenance: "Provenance",
    runtime: "Serving runtime",
    runtimePlaceholder: "Choose a runtime",
    runtimeHint: "Only runtimes that run on the chosen hardware are offered.",
    project: "Project",
    projectPlaceholder: "Choose a project",
    hardware: "Hardware tier",
    hardwarePlaceholder: "Choose an allocation line",
    /** The award's title first: two awards of the same class differ there, and in what is left. */
    hardwareOption: (
      award: string,
      className: string,
      remaining: string,
      validTo: string,
      price: string,
    ) => `${award} — ${className}, ${remaining} left, ends ${validTo} (${price})`,
    name: "Endpoint name",
    nameHint: (max: number) => `Shown in lists and on the timeline; 2 to ${max} characters.`,
    units: (unit: string) => `${unit}s per replica`,
    unitsHint: (max: number) => `From 1 to ${max}.`,
    replicas: "Replicas",
    minReplicas: "Minimum",
    maxReplicas: "Maximum",
    startReplicas: "Start with",
    replicasHint: (max: number) =>
      `Minimum 0 or more, maximum at most ${max}; it starts with at least one replica.`,
    idle: "Idle time before scaling to zero, in minutes",
    /** The field comes filled with the default: the hint says what that does, and how to keep it up. */
    idleHint: (minutes: number) =>
      `By default it scales to zero after ${minutes} minutes idle; empty the field to keep it running. While scaled to zero it holds no quota; waking it takes a moment.`,
    idleKept:
      "With a minimum of 1 or more it never scales to zero, so no idle time applies: set the minimum to 0 to use one.",
    submit: "Deploy endpoint",
    priceTitle: "What it holds and costs",
    priceIncomplete: "Choose the hardware and the replicas to see the hold and its price.",
    /** A problem with the size (in the server's words, checkReplicas) said in the price box. */
    priceFix: (problem: string) =>
      `No price yet: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`,
    pricePerHour: (list: string, programme: string, tenant: string) =>
      `Each hour at the starting replicas is worth ${list} at list price: the programme pays ${programme} and the organisation pays ${tenant}.`,
    hold: (held: string, remainingAfter: string) =>
      `Deploying holds ${held} for the first hour; ${remainingAfter} remain after it.`,
    holdShortTitle: "Not enough quota",
    lineShareHint: (price: string, programme: string, tenant: string) =>
      `${price}; the programme pays ${programme}, the organisation ${tenant}.`,
    required: {
      model: "Choose a model from the catalogue.",
      runtime: "Choose a serving runtime.",
      project: "Choose the project the endpoint belongs to.",
      hardware: "Choose the allocation line the endpoint runs on.",
      name: (max: number) =>
        `Enter a name of 2 to ${max} characters, with at least one letter or digit.`,
      idle: "Enter whole minutes from 1 to 10,080 (7 days), or leave it empty.",
      noCluster: (className: string) =>
        `No cluster may serve this project on ${className}: choose another hardware tier or project.`,
      licence: (model: string) =>
        `Tick the box to confirm you have read the licence restrictions of ${model} and your use complies with them.`,
    },
    licenceTitle: (model: string) => `Licence restrictions of ${model}`,
    licenceLead:
      "Tessera cannot check these restrictions for you. Deploying records that you accepted them, in the audit log.",
    licenceAccept:
      "I have read the licence restrictions and our use of this model complies with them",
    noProjectsTitle: "Create a project first",
    noProjectsBody: "An endpoint belongs to a project, so that its data rules apply to it.",
    createProject: "Create a project",
    noQuotaTitle: "No allocation to deploy on",
    noCluster: (project: string, className: string) =>
      `No cluster may serve ${project} on ${className}, so nothing would be held or charged: the deploy would be refused.`,
    noClusterWhy: "Why:",
    noClusterOtherLines: (tiers: string) =>
      `Choose another hardware tier that can serve this project: ${tiers}.`,
    noClusterNoLine:
      "None of the organisation's hardware tiers can serve this project: choose another project.",
    noClusterElsewhere: (jurisdictions: string) =>
      `Endpoints on this hardware run in ${jurisdictions}; a project whose residency and data classification allow that could use it.`,
    noClusterNowhere: "No cluster serves endpoints on this hardware at all.",
    noClusterOption: (label: string) => `${label} — cannot serve this project`,
  },
  openness: {
    OPEN_SCIENCE: "Open science",
    OPEN_TOOLING: "Open tooling",
    OPEN_MODEL: "Open model",
    WEIGHTS_AVAILABLE: "Weights available",
  },
  opennessHint: {
    OPEN_SCIENCE: "Weights, training data and training code are open.",
    OPEN_TOOLING: "Weights and code are open; not all data.",
    OPEN_MODEL: "Weights and architecture under an open licence.",
    WEIGHTS_AVAILABLE: "Weights can be downloaded under terms that are not an open licence.",
  },
  provenance: {
    family: "Family",
    parameters: "Parameters",
    licence: "Licence (SPDX)",
    openness: "Openness",
    digest: "Weights digest (sha256)",
    openParts: "Open",
    weights: "weights",
    data: "training data",
    code: "training code",
    nothingOpen: "nothing beyond the weights' terms",
    restrictions: "Restrictions",
    noRestrictions: "None recorded",
    source: "Source",
    pipeline: "Pipeline",
    trainedHere: (job: string) => `Trained on Tessera by job ${job}`,
    trainedElsewhere: "Trained outside Tessera",
    parametersValue: (value: string) => Number(value).toLocaleString("en-GB"),
    /** A parameter count in brief, with its unit, where no "Parameters" label stands beside it. */
    parametersBrief: (value: string) => {
      const count = Number(value);
      const [scale, suffix] =
        count >= 1e9
          ? [1e9, " B"]
          : count >= 1e6
            ? [1e6, " M"]
            : count >= 1e3
              ? [1e3, " K"]
              : [1, ""];
      const figure = (count / scale).toLocaleString("en-GB", { maximumFractionDigits: 1 });
      return `${figure}${suffix} ${count === 1 ? "parameter" : "parameters"}`;
    },
  },
  detail: {
    metaTitle: (name: string) => `${name} — endpoint`,
    lead: (model: string, cluster: string) => `${model} on ${cluster}`,
    statusTitle: "Status",
    live: "This page follows the endpoint by itself while it is changing.",
    refreshFailed: "The page could not be refreshed; it will try again.",
    announce: (name: string, status: string) => `${name} is now ${status.toLowerCase()}.`,
    replicas: "Replicas",
    replicasValue: (ready: number, desired: number) =>
      `${count(ready)} ready of ${count(desired)} wanted`,
    bounds: (range: ScaleRange) =>
      `${range.from === range.to ? "runs" : "scales between"} ${span(range, " and ")}${range.toZero ? " while it runs; its minimum is zero, so it can also scale to zero" : ""}`,
    idle: "Scale to zero",
    idleAfter: (duration: string) => `after ${duration} idle`,
    idleNever: "Never on its own",
    idleKept: (min: number) =>
      `Never: it keeps at least ${plural(min, "replica", "replicas")} running (its minimum)`,
    hardware: "Hardware",
    runtime: "Serving runtime",
    project: "Project",
    cluster: "Cluster",
    createdBy: "Deployed by",
    created: "Created",
    backendId: "Name on the cluster",
    noBackendId: "Not yet known",
    quotaTitle: "Quota",
    costTitle: "What it costs",
    costHour: "An hour now",
    costHourValue: (replicas: number, list: string) =>
      `${list} at ${plural(replicas, "replica", "replicas")} (list price)`,
    costAtZero: (zero: string) =>
      `${zero} an hour: it is scaled to zero, so no replica runs. It costs again from when it wakes.`,
    costNotRunning: (zero: string) =>
      `${zero} an hour: it has stopped or been deleted, so no replica runs.`,
    costShares: (programme: string, tenant: string) =>
      `The programme pays ${programme}, the organisation ${tenant}.`,
    /** The window it runs in is at the price before a change; its next window at today's. */
    costHourUntilNextWindow: (now: string, next: string, at: string) =>
      `${now} until its next lease window (about ${at}), then ${next}: the price changed, and each window is billed at the price in force when it opens`,
    costSharesThen: (
      programme: string,
      tenant: string,
      nextProgramme: string,
      nextTenant: string,
    ) =>
      `The programme pays ${programme}, the organisation ${tenant}; from its next window ${nextProgramme} and ${nextTenant}.`,
    costMonth: "This month so far",
    costMonthValue: (list: string, since: string) => `${list} since ${since} (list price)`,
    costMonthShares: (programme: string, tenant: string) =>
      `The programme pays ${programme}, the organisation ${tenant} (before VAT).`,
    costAccruing: (quantity: string) =>
      `Includes ${quantity} of running time not yet settled: counted up to now and priced as it will be billed.`,
    costMonthHidden: "Your role cannot see the organisation's charges.",
    costBilling: "All charges so far",
    costLoading: "Working out what it costs…",
    costFailed: "What it costs could not be loaded; the page will try again.",
    held: "Held now",
    nothingHeld: "Nothing",
    consumed: "Settled so far",
    notYet: "Nothing settled yet",
    holding: (lease: string) =>
      `A running endpoint holds its replicas for a lease window of ${lease}, renewed while it runs and settled to what actually ran.`,
    released: "Nothing is held: scaled to zero, an endpoint holds no quota.",
    releasedStopping:
      "Nothing is held: asked to scale to zero, it holds no quota from that moment, while its replicas stop.",
    releasedEnded: "Nothing is held any more: its hold went back to the allocation.",
    accessTitle: "Call it",
    baseUrl: "Gateway base URL",
    modelName: "Model",
    keyNeeded: (variable: string) =>
      `Call it through the gateway with one of the organisation's API keys, kept in ${variable}; the gateway checks the key and records each call for billing.`,
    keysLink: "Create an API key",
    noUrl: "You can call it through the gateway once the cluster has started the endpoint.",
    example: "Example request",
    exampleLabel: "Example curl request",
    copy: "Copy example",
    copied: "Example copied.",
    copyFailed: "Could not copy; select the text and copy it.",
    exampleNote:
      "The simulated cluster's model server is a simulator: its answers are made-up text, not a model's.",
    chartTitle: "Replicas over time",
    timelineTitle: "Timeline",
    timelineEmpty: "Nothing has happened yet.",
    modelTitle: "Model",
  },
  chart: {
    label: (summary: string) => `Replicas over time: ${summary}`,
    /** "Over the last 24 h: at most 2 ready; now 1 ready of 1 wanted; 4 changes." */
    summary: (
      span: string,
      peakReady: number,
      lastReady: number,
      lastDesired: number,
      changes: number,
    ) =>
      `Over the last ${span}: at most ${count(peakReady)} ready; now ${count(lastReady)} ready of ${count(lastDesired)} wanted; ${plural(changes, "change", "changes")}.`,
    endedSummary: (span: string, peakReady: number, changes: number) =>
      `Over its last ${span}, until it ended: at most ${count(peakReady)} ready; ${plural(changes, "change", "changes")}.`,
    empty: "No replica counts yet: they appear once the cluster reports the endpoint.",
    now: "Now",
    ready: "Ready",
    desired: "Wanted",
    asTable: "Show as a table",
    caption: "Replica counts as they changed, latest first",
    at: "Time",
  },
  actions: {
    title: "Change it",
    scaleLabel: "Replicas",
    scaleHint: (range: ScaleRange) =>
      `${range.from === range.to ? "Only" : "From"} ${span(range, " to ")}${range.toZero ? "; to stop it, scale it to zero" : ""}.`,
    scale: "Scale",
    scaling: (ready: number, desired: number) =>
      `Scaling to ${plural(desired, "replica", "replicas")}: ${count(ready)} ready.`,
    scaled: (replicas: number) =>
      `Scaled to ${plural(replicas, "replica", "replicas")}: all ready.`,
    scalePrice: (replicas: number, list: string, tenant: string) =>
      `At ${plural(replicas, "replica", "replicas")}: ${list} an hour at list price, of which the organisation pays ${tenant}.`,
    scaleChange: (change: string, more: boolean) =>
      `That is ${change} an hour ${more ? "more" : "less"} for the organisation than now.`,
    scaleSame: "The same as now.",
    deleteCost: (tenant: string) => `It stops costing the organisation ${tenant} an hour.`,
    scaleInvalid: (range: ScaleRange) =>
      range.from === range.to
        ? `Enter ${count(range.from)}.`
        : `Enter a whole number from ${span(range, " to ")}.`,
    stop: "Scale to zero",
    stopTitle: (name: string) => `Scale ${name} to zero?`,
    stopBody:
      "Its replicas stop and its address stops answering until you wake it. While at zero it holds no quota: what it has not used goes back to the allocation.",
    stopping: (running: number) =>
      `Scaling to zero: ${plural(running, "replica is", "replicas are")} still running.`,
    stopped:
      "Scaled to zero — no replicas run and it holds no quota; it wakes on the next request.",
    noStop: (min: number) =>
      `Scaling to zero is not offered: this endpoint keeps at least ${plural(min, "replica", "replicas")} running (its minimum), and its idle time does not apply. An endpoint deployed with a minimum of 0 can scale to zero; to stop this one, delete it.`,
    wake: "Wake",
    waking: (ready: number, desired: number) =>
      `Waking: ${count(ready)} of ${plural(desired, "replica", "replicas")} ready.`,
    woken: (ready: number) => `Awake: ${plural(ready, "replica", "replicas")} serving.`,
    delete: "Delete endpoint",
    deleteTitle: (name: string) => `Delete ${name}?`,
    deleteBody:
      "The endpoint is removed from the cluster and its address stops answering for good. This cannot be undone.",
    deleteHold: (held: string) =>
      `Its hold of ${held} is released: what it used is settled and the rest goes back to the allocation.`,
    deleteNoHold: "It holds no quota now, so nothing more is released.",
    deleteConfirm: "Delete endpoint",
    keep: "Keep it",
    deleting: "Deleting: it is being removed from the cluster.",
    deleted: "Deleted: removed from the cluster, and its hold went back to the allocation.",
    notLive: "An endpoint that has failed or been deleted cannot be changed.",
  },
  models: {
    title: "Model catalogue",
    lead: "The open models tenants can deploy, with their provenance: licence, openness, weights digest and restrictions.",
    readOnly: "You can look at the catalogue; operators register models.",
    caption: "Registered models",
    empty: "No models are registered yet.",
    name: "Model",
    licence: "Licence",
    openness: "Openness",
    open: "Open parts",
    digest: "Weights digest",
    active: "Available",
    newTitle: "Register a model",
    tokenTier: "Shared as",
    fallbackValue: (model: string) => `falls back to ${model}`,
    notShared: "Not shared",
    sharing: {
      title: "Token tier and fallback",
      lead: "A model with a token tier can be served by the platform's shared endpoints: calls through the gateway draw on the caller's tokens of that tier. When those are spent, and the caller's key allows it, a call falls back to the fallback model.",
      model: "Model",
      modelPlaceholder: "Choose a model",
      tier: "Token tier",
      tierHint: "A tokens class from the catalogue.",
      noTiers: "The catalogue has no tokens class yet: add one under Catalogue first.",
      noTier: "None (not shared)",
      fallback: "Fallback model",
      fallbackHint: "An active model with a token tier of its own, a different one.",
      noFallback: "None",
      submit: "Save tier and fallback",
      saved: (name: string) => `Token tier and fallback of ${name} saved.`,
      required: { model: "Choose the model to change." },
    },
    form: {
      name: "Name clients call",
      nameHint: "Letters, digits and . _ / - (for example org/model-1b-instruct).",
      family: "Family",
      parameters: "Parameter count",
      parametersHint: "A whole number, for example 494032768.",
      licence: "Licence (SPDX id)",
      licenceHint: "For example Apache-2.0, MIT, or LicenseRef-… for other terms.",
      digest: "Weights digest (sha256)",
      digestHint: "64 hexadecimal digits.",
      openness: "Openness class",
      sourceUrl: "Source address",
      sourceHint: "An https:// address where the weights and their card are published.",
      restrictions: "Export or residency restrictions",
      restrictionsHint: "In words; leave empty when there are none.",
      trainedBy: "Trained by a Tessera job",
      trainedByHint:
        "The id of the completed training job that produced these weights (the last part of the job page's address). Leave empty for a model trained elsewhere.",
      openParts: "What is open",
      weightsOpen: "Weights",
      dataOpen: "Training data",
      codeOpen: "Training code",
      submit: "Register model",
      created: (name: string) => `${name} is in the catalogue.`,
      required: {
        name: "Enter the name clients call: letters, digits and . _ / -, at least 2 characters.",
        family: "Enter the model's family.",
        parameters: "Enter the parameter count as a whole number of at least 1.",
        licence: "Enter the licence as an SPDX id (e.g. Apache-2.0).",
        digest: "The weights digest is a sha256: 64 hexadecimal digits.",
        sourceUrl: "The source is an https:// address.",
        trainedBy: "A job id is letters, digits, _ and - only.",
      },
    },
  },
  clusters: {
    title: "Endpoints by cluster",
    lead: "Every organisation's live inference endpoints, grouped by the cluster that runs them.",
    empty: "No endpoints are running on any cluster.",
    caption: (cluster: string) => `Endpoints on ${cluster}`,
    organisation: "Organisation",
    count: (n: number) => plural(n, "endpoint", "endpoints"),
    kind: (kind: string, jurisdiction: string) => `${kind} · ${jurisdiction}`,
    shared: "Shared",
    sharing: {
      sharedWith: (tier: string) => `Shared with holders of ${tier}`,
      private: "Its organisation only",
      noTier: "Its model has no token tier",
      share: "Share",
      stop: "Stop sharing",
      shareLabel: (name: string) => `Share ${name}`,
      stopLabel: (name: string) => `Stop sharing ${name}`,
      shareTitle: (name: string) => `Share ${name}?`,
      stopTitle: (name: string) => `Stop sharing ${name}?`,
      shareBody: (tier: string) =>
        `The gateway will serve it to every organisation holding tokens of ${tier}, and their calls will draw on those tokens.`,
      stopBody: (tier: string) =>
        `Organisations holding tokens of ${tier} will no longer be served by it; calls go to the tier's other shared endpoints, if any.`,
      shareConfirm: "Yes, share it",
      stopConfirm: "Yes, stop sharing",
    },
  },
};

export type EndpointMessages = typeof enEndpoints;
