/**
 * Strings of the training job, job template and operations pages, in British English. Kept
 * beside en.ts and en-programmes.ts so that a national language adds one file per area;
 * `WorkloadMessages` makes the compiler insist that a new locale is complete.
 */
const count = (value: number) => value.toLocaleString("en-GB");
const plural = (value: number, one: string, many: string) =>
  `${count(value)} ${value === 1 ? one : many}`;

export const enWorkloads = {
  nav: {
    jobs: "Jobs",
    jobTemplates: "Job templates",
    operations: "Operations",
  },
  status: {
    ACCEPTED: "Accepted",
    SUBMITTED: "Submitted",
    PENDING: "Pending",
    RUNNING: "Running",
    COMPLETED: "Completed",
    FAILED: "Failed",
    CANCELLED: "Cancelled",
    LOST: "Lost",
    REFUSED: "Refused",
  },
  reason: {
    accepted: "Recorded; it is being handed to the cluster.",
    cancelRequested: "Cancellation requested; the cluster is stopping it.",
    /** How a job ended, in one sentence, whatever the scheduler said. */
    final: {
      COMPLETED: "The job ended on its own.",
      FAILED: "The job ended with an error.",
      CANCELLED: "The job was cancelled and has stopped.",
      LOST: "The cluster no longer knows this job, so Tessera stopped following it and released what it did not use.",
      REFUSED: "The cluster refused the job; it never ran.",
    } as Record<string, string>,
    /** Tessera's own reasons, in words, as the timeline and the status show them. */
    words: {
      Accepted: "recorded by Tessera",
      CancelRequested: "cancellation requested",
      "Cancelled on request": "cancelled on request",
      "The cluster no longer knows this job": "the cluster no longer knows this job",
      NOT_STARTED: "the allocation is not valid yet",
      EXPIRED: "the allocation has expired",
      QUOTA: "not enough quota left on the allocation",
      CANCELLED: "cancelled",
      COMPLETED: "completed",
    } as Record<string, string>,
    waiting: "Waiting:",
    because: "Reason:",
    schedulerSays: (word: string) => `the scheduler says “${word}”`,
    /** Plain words for the scheduler reasons people meet most; others are shown as written. */
    known: {
      Resources: "waiting for enough free units on the cluster.",
      Priority: "other jobs are ahead in the queue.",
      AssocGrpGRES: "your organisation is using all the GPUs it may use at once on this cluster.",
      AssocGrpGRESMinutes: "your organisation's GPU time on this cluster is used up.",
      QOSMaxGRESPerUser: "the limit of GPUs per user on this cluster is reached.",
      ReqNodeNotAvail: "the nodes it needs are unavailable (maintenance or fault).",
      PartitionTimeLimit: "the walltime is longer than the cluster allows.",
      BeginTime: "it is not allowed to start yet.",
      Dependency: "it waits for another job to finish.",
      NonZeroExitCode: "the script ended with an error.",
      TimeLimit: "it reached its walltime and was stopped.",
      // How a job ended, in the scheduler's words for its final state.
      FAILED: "the script ended with an error; its exit code and output are on the job's page.",
      TIMEOUT: "it reached its walltime and was stopped.",
      OUT_OF_MEMORY: "it ran out of memory and was stopped.",
      NODE_FAIL: "a node it ran on failed; submit it again.",
      BOOT_FAIL: "a node it was given could not start; submit it again.",
      PREEMPTED: "the cluster stopped it to make room for other work.",
      DEADLINE: "it could not finish before its deadline.",
    } as Record<string, string>,
    /** Where a known reason reads differently on the job's own page (it points below, not to the page). */
    knownOnJobPage: {
      FAILED: "the script ended with an error; its exit code and output are below.",
    } as Record<string, string>,
  },
  list: {
    title: "Jobs",
    lead: "Training jobs your organisation runs on the national clusters, with the quota each one holds.",
    submit: "Submit a training job",
    notVerified: "Only verified organisations can launch jobs.",
    filter: "Show jobs",
    filters: { all: "All jobs", active: "Active", finished: "Finished" },
    emptyTitle: "No jobs yet",
    emptyBody:
      "Submit one from a template: pick an allocation, the units and the walltime, and see what it holds before it runs.",
    emptyReadOnly:
      "Members of your organisation can submit jobs; your role lets you follow them here.",
    emptyNoQuota:
      "Jobs run on quota from an allocation, and your organisation has no active allocation. Apply to a programme for GPU-hours first.",
    emptyActive: "No job is running or waiting right now.",
    emptyFinished: "No job has finished yet.",
    applyForAllocation: "Apply for an allocation",
    caption: "Training jobs",
    live: "This list updates by itself while jobs run.",
    settled: "Every job on this page has ended.",
    refreshFailed: "Could not fetch the latest state; trying again.",
    job: "Job and project",
    status: "Status",
    resources: "Resources",
    cluster: "Cluster",
    started: "Started",
    quota: "Quota",
    by: (name: string) => `by ${name}`,
    gpus: (quantity: number, className: string) => `${count(quantity)} × ${className}`,
    walltime: (duration: string) => `walltime ${duration}`,
    jurisdiction: (code: string) => `in ${code}`,
    backendId: (id: string) => `cluster job ${id}`,
    notStarted: "Not started",
    neverRan: "Did not run",
    runningFor: (duration: string) => `running for ${duration}`,
    ranFor: (duration: string) => `ran for ${duration}`,
    held: (amount: string) => `${amount} held`,
    consumed: (amount: string) => `${amount} used`,
    ofHeld: (amount: string) => `of ${amount} held`,
    released: "Hold released",
    /** A running job's use so far, as its page and Billing count it: "0.861 GPU-hours so far". */
    usedSoFar: (used: string) => `${used} so far`,
    costSoFar: (list: string) => `${list} so far (list price)`,
    soFarFailed: "What running jobs have used so far could not be loaded; trying again.",
    activeCount: (active: number, more: boolean) =>
      active === 0
        ? "No active jobs"
        : `${more ? `${count(active)}+` : count(active)} active ${active === 1 && !more ? "job" : "jobs"}`,
  },
  form: {
    title: "Submit a training job",
    lead: "Choose the allocation it draws on, how many units for how long, and what it runs. You see the quota it holds and where it will run before you submit.",
    noProjectsTitle: "Create a project first",
    noProjectsBody: "Every job belongs to a project, which says where its data may be processed.",
    createProject: "Create a project",
    noQuotaTitle: "No quota to run on",
    project: "Project",
    projectPlaceholder: "Choose a project",
    projectOption: (name: string, residency: string) => `${name} (data stays in ${residency})`,
    allocation: "Allocation",
    allocationPlaceholder: "Choose an allocation",
    /** The class first: a select cut short on a narrow screen still shows what was chosen. */
    lineOption: (award: string, className: string, remaining: string, validTo: string) =>
      `${className}: ${remaining} left, ends ${validTo} — ${award}`,
    lineHint: (remaining: string, validTo: string) =>
      `${remaining} left on this allocation, valid until ${validTo}.`,
    name: "Job name",
    nameHint: "For you and your colleagues; the cluster gets its own name for it.",
    quantity: (unit: string) => `Number of ${unit}s`,
    quantityHint: (max: number) => `From 1 to ${count(max)}.`,
    /** The limit of the chosen allocation line: its class's largest cluster. */
    quantityHintCluster: (max: number, className: string) =>
      `Up to ${count(max)} — the largest cluster that runs ${className} has ${count(max)}.`,
    /** The limit of the chosen allocation line when its clusters are larger than one job may be. */
    quantityHintPlatform: (max: number) => `Up to ${count(max)}, the most one job may use.`,
    /** How the number typed sits on nodes: "Runs as 2 nodes × 4 GPUs." */
    nodesAs: (shape: string) => `Runs as ${shape}.`,
    /** …when the clusters that could take it have different nodes. */
    nodesOn: (shapes: string[]) => `Runs as ${shapes.join("; ")}, depending on the cluster.`,
    nodesOnCluster: (shape: string, clusterName: string) => `${shape} on ${clusterName}`,
    noClusterTitle: "No cluster runs this class at the moment",
    noCluster: (className: string) =>
      `No cluster that runs training jobs offers ${className} right now, so no job can be submitted on this allocation. Choose another allocation, or contact the platform team to ask when ${className} will be available again.`,
    walltime: "Walltime",
    walltimeHint:
      "The longest the job may run; it is stopped after that. Quota for the whole walltime is held while it runs, and what it does not use is returned.",
    hours: "Hours",
    minutes: "Minutes",
    source: "What to run",
    fromTemplate: "From a template",
    ownScript: "My own batch script",
    template: "Template",
    templatePlaceholder: "Choose a template",
    image: "Container image",
    imageHint: "The image the job runs in, for example registry.example.org/team/trainer:1.4.",
    command: "Command",
    commandHint: "Runs inside the container on every node, for example python train.py --epochs 3.",
    commandHintPlain: "The command the script runs, for example python train.py --epochs 3.",
    showTemplateScript: "Show the script this template runs",
    templateScriptLabel: (name: string) => `Script of the template ${name}`,
    script: "Batch script",
    scriptHint:
      "Starts with an interpreter line such as #!/bin/bash. Tessera sets the units, walltime and account.",
    simSeconds: "Simulated run length, in seconds",
    simSecondsHint:
      "This job lands on the simulated cluster. Say how long it should pretend to run; empty uses a share of the walltime.",
    submit: "Submit job",
    required: {
      project: "Choose the project this job belongs to.",
      allocation: "Choose the allocation this job draws on.",
      name: "Enter a name for the job of at least 2 characters.",
      noCluster: (className: string) =>
        `No cluster runs ${className} right now; choose another allocation or contact the platform team.`,
      walltime: (min: string, max: string) =>
        `Enter a walltime from ${min} to ${max}, in whole hours and minutes (0–59).`,
      template: "Choose a template.",
      command: "Enter the command the template runs.",
      script: "Enter the batch script.",
      shebang: "The script must start with an interpreter line such as #!/bin/bash.",
      simSeconds: (max: string) =>
        `Enter the simulated run length as a whole number of seconds up to ${max}, or leave it empty.`,
    },
  },
  preview: {
    title: "Before you submit",
    incomplete:
      "Choose a project and an allocation, and enter the units and the walltime to see what this job holds and where it runs.",
    working: "Working out what this job holds…",
    updating: "Updating…",
    holds: (hold: string, remainingAfter: string) =>
      `This job will hold ${hold}; ${remainingAfter} remain after it.`,
    cost: (list: string, price: string, programme: string, tenant: string) =>
      `The hold is worth ${list} at list price (${price}): the programme pays ${programme} and the organisation pays ${tenant}. You are charged for what the job uses, never more than the hold.`,
    shortTitle: "Not enough quota",
    short: (hold: string, remaining: string, shortfall: string) =>
      `This job needs ${hold}, but only ${remaining} remain on this allocation (${shortfall} short). Ask for fewer units or a shorter walltime.`,
    placement: (cluster: string, jurisdiction: string) =>
      `It will run on ${cluster} (${jurisdiction}).`,
    /** "Only 7 GPUs of the 8 GPUs it asks for are free there now …". */
    waitsForUnits: (free: string, wanted: string) =>
      `Only ${free} of the ${wanted} it asks for are free there now (running and queued work has the rest): it waits in the cluster's queue until enough are free. Its quota is held from when you submit it.`,
    noneFree: (wanted: string) =>
      `None of the ${wanted} it asks for are free there now (running and queued work has them all): it waits in the cluster's queue until enough are free. Its quota is held from when you submit it.`,
    why: "Why:",
    noPlacementTitle: "No cluster can run this job",
    noPlacement: "No cluster may run this job.",
  },
  detail: {
    metaTitle: (name: string) => `Job ${name}`,
    lead: (project: string, cluster: string) => `Project ${project}, on ${cluster}.`,
    announce: (name: string, status: string) => `${name} is now ${status.toLowerCase()}.`,
    statusTitle: "Status",
    live: "This page follows the job by itself until it ends.",
    refreshFailed: "Could not fetch the latest state; trying again.",
    progress: (elapsed: string, walltime: string, percent: number) =>
      `Running for ${elapsed} of ${walltime} walltime (${percent}%).`,
    /** When Tessera recorded the job: the timeline's "Accepted" entry, not its hand-over. */
    created: "Accepted",
    started: "Started",
    ended: "Ended",
    ranFor: "Ran for",
    exitCode: "Exit code",
    noExitCode: "Not yet",
    /** When a job ended without an exit code of its own. */
    noFinalExitCode: {
      COMPLETED: "Not reported by the cluster",
      FAILED: "Not reported by the cluster",
      CANCELLED: "None — the job was stopped",
      LOST: "Unknown — the cluster lost the job",
      REFUSED: "None — the job never ran",
    } as Record<string, string>,
    resourcesTitle: "Resources",
    resources: "Units",
    nodes: "Nodes",
    walltime: "Walltime",
    project: "Project",
    backendId: "Cluster job id",
    noBackendId: "Not yet known",
    submittedBy: "Submitted by",
    template: "Template",
    image: "Container image",
    quotaTitle: "Quota",
    quota: {
      held: "Held",
      /** Once the job has ended it holds nothing: the figure is what it held while it ran. */
      heldWhileRunning: "Held while it ran",
      consumed: "Used",
      notYet: "Not yet settled",
      /** A running job's use so far, as Billing counts it: "0.861 GPU-hours so far, not yet settled". */
      usedSoFar: (used: string) => `${used} so far, not yet settled`,
      costSoFar: "Cost so far",
      costSoFarValue: (list: string) => `${list} so far (list price), not yet settled`,
      costSoFarShares: (programme: string, tenant: string) =>
        `The programme pays ${programme}, the organisation ${tenant} (before VAT).`,
      costSoFarNote:
        "Counted up to now and priced as Billing's charges so far price it: at the price in force when the job started, or when a billing month began if it has run into a new one. It settles when the job ends.",
      costSoFarLink: "Usage in Billing",
      costSoFarLoading: "Working out what it has used so far…",
      costSoFarFailed: "What it has used so far could not be loaded; the page will try again.",
      allocation: "Allocation",
      holding: (held: string) =>
        `${held} is held while the job runs; what it does not use returns to the allocation when it ends.`,
      settled: (used: string, returned: string) =>
        `Settled: ${used} used, ${returned} returned to the allocation.`,
      released: (held: string) => `Nothing ran, so the ${held} hold went back to the allocation.`,
    },
    placementTitle: "Where it runs and why",
    placement: {
      cluster: "Cluster",
      jurisdiction: "Jurisdiction",
      reason: "Why this cluster",
      caption: "Clusters considered for this job",
      free: "Free units",
      noFree: "Not applicable; the decision says why",
      /**
       * The clusters out of service (the catalogue's "In service" unticked) the table leaves out:
       * they take no new work.
       */
      retired: (n: number) =>
        `${plural(n, "cluster", "clusters")} out of service not considered: ${n === 1 ? "it takes" : "they take"} no new work.`,
      eligible: "Eligible",
      why: "Decision",
      chosen: "Chosen",
      unreadable:
        "The record of why this cluster was chosen cannot be read, so the clusters considered are not shown. The job itself is not affected.",
    },
    outputTitle: "Output",
    outputLabel: "Job output, last lines",
    outputLater: "Output appears here once the job has run.",
    noOutput: "The job left no output.",
    timelineTitle: "Timeline",
    timelineEmpty: "Nothing has happened yet.",
    scriptTitle: "Script",
    scriptLabel: "The script the job runs",
    cancel: {
      button: "Cancel job",
      title: (name: string) => `Cancel ${name}?`,
      bodyRunning:
        "The cluster stops the job now. Anything it has not written to storage (checkpoints, results) is lost.",
      bodyWaiting: "The job has not started; it is taken out of the queue and will not run.",
      quota: (held: string) =>
        `Of the ${held} it holds, what it has not used goes back to the allocation.`,
      confirm: "Cancel job",
      keep: "Keep the job",
      requested: "Cancellation requested. The job stops within a few seconds.",
    },
  },
  templates: {
    title: "Job templates",
    lead: "The starting points people pick when they submit a training job. The script is filled in with the job's values when it is submitted.",
    readOnly: "You can see the templates; operators change them.",
    empty: "No job template yet.",
    emptyManage: "No job template yet. Add the first one below.",
    caption: "Job templates",
    code: "Code",
    name: "Name",
    kind: "Kind",
    defaultImage: "Default image",
    status: "Status",
    updated: "Updated",
    edit: "Edit",
    editLink: (code: string) => `Edit ${code}`,
    newTitle: "Add a job template",
    editTitle: (code: string) => `Edit ${code}`,
    editPageTitle: "Edit job template",
    kinds: { PYTORCH_DDP: "PyTorch distributed (DDP)", BATCH: "Batch script" } as Record<
      string,
      string
    >,
    form: {
      code: "Code",
      codeHint:
        "Lower-case letters, digits and hyphens, for example pytorch-ddp. It cannot change later.",
      name: "Name",
      kind: "Kind",
      kindHint:
        "Distributed PyTorch templates ask for a container image; batch templates need not.",
      description: "Description",
      defaultImage: "Default container image",
      defaultImageHint: "Filled in for people; they may change it.",
      script: "Script",
      /** What the placeholders are filled with, for the template's kind. */
      scriptHint: {
        PYTORCH_DDP:
          "Starts with #!/bin/bash. Placeholders filled in on submit: {{image}}, {{command}}, {{gpus}} (the number of GPUs), {{nodes}} (the job's nodes), {{gpusPerNode}} (its GPUs on each node), {{jobName}}.",
        BATCH:
          "Starts with #!/bin/bash. Placeholders filled in on submit: {{command}}, {{jobName}}, {{image}} (empty without a default image) and {{gpus}}, the number of units the job asks for: CPU cores on a CPU line; {{nodes}} and {{gpusPerNode}} say how they sit on nodes.",
      },
      scriptDefault: `#!/bin/bash
set -euo pipefail

echo "Starting {{jobName}} on {{gpus}} GPUs"
{{command}}
`,
      active: "People may choose this template",
      create: "Add template",
      created: (code: string) => `Template ${code} added.`,
      saved: "Template saved.",
      required: {
        code: "Enter a code of 2 to 40 lower-case letters, digits and hyphens.",
        name: "Enter a name of at least 2 characters.",
        description: "Enter a description of at least 10 characters.",
        script: "The script must start with an interpreter line such as #!/bin/bash.",
      },
    },
  },
  operations: {
    title: "Operations",
    lead: "How work flows from the portal to the clusters: events waiting to be queued, queue depths, jobs and endpoints by status, and the jobs that gave up.",
    readOnly: "You can see the state of operations; operators re-drive and dismiss failed jobs.",
    outbox: {
      title: "Outbox backlog",
      waiting: (events: number) =>
        events === 0
          ? "Every recorded change has been handed to the queues."
          : `${plural(events, "change", "changes")} recorded but not yet handed to the queues.`,
      oldest: "Oldest waiting since",
      stuckTitle: "The relay may be stuck",
      stuck:
        "An event has waited for more than a minute. Check that a worker is running and can reach Redis.",
    },
    workloads: { jobs: "Training jobs by status", endpoints: "Inference endpoints by status" },
    queues: {
      title: "Queue depths",
      empty: "No queue has reported yet.",
      unreachable:
        "The queues cannot be read: Redis does not answer. Accepted work is safe in the outbox and is queued once Redis is back.",
      chartLabel: "Jobs in each queue",
      caption: "Jobs in each queue by state",
      asTable: "Queue depths as a table",
      queue: "Queue",
      waiting: "Waiting",
      active: "Active",
      delayed: "Delayed (scheduled sweeps and retries)",
      failed: "Failed",
      summary: (waiting: number, active: number, delayed: number, failed: number) =>
        `${count(waiting)} waiting · ${count(active)} active · ${count(delayed)} delayed · ${count(failed)} failed`,
      barLabel: (queue: string, summary: string) => `Queue ${queue}: ${summary}`,
      /** Each worker queue in plain words; the technical name stays in the test id. */
      names: {
        launch: "Launch jobs",
        cancel: "Cancel jobs",
        provision: "Set up organisations on clusters",
        endpoints: "Deploy and scale endpoints",
        reconcile: "Check clusters against Tessera",
        "tessera.housekeeping": "Housekeeping (scheduled sweeps)",
      } as Readonly<Record<string, string>>,
    },
    deadLetters: {
      title: "Dead letters",
      caption: "Queue jobs that used up their retries",
      empty: "No job has used up its retries.",
      emptyAll: "No job has ever used up its retries.",
      showResolved: "Show resolved",
      hideResolved: "Hide resolved",
      job: "Queue and job",
      payload: "Payload",
      error: "Last error",
      attempts: "Attempts",
      failedAt: "Failed",
      state: "State",
      actions: "Actions",
      open: "Open",
      resolved: "Resolved",
      redrive: "Re-drive",
      redriveLabel: (job: string) => `Re-drive ${job}`,
      redriven: "Queued again.",
      dismiss: "Dismiss",
      dismissLabel: (job: string) => `Dismiss ${job}`,
      dismissTitle: (job: string) => `Dismiss ${job}?`,
      dismissBody:
        "The job will not be retried. Its work stays undone unless someone submits it again. The reason is kept in the audit log.",
      dismissConfirm: "Dismiss",
      dismissed: "Dismissed.",
      reason: "Reason",
      reasonHint: "What was wrong, or why no retry is needed.",
      reasonRequired: "Enter a reason of at least 3 characters.",
    },
  },
  energy: {
    term: "Energy",
    notMetered: "Not metered yet",
    /** In the jobs list, where no heading says what is not metered. */
    notMeteredInList: "Energy not metered yet",
    /**
     * A running job's energy so far, estimated from its class's power draw as Billing's charges
     * so far estimate it: "≈ 3.0 kWh so far (estimated, not yet settled)".
     */
    soFar: (energy: string, basis: string) => `${energy} so far (${basis})`,
    /** The same in the jobs list, briefly: "≈ 3.0 kWh so far". */
    soFarInList: (energy: string) => `${energy} so far`,
  },
};

export type WorkloadMessages = typeof enWorkloads;
