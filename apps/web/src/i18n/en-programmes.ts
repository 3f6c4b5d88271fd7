/**
 * Strings of the programme pages (catalogue, programmes, applications, reviews, allocations,
 * notifications), in British English. Kept beside en.ts so that a national language adds one
 * file per area; `ProgrammeMessages` makes the compiler insist that a new locale is complete.
 */
import { tokensReturn } from "./en-home";

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** What stands in for the review count when no reviewer was ever assigned. */
const noReviewsYet = (status: string) =>
  status === "APPROVED" || status === "REJECTED"
    ? "Decided without reviews"
    : status === "WITHDRAWN"
      ? "Withdrawn before any review"
      : "No reviewers yet";

export const enProgrammes = {
  nav: {
    programmes: "Programmes",
    applications: "Applications",
    allocations: "Allocations",
    myReviews: "My reviews",
    programmesAdmin: "Programmes (admin)",
    catalogue: "Catalogue",
    notifications: "Notifications",
    notificationsUnread: (count: number) =>
      count === 0 ? "Notifications" : `Notifications (${count} unread)`,
    programmesSection: "Programmes and reviews",
    unread: "unread",
  },
  status: {
    application: {
      DRAFT: "Draft",
      SUBMITTED: "Submitted",
      UNDER_REVIEW: "Under review",
      CHANGES_REQUESTED: "Changes requested",
      APPROVED: "Approved",
      REJECTED: "Rejected",
      WITHDRAWN: "Withdrawn",
    },
    call: { UPCOMING: "Upcoming", OPEN: "Open", CLOSED: "Closed" },
    allocation: { UPCOMING: "Not yet valid", ACTIVE: "Active", EXPIRED: "Expired" },
    expiresSoon: "Expires soon",
    review: {
      PENDING: "To review",
      SCORED: "Scored",
      CONFLICT: "Conflict",
      ON_HOLD: "Back with the applicant",
      CLOSED: "Closed before you scored",
    },
    eligible: "Eligible",
    notEligible: "Not eligible",
    overLimit: "Over its limit",
    active: "Active",
    retired: "Retired",
    notConnected: "Not connected",
    notConnectedTitle: "Tessera cannot reach this cluster's scheduler",
    notConnectedBody:
      "It has no scheduler endpoint, so no job is placed on it and the worker leaves it alone. Add its slurmrestd address under Details to connect it.",
    unread: "Unread",
  },
  resourceKinds: {
    GPU: "GPU",
    MIG: "MIG slice",
    CPU: "CPU",
    TOKENS: "Tokens of a shared model tier",
  } as Record<string, string>,
  clusterKinds: { SLURM: "Slurm", KUBERNETES: "Kubernetes", SIM: "Simulated" } as Record<
    string,
    string
  >,
  money: {
    /** "NVIDIA H100 80 GB was quoted at €2.95 per GPU-hour and is €3.50 per GPU-hour now". */
    repricedClass: (name: string, quoted: string, now: string) =>
      `${name} was quoted at ${quoted} and is ${now} now`,
    listValue: "List value",
    programmeShare: "Programme pays",
    tenantShare: "Organisation pays",
    total: "Total",
    hours: "Hours",
    quantity: "Quantity",
    side: "Requested or granted",
    requested: "Requested",
    granted: "Granted",
    totalRequested: "Total requested",
    totalGranted: "Total granted",
    requestedAmount: (amount: string) => `${amount} requested`,
    grantedAmount: (amount: string) => `${amount} granted`,
    perHour: (price: string, unit: string) => `${price} per ${unit}-hour`,
    awardCaption:
      "Compute requested and granted, with the list value, the programme's share and the organisation's share",
    requestCaption:
      "Compute requested, with the list value, the programme's share and the organisation's share",
    rate: (rate: string) => `The programme pays ${rate} of the list price.`,
    requestedValue: (list: string, programme: string, tenant: string) =>
      `Requested value ${list}: the programme pays ${programme}, the organisation pays ${tenant}.`,
    grantedValue: (list: string, programme: string, tenant: string) =>
      `Granted value ${list}: the programme pays ${programme}, the organisation pays ${tenant}.`,
    rateWithBps: (rate: string, bps: string) => `${rate} (${bps} basis points)`,
  },
  programmes: {
    title: "Programmes",
    lead: "Public programmes that pay part of your compute. Check whether your organisation is eligible, then apply.",
    forOrganisation: "Show eligibility for",
    show: "Show",
    noOrganisation:
      "Eligibility depends on your organisation. Create or join an organisation to apply.",
    createOrganisation: "Create an organisation",
    noOrganisationProgrammeAdmin:
      "As a programme administrator you run programmes rather than apply to them: applications come from organisations. Manage your programmes, their calls and the applications made to them in Programmes (admin).",
    manageProgrammes: "Programmes (admin)",
    emptyTitle: "No programme is open right now",
    emptyBody:
      "Programmes open calls for applications a few times a year. Come back later, or ask the programme team when the next call opens.",
    sponsor: "Sponsor",
    subsidy: "Subsidy",
    budgetLeft: "Budget left",
    yourCap: "Your organisation's limit left",
    eligibleKinds: "Open to",
    eligibleCountries: "Countries",
    everyKind: "Every kind of organisation",
    anyCountry: "Any country",
    calls: "Calls",
    openCall: (name: string, closes: string) => `${name} is open until ${closes}.`,
    upcomingCall: (name: string, opens: string) => `${name} opens on ${opens}.`,
    noOpenCall: "No call is open; the next one is listed below.",
    apply: "Apply",
    applyTo: (name: string) => `Apply to ${name}`,
    whyNot: "Why your organisation cannot apply",
    notVerifiedHint: "Only verified organisations can apply.",
    readOnlyRole: "Your role in this organisation cannot write applications.",
  },
  applications: {
    title: "Applications",
    lead: "Applications for subsidised compute from your organisation, newest first.",
    newTitle: "New application",
    newLead:
      "Ask a programme for compute for one of your projects. The quote updates as you type: it shows what the programme pays and what your organisation pays.",
    editTitle: "Edit application",
    editMetaTitle: (title: string) => `Edit application: ${title}`,
    editLead: "Change the application, then save it. Submitting happens on the application's page.",
    new: "New application",
    tableCaption: "Applications of the organisation",
    filterStatus: "Status",
    allStatuses: "All statuses",
    titleColumn: "Application",
    programme: "Programme",
    project: "Project",
    requested: "Requested (list value)",
    programmePays: "Programme pays",
    status: "Status",
    updated: "Updated",
    emptyTitle: "No applications yet",
    emptyBody: "Find an open programme and apply for compute for one of your projects.",
    emptyFiltered: "No applications have this status.",
    findProgramme: "Find a programme",
    notVerified:
      "Your organisation must be verified before it can apply. You can look at programmes in the meantime.",
    readOnly: "Your role can see applications but not write them.",
    noProjectsTitle: "Create a project first",
    noProjectsBody: "An application asks for compute for one of your organisation's projects.",
    createProject: "Create a project",
    noProgrammesTitle: "No programme is open right now",
    noProgrammesBody: "You can apply when a programme opens a call.",
    form: {
      project: "Project",
      projectPlaceholder: "Choose a project",
      programme: "Programme",
      programmePlaceholder: "Choose a programme",
      programmeFixed: "The programme of an application cannot be changed.",
      programmeOption: (name: string, eligible: boolean) =>
        eligible ? name : `${name} — not eligible`,
      programmeIneligibleHint: "Programmes marked not eligible cannot be chosen:",
      programmeIneligible: "Your organisation cannot apply to this programme",
      programmeIneligibleError: (name: string) =>
        `Your organisation is not eligible for ${name}. Choose another programme.`,
      overLimitTitle: "More than your organisation's limit",
      overLimit: (share: string, left: string, cap: string, over: string) =>
        `The programme would pay ${share}, but only ${left} is left of its ${cap} limit for your organisation. Ask for ${over} less of programme share (at most ${left}), or the programme can grant only part of it.`,
      call: "Call",
      callPlaceholder: "Choose a call",
      callHint: "Drafts can be saved for an upcoming call; you can submit once it opens.",
      callOption: (name: string, state: string, dates: string) => `${name} (${state}, ${dates})`,
      title: "Title",
      titleHint: "A short name for the work, as reviewers will see it.",
      lines: "Compute requested",
      linesGranted: "Compute requested and granted",
      linesHint:
        "One line per resource class. Hours are unit-hours: 2 GPUs for 10 hours is 20 GPU-hours. Tokens of a shared model are requested in millions of tokens.",
      resourceClass: (n: number) => `Resource class, line ${n}`,
      resourceClassPlaceholder: "Choose a resource class",
      /** "GPU-hours, line 1", "Millions of tokens, line 2"; "Quantity, line 1" before a class is chosen. */
      quantity: (units: string | null, n: number) =>
        units
          ? `${units.charAt(0).toUpperCase()}${units.slice(1)}, line ${n}`
          : `Quantity, line ${n}`,
      millionTokensHint: "2 means 2,000,000 tokens.",
      removeLine: (n: number) => `Remove line ${n}`,
      addLine: "Add another resource class",
      periodStart: "Start date",
      periodEnd: "End date",
      periodHint: "Dates are in UTC. The allocation is valid from the start date to the end date.",
      abstract: "Abstract",
      abstractHint:
        "What you will do, in plain words (20 to 3,000 characters). Reviewers read this first.",
      justification: "Justification",
      justificationHint:
        "Why you need this much compute: model sizes, data, number of runs (20 to 10,000 characters).",
      classification: "Data classification",
      classificationHint: (project: string) =>
        `At least the project's own classification (${project}).`,
      save: "Save draft",
      saveChanges: "Save changes",
      saved: "Draft saved.",
      quoteTitle: "Quote",
      quoteLead:
        "Prices per unit-hour (per million tokens for a shared model) at today's list prices.",
      quoteEmpty: "Choose a resource class and a quantity to see the quote.",
      quoteWaits: (problem: string) =>
        `A line is left out of the quote until it is corrected. ${problem}`,
      quoteUpdating: "Updating the quote…",
      quoteCaption: "Quote for the requested compute",
      quoteLine: "Resource class",
      quoteHours: "Quantity",
      quotePrice: "Price",
      required: {
        projectId: "Choose a project.",
        programmeId: "Choose a programme.",
        callId: "Choose a call.",
        title: "Enter a title of at least 3 characters.",
        abstract: "Enter an abstract of at least 20 characters.",
        justification: "Enter a justification of at least 20 characters.",
        periodStart: "Enter the start date.",
        periodEnd: "Enter the end date.",
        periodOrder: "The end date must be after the start date.",
        lineClass: (n: number) => `Choose the resource class of line ${n}.`,
        lineQuantity: "Choose the resource class, then enter a whole number of at least 1.",
        lineDuplicate: (n: number) =>
          `Line ${n} repeats a resource class; request each class once.`,
      },
    },
    detail: {
      summary: "Summary",
      programme: "Programme",
      call: "Call",
      project: "Project",
      period: "Period",
      classification: "Data classification",
      createdBy: "Drafted by",
      submittedBy: "Submitted by",
      firstSubmitted: "First submitted",
      decided: "Decided",
      organisation: "Organisation",
      abstract: "Abstract",
      justification: "Justification",
      lines: "Compute requested",
      linesGranted: "Compute requested and granted",
      linesCaption: "Requested compute, priced",
      resourceClass: "Resource class",
      requestedHours: "Requested",
      grantedHours: "Granted",
      totals: "Total",
      granted: "Granted",
      grantedTotals: (list: string, programme: string, tenant: string) =>
        `Granted: ${list} list value — the programme pays ${programme}, your organisation pays ${tenant}.`,
      timeline: "History",
      timelineEmpty: "Nothing has happened yet.",
      eventBy: (name: string) => `by ${name}`,
      system: "Tessera",
      event: {
        created: "Draft created",
        DRAFT: "Returned to draft",
        SUBMITTED: "Submitted",
        RESUBMITTED: "Resubmitted with changes",
        UNDER_REVIEW: "Review started",
        CHANGES_REQUESTED: "Changes requested",
        APPROVED: "Approved",
        REJECTED: "Rejected",
        WITHDRAWN: "Withdrawn",
      },
      decisionNote: {
        CHANGES_REQUESTED: "The programme asks for changes",
        REJECTED: "Reason for rejection",
        APPROVED: "Note from the programme",
      } as Record<string, string>,
      changesHint: "Edit the application to answer, then resubmit it.",
      allocation: "Allocation",
      allocationValid: (from: string, to: string) => `Valid from ${from} to ${to}.`,
      viewAllocation: "View allocations",
      actions: "What you can do",
      noActions: "Nothing more can be done with this application.",
      edit: "Edit application",
      answerChanges: "Edit to answer the changes",
      submit: "Submit application",
      resubmit: "Resubmit application",
      submitLead: (programme: string, tenant: string) =>
        `If approved as requested, the programme pays ${programme} and your organisation pays ${tenant}.`,
      submitted: "Application submitted. The programme team will review it.",
      withdraw: "Withdraw application",
      withdrawTitle: (title: string) => `Withdraw “${title}”?`,
      withdrawBody:
        "The application stops here: reviewers stop reviewing it and it cannot be submitted again. You can start a new application later.",
      withdrawReason: "Reason for withdrawing",
      withdrawReasonHint: "Optional. The programme team sees it.",
      withdrawConfirm: "Yes, withdraw",
      withdrawn: "Application withdrawn.",
      readOnly: "Your role can see this application but not change it.",
    },
  },
  allocations: {
    title: "Allocations",
    lead: "Compute awarded to your organisation: what was granted, what is held by running work, what was used and what is left.",
    emptyTitle: "No allocations yet",
    emptyBody: "An allocation appears here when a programme approves one of your applications.",
    viewApplications: "View applications",
    activeOnly: "Active only",
    all: "All",
    filter: "Show",
    application: "Application",
    validity: "Valid",
    validRange: (from: string, to: string) => `${from} to ${to}`,
    expiresOn: (date: string) => `Expires on ${date}. Use the remaining hours before then.`,
    expiredOn: (date: string) => `Expired on ${date}. No new work can draw on it.`,
    startsOn: (date: string) => `Becomes valid on ${date}.`,
    /** Names one allocation among several of the same programme (regions need unique labels). */
    name: (programme: string, application: string, from: string, to: string) =>
      `the ${programme} allocation for “${application}” (${from} to ${to})`,
    caption: (allocation: string) => `Quota lines of ${allocation}`,
    pricingCaption: (allocation: string) =>
      `Compute requested and granted in ${allocation}, with the list value, the programme's share and the organisation's share`,
    resourceClass: "Resource class",
    granted: "Granted",
    held: "Held",
    consumed: "Used",
    remaining: "Remaining",
    usage: "Usage",
    narrowSummary: (remaining: string, consumed: string) => `${remaining} left · ${consumed} used`,
    usageLabel: (consumed: string, held: string, granted: string) =>
      `${consumed} used and ${held} held of ${granted}`,
    unsettled: (quantity: string, resourceClass: string) =>
      `Used on ${resourceClass} includes ${quantity} your API calls have used in the last few minutes, as Billing counts them. They are still being settled from the gateway's block of tokens; only its unused part is shown as held.`,
    value: (list: string, programme: string, tenant: string) =>
      `Granted value ${list}: the programme pays ${programme}, your organisation pays ${tenant}.`,
    repriced: (classes: string, rate: string, programme: string) =>
      `${classes}. The value above is at the quoted prices; use is billed at the price in force when it runs. The programme pays ${rate} of each use until its ${programme} share of this award is drawn; after that your organisation pays the whole.`,
    heldFor: (resourceClass: string) => `What holds ${resourceClass}`,
    holderKind: {
      TRAINING_JOB: "job, until it ends",
      INFERENCE_ENDPOINT: "endpoint, the time ahead of its replicas",
    } as const,
    otherHolds: "Other holds",
    holdersRounding: (partsRead: string, held: string) =>
      `Each is rounded to the thousandth of an hour on its own, as its page shows it, so together they read ${partsRead}; ${held} are held in all.`,
    tokensHeld: (quantity: string, resourceClass: string) =>
      `Held on ${resourceClass}: ${quantity} reserved by the gateway for your organisation's next API calls. Only those calls draw on them, so they are counted in Remaining too; ${tokensReturn}.`,
  },
  admin: {
    title: "Programmes (admin)",
    lead: "The programmes you run: budgets, calls, applications and decisions.",
    new: "New programme",
    search: "Search",
    searchHint: "Programme name or sponsor",
    searchSubmit: "Search",
    tableCaption: "Programmes",
    name: "Programme",
    openCall: "Call",
    budget: "Budget",
    awarded: "Awarded",
    applicationCount: "Applications",
    noCall: "No call open",
    emptyTitle: "No programmes yet",
    emptyBody: "Create a programme with a budget, a subsidy rate and a first call.",
    emptySearch: "No programme matches.",
    budgetUsed: (awarded: string, budget: string) => `${awarded} awarded of ${budget}`,
  },
  programmeForm: {
    title: "New programme",
    lead: "Set the budget and the subsidy rate, who may apply, and the calls during which they may apply.",
    basics: "The programme",
    name: "Name",
    sponsor: "Sponsor",
    sponsorHint: "The ministry or agency that funds it.",
    description: "Description",
    descriptionHint:
      "What the programme funds and for whom (at least 10 characters). Applicants see this.",
    money: "Budget and subsidy",
    currency: "Currency",
    currencyHint: "Cannot be changed later.",
    budget: "Budget",
    budgetHint: "The most the programme will pay across all awards, for example 2,000,000.00.",
    rate: "Subsidy rate (%)",
    rateHint: "The share of the list price the programme pays, for example 70 for 70%.",
    rateShown: (rate: string, bps: string) => `${rate} = ${bps} basis points`,
    cap: "Limit per organisation",
    capHint: "The most one organisation may be awarded; at most the budget.",
    eligibility: "Who may apply",
    kinds: "Kinds of organisation",
    kindsHint: "Tick none to open the programme to every kind.",
    countries: "Countries",
    countriesHint:
      "Two-letter country codes separated by commas, for example DE, FR, IT. Leave empty for any country.",
    calls: "Calls",
    callsHint: "Applicants can submit while a call is open. Times are in UTC.",
    callName: (n: number) => `Name of call ${n}`,
    callOpens: (n: number) => `Call ${n} opens (UTC)`,
    callCloses: (n: number) => `Call ${n} closes (UTC)`,
    removeCall: (n: number) => `Remove call ${n}`,
    addCall: "Add another call",
    defaultCallName: "Open call",
    submit: "Create programme",
    required: {
      name: "Enter a name of at least 3 characters.",
      sponsor: "Enter the sponsor.",
      description: "Enter a description of at least 10 characters.",
      budget: {
        empty: "Enter the programme's budget, for example 2,000,000.00.",
        notANumber:
          "Enter the programme's budget as a number in digits, with a point before the cents, like 2,000,000.00.",
        tooManyDecimals: (decimals: number) =>
          decimals === 0
            ? "Enter the programme's budget in whole units, without decimals, like 2,000,000."
            : `Enter the programme's budget to the cent, at most ${decimals === 2 ? "two" : decimals} decimals, like 2,000,000.00.`,
        tooSmall: "Enter a programme budget above zero.",
        tooLarge: (max: string) => `The programme's budget can be at most ${max}.`,
      },
      rate: "Enter the subsidy rate as a percentage between 0 and 100, with at most two decimals.",
      cap: {
        empty: "Enter the limit per organisation, for example 250,000.00.",
        notANumber:
          "Enter the limit per organisation as a number in digits, with a point before the cents, like 250,000.00.",
        tooManyDecimals: (decimals: number) =>
          decimals === 0
            ? "Enter the limit per organisation in whole units, without decimals, like 250,000."
            : `Enter the limit per organisation to the cent, at most ${decimals === 2 ? "two" : decimals} decimals, like 250,000.00.`,
        tooSmall: "Enter a limit per organisation above zero.",
        tooLarge: (max: string) => `The limit per organisation can be at most ${max}.`,
      },
      capAboveBudget: "The limit per organisation cannot be more than the budget.",
      countries: "Use two-letter country codes separated by commas.",
      callName: (n: number) => `Enter the name of call ${n}.`,
      callOpens: (n: number) => `Enter when call ${n} opens.`,
      callCloses: (n: number) => `Enter when call ${n} closes, after it opens.`,
    },
  },
  dashboard: {
    overview: "Overview",
    budget: "Budget",
    awarded: "Awarded (committed)",
    consumed: "Consumed (owed for usage)",
    remaining: "Left to award",
    awards: (count: number) => plural(count, "award", "awards"),
    consumedParts: (invoiced: string, uninvoiced: string) =>
      `${invoiced} invoiced · ${uninvoiced} not yet invoiced`,
    budgetMeter: "Awarded of the budget",
    budgetMeterText: (awarded: string, budget: string, percent: string) =>
      `${awarded} of ${budget} awarded (${percent})`,
    consumedText:
      "Consumed is what the programme owes for usage on its awards: its share of each usage line, priced at the list price in force when the usage ran and capped by what each award has left — the invoiced months (each one's statement) and the charges not yet invoiced (the organisations' live drafts).",
    consumption: "Consumed, by billing month",
    consumptionCaption: "What the programme owes per billing month, and what is not yet invoiced",
    consumptionMonth: "Billing month",
    consumptionOwed: "Programme owes",
    consumptionStatement: (month: string) => `Statement for ${month}`,
    consumptionUninvoiced: "Not yet invoiced (live drafts)",
    consumptionTotal: "Consumed",
    consumptionNote:
      "Months are the invoices' billing months; each amount is that month's statement total, credit notes included.",
    byState: "Applications by state",
    byStateCaption: "Number of applications in each state",
    state: "State",
    count: "Applications",
    burnDown: "Burn-down",
    burnDownLead:
      "Cumulative programme share awarded and consumed, per UTC day (the day the usage started). Dates here, in the projection and in the table below are UTC days; the table has the same numbers.",
    aboveScale: (what: string, amount: string) => `${what}: ${amount} — above this scale`,
    burnDownOverview: "Against the budget",
    burnDownCloseUp: "Consumption, close up",
    burnDownCloseUpLead: (top: string) =>
      `Consumption is too small to read against the budget, so here it has its own scale, up to ${top}.`,
    burnDownCloseUpChart: (consumed: string, top: string) =>
      `Line chart: ${consumed} consumed, on a scale from zero to ${top}.`,
    burnDownChart: (awarded: string, consumed: string, budget: string) =>
      `Line chart: ${awarded} awarded and ${consumed} consumed of a ${budget} budget.`,
    burnDownTable: "Burn-down as a table",
    burnDownCaption: "Cumulative awarded and consumed amounts per day",
    day: "Day",
    committed: "Committed",
    unawarded: "Left to award",
    legendAwarded: "Awarded",
    legendConsumed: "Consumed",
    legendBudget: "Budget",
    noDays: "No data yet.",
    details: "Details",
    rate: "Subsidy rate",
    cap: "Limit per organisation",
    kinds: "Open to",
    countries: "Countries",
    calls: "Calls",
    callsCaption: "Calls of the programme",
    callName: "Call",
    opens: "Opens",
    closes: "Closes",
    callState: "State",
    closeNow: "Close now",
    closeTitle: (name: string) => `Close ${name} now?`,
    closeBody:
      "Applicants can no longer submit to this call. Drafts stay drafts; applications already submitted are still reviewed.",
    closeConfirm: "Yes, close the call",
    closed: (name: string) => `${name} is closed.`,
    addCall: "Add a call",
    callNameLabel: "Call name",
    opensLabel: "Opens (UTC)",
    closesLabel: "Closes (UTC)",
    addCallSubmit: "Add call",
    callAdded: (name: string) => `Call ${name} added.`,
    callNameRequired: "Enter the call's name.",
    callOpensRequired: "Enter when the call opens.",
    callClosesRequired: "Enter when the call closes, after it opens.",
    applications: "Applications",
    applicationsCaption: "Applications to the programme",
    organisation: "Organisation",
    reviews: "Reviews",
    /**
     * Reviews done of those that count, the same on every page (summarizeReviews): a reviewer
     * who declared a conflict stood aside, so that review is neither done nor still to come.
     */
    reviewSummary: (
      summary: {
        assigned: number;
        scored: number;
        conflicts: number;
        expected: number;
        closed: number;
        meanScore: number | null;
      },
      status: string,
    ) => {
      if (summary.assigned === 0) return noReviewsYet(status);
      const conflicts = plural(summary.conflicts, "reviewer", "reviewers");
      if (summary.expected === 0) return `No review stands: ${conflicts} declared a conflict`;
      const done = `${summary.scored} of ${summary.expected} scored`;
      const mean = summary.meanScore === null ? "" : `, mean ${summary.meanScore.toFixed(2)}`;
      const aside = [
        ...(summary.conflicts > 0 ? [`${conflicts} declared a conflict`] : []),
        ...(summary.closed > 0
          ? [`${plural(summary.closed, "review", "reviews")} closed before scoring`]
          : []),
      ];
      return `${done}${mean}${aside.length ? ` (${aside.join("; ")})` : ""}`;
    },
    noApplications: "No applications yet. Submitted applications appear here; drafts stay private.",
    noApplicationsFiltered: "No application matches.",
    searchApplications: "Search applications",
    searchApplicationsHint: "Title or organisation name",
  },
  decision: {
    noReviewers: "No reviewer has been assigned to this application.",
    reviewsOpen: (open: number) => `${plural(open, "review is", "reviews are")} not scored yet.`,
    allConflicted: "No review stands: every reviewer assigned declared a conflict of interest.",
    /** After the warning above: what the approval goes ahead without, in the right number. */
    decidingWithoutReviews: (
      missing:
        { kind: "none-assigned" } | { kind: "unscored"; open: number } | { kind: "all-conflicted" },
    ) =>
      missing.kind === "none-assigned"
        ? "You can still approve, but the award will go ahead without any review. To wait, assign reviewers first."
        : missing.kind === "all-conflicted"
          ? "You can still approve, but the award will go ahead without a score. To wait, assign another reviewer."
          : missing.open === 1
            ? "You can still approve, but the award will go ahead without it. To wait, ask the reviewer to score first."
            : "You can still approve, but the award will go ahead without them. To wait, ask the reviewers to score first.",
    organisation: "Applicant",
    standing: "Standing",
    eligible: "The organisation is eligible.",
    organisationAwarded: (awarded: string, cap: string, left: string) =>
      `Already holds ${awarded} from this programme, of its ${cap} limit per organisation: ${left} left.`,
    overLimitTitle: "The request is over the organisation's limit",
    overLimit: (requested: string, left: string, over: string) =>
      `It asks the programme for ${requested}, but only ${left} is left of the organisation's limit: ${over} too much. You can grant at most ${left} of programme share; the approval form below starts there.`,
    limitReached: (requested: string) =>
      `It asks the programme for ${requested}, but nothing is left of the organisation's limit. Reject it, or ask for changes.`,
    grantCapped: (left: string) =>
      `Pre-filled with the most that fits the ${left} left of the organisation's limit, not the full request. You may grant less.`,
    grantOverLimit: (share: string, left: string) =>
      `This grant's programme share, ${share}, is more than the ${left} left of the organisation's limit. Grant less.`,
    grantOverBudget: (share: string, left: string) =>
      `This grant's programme share, ${share}, is more than the ${left} left of the programme's budget. Grant less.`,
    grantNothing:
      "This award is worth nothing: every line is zero, or the programme would pay €0 for it. To turn the application down, reject it below instead.",
    budgetLeft: (left: string, budget: string) => `${left} left of the ${budget} budget.`,
    reviewers: "Reviewers",
    reviewersLead: "Assign reviewers from the panel. Scores appear side by side below.",
    assign: "Assign reviewer",
    reviewer: "Reviewer",
    reviewerPlaceholder: "Choose a reviewer",
    reviewerRequired: "Choose a reviewer to assign.",
    reviewerOption: (name: string, email: string, pending: number) =>
      `${name} (${email}) — ${pending} pending`,
    assigned: (name: string) => `${name} assigned.`,
    unassign: "Remove",
    unassignLabel: (name: string) => `Remove ${name} as a reviewer`,
    unassigned: (name: string) => `${name} removed.`,
    /** Where the reviewers would be listed, when none is: open, decided or withdrawn. */
    noReviewersAssigned: (status: string) =>
      noReviewsYet(status) === noReviewsYet("SUBMITTED")
        ? "No reviewer is assigned yet."
        : `${noReviewsYet(status)}.`,
    noReviewersAvailable: "Every reviewer on the panel is already assigned.",
    reviews: "Scores",
    scoresCaption: "Reviewers' scores side by side",
    score: "Score",
    scoreOf: (score: number) => `${score} of 5`,
    notScored: "Not scored yet",
    conflict: "Conflict of interest declared",
    conflictReason: "Reason",
    comment: "Comment",
    decide: "Decision",
    decideLead: "Approve with the amounts to grant, ask for changes, or reject with a reason.",
    startReview: "Start review",
    reviewStarted: "Review started.",
    approveTitle: "Approve",
    grantCaption: "Hours to grant per resource class",
    requestedHours: "Requested",
    /** "GPU-hours to grant for NVIDIA H100 80 GB"; "Millions of tokens to grant for …". */
    grantQuantity: (units: string, name: string) =>
      `${units.charAt(0).toUpperCase()}${units.slice(1)} to grant for ${name}`,
    grantHint: "Pre-filled with what was asked for. You may grant less, never more.",
    grantedTotals: (list: string, programme: string, tenant: string) =>
      `Granting this: ${list} list value — the programme pays ${programme}, the organisation pays ${tenant}.`,
    grantedAfter: (left: string) => `The budget left after this award: ${left}.`,
    repriced: (classes: string, programme: string, list: string, tenant: string) =>
      `${classes}. The award is valued at the quoted prices, and the programme pays at most its share above (${programme}): if every hour granted is used at today's prices (${list} list value), the organisation pays ${tenant}.`,
    grantFiguresWait: (problem: string) =>
      `The award's value and shares appear here once the grant is corrected. ${problem}`,
    note: "Note to the applicant",
    noteHint: "Optional. The applicant sees it with the decision.",
    approve: "Approve and grant",
    approved: "Application approved. The allocation is created.",
    reasonTooShort: (min: number, given: number) =>
      given === 0
        ? `Write a reason: it is required, at least ${min} characters, and the applicant will read it.`
        : `Write a reason of at least ${min} characters (you wrote ${given}); the applicant will read it, so say what to change or why.`,
    requestChangesTitle: "Ask for changes",
    requestChangesReason: "What should the applicant change?",
    requestChangesHint: "Required, at least 10 characters. The applicant will read it.",
    requestChanges: "Ask for changes",
    changesRequested: "Changes requested. The applicant has been told.",
    rejectTitle: "Reject",
    rejectReason: "Reason for rejection",
    rejectHint: "Required, at least 10 characters. The applicant will read it.",
    reject: "Reject application",
    rejected: "Application rejected. The applicant has been told.",
    rejectConfirmTitle: (title: string) => `Reject “${title}”?`,
    rejectConfirmBody:
      "The application is closed for good; the applicant would have to apply again.",
    noDecision: "No decision is possible in this state.",
    /** The decision section of a decided (or withdrawn) application: what was decided, by whom, when. */
    outcome: {
      APPROVED: "Approved",
      REJECTED: "Rejected",
      WITHDRAWN: "Withdrawn",
    } as Record<string, string>,
    decidedOnBy: (outcome: string, date: string, name: string) =>
      `${outcome} on ${date} by ${name}.`,
    withdrawnNoDecision: "No decision was made: the applicant withdrew the application.",
    grantedCaption: "Compute granted per resource class",
    grantedOf: (granted: string, requested: string) => `${granted} of ${requested} requested`,
    awardTotals: (list: string, programme: string, tenant: string) =>
      `Granted: ${list} list value — the programme pays ${programme}, the organisation pays ${tenant}.`,
    rejectionReason: "Reason given to the applicant",
    approvalNote: "Note to the applicant",
    noNote: "No note was sent with the decision.",
    allocationValid: (from: string, to: string) => `The allocation is valid from ${from} to ${to}.`,
  },
  reviews: {
    title: "My reviews",
    lead: "Applications assigned to you. Declare any conflict of interest before you score.",
    pendingOnly: "To review",
    all: "All",
    filter: "Show",
    tableCaption: "Applications assigned to you",
    application: "Application",
    organisation: "Organisation",
    programme: "Programme",
    submitted: "Submitted",
    state: "Your review",
    scoreColumn: "Score",
    emptyTitle: "Nothing assigned to you yet",
    emptyBody:
      "Programme administrators assign submitted applications to reviewers. When one assigns an application to you, it appears here and you get a notification.",
    allDoneTitle: "No reviews are waiting for you",
    /**
     * Why nothing waits, from the reviewer's own review count (summarizeReviews): only what is
     * true of their assignments — a decision that did not wait for them is not "scored".
     */
    allDoneBody: (tally: { scored: number; conflicts: number; open: number; closed: number }) => {
      const done = [
        ...(tally.scored > 0
          ? [`scored ${plural(tally.scored, "application", "applications")}`]
          : []),
        ...(tally.conflicts > 0
          ? [`declared a conflict on ${plural(tally.conflicts, "application", "applications")}`]
          : []),
      ];
      return [
        ...(done.length ? [`You have ${done.join(" and ")}.`] : []),
        ...(tally.closed > 0
          ? [
              tally.closed === 1
                ? "1 application was decided or withdrawn before you scored it; that review is closed."
                : `${tally.closed} applications were decided or withdrawn before you scored them; those reviews are closed.`,
            ]
          : []),
        ...(tally.open > 0
          ? [
              `${plural(tally.open, "application is", "applications are")} back with the applicant for changes; ${tally.open === 1 ? "it returns" : "they return"} here when resubmitted.`,
            ]
          : []),
        "All your reviews are under All.",
      ].join(" ");
    },
    detailLead: (organisation: string, programme: string) => `${organisation} · ${programme}`,
    applicationTitle: "The application",
    yourReview: "Your review",
    conflictQuestion: "Do you have a conflict of interest with this applicant?",
    conflictHint:
      "For example: you work with them, are related to someone there, or compete with them for the same funds.",
    conflictNo: "No, I have no conflict of interest",
    conflictYes: "Yes, I have a conflict of interest",
    conflictReason: "Describe the conflict",
    conflictReasonHint: "The programme administrator sees this (at least 5 characters).",
    declareConflict: "Declare conflict",
    conflictDeclared: "Conflict declared. You will not score this application.",
    conflictShown: "You declared a conflict of interest",
    cannotScore: "You cannot score this application because you declared a conflict of interest.",
    score: "Score",
    scoreHint: "1 is poor, 5 is excellent.",
    scoreLabels: {
      1: "1 — Poor",
      2: "2 — Weak",
      3: "3 — Good",
      4: "4 — Very good",
      5: "5 — Excellent",
    } as Record<number, string>,
    comment: "Comment",
    commentHint: "Why this score; the programme administrator reads it (at least 10 characters).",
    submitScore: "Submit score",
    updateScore: "Update score",
    scored: "Score saved.",
    yourScore: (score: number, when: string) => `You scored ${score} of 5 on ${when}.`,
    closed: "This application has been decided; your review is closed.",
    onHold:
      "The applicant was asked for changes. Scoring opens again when they resubmit and the review restarts.",
    notYet: "Scoring opens when the programme administrator starts the review.",
    required: {
      conflict: "Say whether you have a conflict of interest.",
      score: "Choose a score from 1 to 5.",
      comment: "Enter a comment of at least 10 characters.",
      commentInvisible: "Enter a comment. Invisible characters alone do not count.",
      reason: "Describe the conflict in at least 5 characters.",
    },
  },
  notifications: {
    title: "Notifications",
    lead: "Decisions and requests that concern you, newest first.",
    unreadOnly: "Unread",
    all: "All",
    filter: "Show",
    markAllRead: "Mark all as read",
    markRead: "Mark as read",
    allRead: "All notifications are read.",
    open: "Open",
    unreadCount: (count: number) =>
      count === 0
        ? "Nothing unread."
        : `${plural(count, "unread notification", "unread notifications")}.`,
    emptyTitle: "No notifications",
    emptyBody: "Tessera tells you here when a programme decides on an application.",
    emptyUnread: "You have read everything.",
  },
  catalogue: {
    title: "Catalogue",
    lead: "What Tessera sells and grants (resource classes with their list prices) and the clusters that provide it.",
    readOnly: "Your platform role can see the catalogue but not change it.",
    classesTitle: "Resource classes",
    classesCaption: "Resource classes",
    code: "Code",
    name: "Name",
    kind: "Kind",
    unit: "Unit",
    price: "List price",
    pricePer: (unit: string) => `per ${unit}`,
    power: "Power",
    watts: (watts: number) => `${watts.toLocaleString("en-GB")} W`,
    noPower: "None of its own",
    status: "Status",
    edit: "Edit",
    editLabel: (name: string) => `Edit ${name}`,
    showRetired: "Show retired classes",
    hideRetired: "Hide retired classes",
    showRetiredClusters: (count: number) =>
      `Show retired clusters (${count.toLocaleString("en-GB")})`,
    hideRetiredClusters: (count: number) =>
      `Hide retired clusters (${count.toLocaleString("en-GB")})`,
    emptyClasses: "No resource classes yet. Add the first one below.",
    newClass: "Add a resource class",
    classCode: "Code",
    classCodeHint:
      "Lower-case letters, digits, dots and dashes, for example h100-80gb. Cannot be changed.",
    className: "Name",
    classKind: "Kind",
    classUnit: "Unit",
    classUnitHint: "What one unit is: GPU, MIG slice or CPU core.",
    classPrice: "List price per unit-hour",
    classPriceHint: (currency: string) =>
      `In ${currency}, for example 2.95. A new price applies from the moment it takes effect, to usage from then on and to the prices the job and deploy forms show; awards already made keep the value they were granted at.`,
    tokensPrice: "List price per million tokens",
    tokensPriceHint: (currency: string) =>
      `In ${currency}, for example 0.40. Calls are billed at the price in force when they are made; awards already made keep the value they were granted at.`,
    tokensNote:
      "A tokens class is a shared model tier: it counts tokens (unit “token”), is priced per million tokens, is spent by calling the platform's shared endpoints through the gateway, and needs no cluster capacity or power draw of its own — a call's energy is estimated from the endpoint that serves it.",
    classCurrency: "Currency",
    classPower: "Power draw (W)",
    classPowerHint: "For energy accounting: watts per unit.",
    classActive: "Available for new applications",
    createClass: "Add resource class",
    classCreated: (code: string) => `Resource class ${code} added.`,
    editClassTitle: (code: string) => `Edit ${code}`,
    editClassLead: "Code, kind and currency are permanent.",
    classSaved: "Resource class saved.",
    priceChange: {
      title: (name: string) => `Change the price of ${name}?`,
      confirm: "Change the price",
      prices: (from: string, to: string, per: string) => `From ${from} to ${to} per ${per}.`,
      movedSinceOpened: (opened: string, now: string) =>
        `Someone else has changed this price since you opened the page: it was ${opened} and is now ${now}. The change below is from ${now}.`,
      takesEffect:
        "Takes effect at once when you confirm: jobs that start from then on are billed at the new price. A running job keeps the price it has until it ends (or until its next billing month starts); each endpoint moves to the new price at its next lease window.",
      takesEffectTokens:
        "Takes effect at once when you confirm: every call through the gateway from then on is billed per million tokens at the new price.",
      onItNow: (jobs: number, endpoints: number, organisations: number) => {
        const held = [
          jobs > 0 ? plural(jobs, "running job", "running jobs") : null,
          endpoints > 0 ? plural(endpoints, "live endpoint", "live endpoints") : null,
        ].filter((part) => part !== null);
        return `On it now: ${held.join(" and ")}, run by ${plural(organisations, "organisation", "organisations")}.`;
      },
      nothingRuns:
        "Nothing runs on it now: jobs and endpoints started later are billed at the new price.",
      hourOfAll: (units: string, now: string, renewed: string | null, by: string | null) =>
        renewed !== null && by !== null
          ? `An hour of the ${units} running now: ${now} now; ${renewed} once every endpoint has renewed its lease window (by about ${by}), with running jobs at the price they keep.`
          : `An hour of the ${units} running now: ${now}, unchanged — running jobs keep the price they have until they end or their next billing month starts.`,
      callsCost: (
        days: number,
        from: string,
        to: string,
        calls: { tokens: number; apiKeys: number; organisations: number },
      ) =>
        `The last ${days.toLocaleString("en-GB")} days' calls, ${from} at the current price, ${to} at the new one: ${calls.tokens.toLocaleString("en-GB")} tokens, by ${plural(calls.organisations, "organisation", "organisations")} with ${plural(calls.apiKeys, "API key", "API keys")}.`,
      noCalls: (days: number) =>
        `No calls in the last ${days.toLocaleString("en-GB")} days: no organisation has called its models through the gateway.`,
      noCallsButLeases: (days: number, leasing: number) =>
        `No calls in the last ${days.toLocaleString("en-GB")} days, but ${plural(leasing, "organisation holds", "organisations hold")} a token lease on it now: calling at this moment.`,
      leasing: (leasing: number, organisations: number) =>
        leasing === organisations
          ? `${leasing === 1 ? "It holds" : "All of them hold"} a token lease on it now: calling at this moment.`
          : `${leasing.toLocaleString("en-GB")} of them ${leasing === 1 ? "holds" : "hold"} a token lease on it now: calling at this moment.`,
      callersCaption: (shown: number, total: number) =>
        shown < total
          ? `The ${shown.toLocaleString("en-GB")} calling it most, of ${total.toLocaleString("en-GB")}, over those days:`
          : "Calling it over those days:",
      callerTokens: (tokens: number, keys: number) =>
        `${tokens.toLocaleString("en-GB")} tokens · ${plural(keys, "API key", "API keys")}`,
      callerLease: "holds a token lease now",
      callerCost: (from: string, to: string) =>
        `${from} at the current price → ${to} at the new one`,
      waiting: (jobs: number) =>
        `${plural(jobs, "job is", "jobs are")} waiting to run: they are billed at the new price once they start.`,
      listCaption: (shown: number, total: number) =>
        shown < total
          ? `The ${shown.toLocaleString("en-GB")} using the most, of ${total.toLocaleString("en-GB")}:`
          : "Running on it:",
      job: "job",
      endpoint: "endpoint",
      units: (count: number, unit: string) => `${count.toLocaleString("en-GB")} × ${unit}`,
      replicas: (count: number) => plural(count, "replica", "replicas"),
      endpointHour: (from: string, to: string, at: string | null) =>
        at === null
          ? `${from} → ${to} an hour from its next lease window, due now`
          : `${from} → ${to} an hour from its next lease window, about ${at}`,
      jobHourToEnd: (keeps: string, endsOn: string) =>
        `Keeps ${keeps} an hour, the price it has, until it ends: its walltime ends by ${endsOn}, before its next billing month starts.`,
      jobHour: (keeps: string, next: string, monthStarts: string) =>
        `Keeps ${keeps} an hour, the price it has, until it ends; if it still runs when its next billing month starts on ${monthStarts}, ${next} an hour from then.`,
      scaledToZero: "scaled to zero: nothing an hour until woken",
      toFree: (name: string, tokens: boolean) =>
        tokens
          ? `Make ${name} free: calls to its models through the gateway are billed nothing from now.`
          : `Make ${name} free: jobs that start and endpoint lease windows that open on it from now are billed nothing.`,
      fromFree: (name: string, tokens: boolean) =>
        tokens
          ? `This makes ${name} charge again: calls to its models through the gateway from now are billed at this price.`
          : `This makes ${name} charge again: jobs that start and endpoint lease windows that open on it from now are billed at this price.`,
      largeChange: (factor: number) =>
        `I have checked the price: it changes by ${factor.toLocaleString("en-GB")} times or more.`,
      tickToConfirm: "Tick the box to confirm this price, or cancel and check it.",
    },
    clustersTitle: "Clusters",
    clustersCaption: "Clusters",
    region: "Region",
    jurisdiction: "Jurisdiction",
    capacity: "Capacity",
    capacityOf: (capacity: number, unit: string) => `${capacity.toLocaleString("en-GB")} × ${unit}`,
    inUseNow: "In use now",
    useOf: (inUse: string, capacity: string) => `${inUse} of ${capacity}`,
    overCapacity: (over: string) => `— over capacity by ${over}`,
    noResources: "No resource classes yet",
    emptyClusters: "No clusters yet. Register the first one below.",
    newCluster: "Register a cluster",
    clusterCode: "Code",
    clusterCodeHint: "Lower-case letters, digits, dots and dashes. Cannot be changed.",
    clusterName: "Name",
    clusterKind: "Kind",
    clusterKindHint: "Cannot be changed later.",
    clusterRegion: "Region",
    clusterRegionHint: "Where it runs, for example eu-central or Frankfurt.",
    clusterJurisdiction: "Jurisdiction",
    clusterEndpoint: "Endpoint",
    clusterActive: "In service",
    createCluster: "Register cluster",
    clusterCreated: (code: string) => `Cluster ${code} registered.`,
    clusterSaved: "Cluster saved.",
    clusterDetails: "Details",
    resourcesTitle: "Capacity and mapping",
    resourcesLead: "How many units of each class the cluster has, and how a class maps onto it.",
    resourcesCaption: "Resource classes on this cluster",
    mapping: "Mapping",
    partition: "Partition",
    gres: "GRES",
    k8sResource: "Resource name",
    nodeSelector: "Node selector",
    noMapping: "None needed (simulated)",
    remove: "Remove",
    removeLabel: (code: string) => `Remove ${code} from this cluster`,
    removeTitle: (code: string) => `Remove ${code} from this cluster?`,
    removeBody: "Workloads can no longer be placed on this cluster with that class.",
    removeConfirm: "Yes, remove",
    removed: (code: string) => `${code} removed from the cluster.`,
    setResource: "Add or change a resource class",
    setResourceLead: "Choosing a class already on the cluster changes its capacity and mapping.",
    resourceClass: "Resource class",
    resourceClassPlaceholder: "Choose a resource class",
    resourceCapacity: "Capacity (units)",
    unitsPerNode: "Units per node",
    unitsPerNodeHint:
      "How many units of the class one node has, for example 8 GPUs. Jobs larger than a node then take whole nodes; the capacity must be a whole number of nodes. Leave empty to run every job on one node.",
    perNode: (units: number, unit: string) => `${units.toLocaleString("en-GB")} × ${unit} per node`,
    inUseHint: (inUse: string) =>
      `In use now by running jobs and endpoints: ${inUse}. To set less, tick “Drain” below.`,
    drain: "Drain: set the capacity below what is in use now",
    drainHint:
      "Work above the new capacity keeps its units until it ends or is stopped; nothing new of this class is placed here until use falls below it. Endpoints whose replicas the cluster can no longer hold may become degraded.",
    belowUse: (inUse: string) =>
      `${inUse} in use now. Enter at least that many, or tick “Drain” to set a lower capacity.`,
    slurmPartition: "Slurm partition",
    slurmPartitionHint: "For example gpu-h100.",
    slurmGres: "Slurm GRES",
    slurmGresHint: "name:type for GPU and MIG classes, for example gpu:h100. Leave empty for CPU.",
    k8sResourceName: "Kubernetes resource name",
    k8sResourceNameHint: "For example nvidia.com/gpu, nvidia.com/mig-1g.10gb or cpu.",
    k8sNodeSelector: "Node selector",
    k8sNodeSelectorHint: "One label=value per line, for example nvidia.com/gpu.product=H100.",
    nodeSelectorInvalid: "Write each node selector line as label=value.",
    simNoMapping: "A simulated cluster needs only a capacity.",
    saveResource: "Save resource class",
    resourceSaved: (code: string) => `${code} saved on the cluster.`,
    required: {
      code: "Enter a code.",
      codeShort: "Enter a code of at least 2 characters.",
      codeLong: "The code can be at most 64 characters.",
      codeCharacters:
        "The code is lower-case letters, digits, dots and dashes, starting with a letter or digit, for example h100-80gb.",
      name: "Enter a name.",
      nameShort: "Enter a name of at least 2 characters.",
      nameLong: "The name can be at most 120 characters.",
      unit: "Enter the unit.",
      unitLong: "The unit can be at most 40 characters.",
      powerTooLarge: "The power draw can be at most 100,000 watts per unit.",
      price: "Enter the price as an amount, for example 2.95.",
      priceNotANumber:
        "Enter the price as a number in digits, with a point before the cents, for example 2.95.",
      priceWholeCents: "Prices are in whole cents: enter at most two decimals, for example 2.95.",
      priceNegative: "Enter a price of zero or more.",
      priceTooLarge: (max: string) => `The price can be at most ${max}.`,
      power: "Enter the power draw as a whole number of watts.",
      powerNegative: "Enter a power draw of 0 W or more.",
      capacity: "Enter the capacity as a whole number.",
      resourceClassId: "Choose a resource class.",
    },
  },
};

export type ProgrammeMessages = typeof enProgrammes;
