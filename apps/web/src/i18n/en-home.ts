import type { NotificationKind } from "@tessera/db";
import { TOKEN_LEASE_MS } from "@tessera/core/token-lease";

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** The home page (per role), notification preferences and the decision confirmations. */
/**
 * When tokens the gateway holds come back: it leases a block of an organisation's tokens for the
 * calls of the next TOKEN_LEASE_MS (whether or not any is running), ends the lease then and gives
 * back what those calls did not use.
 */
export const tokensReturn = `what they do not use is returned within about ${TOKEN_LEASE_MS / 1000} seconds`;

export const enHome = {
  home: {
    lead: "What you have, what is running and what to do next.",
    live: "Figures update on their own every few seconds.",
    updatedAt: (time: string) => `Updated ${time}`,
    nextSteps: "What to do next",
    nothingToDo: "Nothing needs your attention right now.",
    step: {
      AWAIT_VERIFICATION: (org: string) =>
        `${org} is waiting for verification by a platform administrator. You can apply for compute once it is verified.`,
      FIX_DETAILS: (org: string) =>
        `${org} was rejected. Read the reason, correct the details and resubmit.`,
      SUSPENDED: (org: string) => `${org} is suspended. Contact the platform team.`,
      CREATE_PROJECT: (org: string) => `${org} has no projects yet: create the first one.`,
      APPLY: (org: string) => `${org} has no compute to use: apply to a programme for GPU-hours.`,
      SUBMIT_JOB: (org: string) =>
        `${org} has compute left and nothing running or waiting: submit a training job, or deploy a model as an inference endpoint.`,
      CREATE_API_KEY: (org: string) =>
        `${org} holds tokens for the shared models but no working API key: create one to call them.`,
      FIX_SHARED_ENDPOINT: (org: string) =>
        `A shared model endpoint of ${org} is degraded or has failed: every organisation calling it is affected.`,
      INVITE: (org: string) => `You are the only member of ${org}: invite your colleagues.`,
      reviews: (count: number) =>
        `${plural(count, "application is", "applications are")} waiting for your score.`,
      decisions: (count: number) =>
        `${plural(count, "application is", "applications are")} waiting for a decision.`,
      verification: (count: number) =>
        `${plural(count, "organisation is", "organisations are")} waiting for verification.`,
      deadLetters: (count: number) =>
        `${plural(count, "dead letter is", "dead letters are")} waiting for a decision.`,
      brokenChain: "The audit chain is broken: find out where.",
      createOrganisation:
        "You are not in an organisation yet: create one for your university, lab or company, or ask a colleague who has registered it to invite you.",
    },
    stepLink: {
      AWAIT_VERIFICATION: "Open the organisation",
      FIX_DETAILS: "Correct the details",
      SUSPENDED: "Open the organisation",
      CREATE_PROJECT: "Create a project",
      APPLY: "Browse programmes",
      SUBMIT_JOB: "Submit a job",
      deployEndpoint: "Deploy an endpoint",
      CREATE_API_KEY: "Create an API key",
      FIX_SHARED_ENDPOINT: "Open the endpoints",
      INVITE: "Invite people",
      reviews: "Go to my reviews",
      decisions: "Go to the applications",
      verification: "Go to the review queue",
      deadLetters: "Go to operations",
      brokenChain: "Open the audit log",
    },
    organisation: {
      heading: "Your organisations",
      quota: "Quota",
      noQuota: "No allocation yet. Apply to a programme to get GPU-hours.",
      lineLabel: (name: string, left: string, granted: string) =>
        `${name}: ${left} left of ${granted}`,
      /** What of a compute line is used and held; jobs and endpoints are named when they hold. */
      lineDetail: (
        used: string,
        held: string,
        by: { jobs: string | null; endpoints: string | null },
      ) =>
        by.jobs && by.endpoints
          ? `${used} used, ${held} held: ${by.jobs} by jobs, ${by.endpoints} by endpoints`
          : by.jobs
            ? `${used} used, ${held} held by jobs`
            : by.endpoints
              ? `${used} used, ${held} held by endpoints`
              : `${used} used, ${held} held`,
      /**
       * A shared model's tokens: what is held is the gateway's lease for the next calls. It is
       * still the organisation's to call for, so the headline counts it as left and this says so.
       */
      tokensLineDetail: (used: string, held: string | null) =>
        held === null
          ? `${used} used`
          : `${used} used; of what is left, ${held} reserved by the gateway for this organisation's next calls (${tokensReturn})`,
      ends: (date: string) => `ends ${date}`,
      endsSoon: (days: number) => `ends in ${plural(days, "day", "days")}`,
      starts: (date: string) => `starts ${date}`,
      /** The award by its application's title: two awards of one programme read apart. */
      fromAward: (title: string, programme: string) => `from ${title} (${programme})`,
      jobs: "Jobs",
      running: "Running",
      pending: "Waiting to run",
      failures: "Recent failures",
      noFailures: "No failed jobs in the last 7 days.",
      failure: (status: string, reason: string | null) =>
        reason ? `${status}: ${reason}` : status,
      openApplications: (count: number) =>
        `${plural(count, "application", "applications")} in progress`,
      endpoints: "Inference endpoints",
      serving: "Serving",
      scaledToZero: "Scaled to zero",
      starting: "Starting",
      troubled: "Need attention",
      noEndpoints: "No inference endpoints yet.",
      deployEndpoint: "Deploy a model",
      noEndpointQuota: "It holds no allocation an endpoint could run on.",
      applyForEndpoints: "Apply to a programme for compute",
      viewJobs: "All jobs",
      viewAllocations: "All allocations",
    },
    programmeAdmin: {
      heading: "Programmes",
      openCalls: "Open calls",
      noOpenCalls: "No call is open. Add a call to a programme to receive applications.",
      closes: (date: string) => `closes ${date}`,
      waiting: "Applications waiting for a decision",
      waitingCaption: "Submitted or under review, oldest first",
      noneWaiting: "No application is waiting for a decision.",
      title: "Application",
      organisation: "Organisation",
      programme: "Programme",
      reviews: "Reviews",
      submitted: "Submitted",
      more: (count: number) => `and ${plural(count, "more", "more")}`,
      budget: "Budget",
      budgetLabel: (name: string, committed: string, consumed: string, budget: string) =>
        `${name}: ${committed} committed and ${consumed} consumed of ${budget}`,
      noProgrammes: "No programmes yet. Create one to start funding compute.",
    },
    reviewer: {
      heading: "Reviews waiting for you",
      none: "No review is waiting for you.",
      assigned: (date: string) => `assigned ${date}`,
      more: "More in My reviews",
    },
    operator: {
      heading: "Capacity now",
      caption: (cluster: string) => `${cluster}: capacity and use per resource class`,
      resourceClass: "Resource class",
      inUse: "In use",
      queued: "Asked for by waiting jobs and endpoints",
      capacity: "Capacity",
      useLabel: (name: string, inUse: string, capacity: string) =>
        `${name}: ${inUse} in use of ${capacity}`,
      inactive: "Not accepting work",
      noClusters: "No clusters yet. Register one in the catalogue.",
      showRetired: (count: number) => `Show retired clusters (${count})`,
      hideRetired: (count: number) => `Hide retired clusters (${count})`,
      retiredHint: "Retired clusters take no new work; these still have work running or waiting.",
      noClasses: "This cluster offers no resource classes yet.",
      backlog: "Backlog",
      outbox: "Events not yet relayed",
      waitingJobs: "Jobs and endpoints waiting to run",
      queueWaiting: "Queue jobs waiting",
      queuesUnreachable: "The queues cannot be read (Redis does not answer).",
      deadLetters: "Dead letters",
      oldest: (time: string) => `oldest from ${time}`,
    },
    platformAdmin: {
      heading: "Platform",
      verificationQueue: "Waiting for verification",
      noneWaiting: "No organisation is waiting for verification.",
      submitted: (date: string) => `registered ${date}`,
      auditChain: "Audit chain",
      chainIntact: "Intact",
      chainBroken: "Broken",
      chainChecked: (count: string, time: string) => `${count} events checked at ${time}.`,
      chainBrokenAt: (id: string) => `The chain breaks at event ${id}.`,
      lastEvent: (time: string) => `Last event ${time}.`,
      openAudit: "Open the audit log",
    },
  },
  preferences: {
    title: "Notification settings",
    lead: "Every notification arrives here in the portal. Choose which ones also come by mail.",
    legend: "Send me mail when…",
    kinds: {
      JOB_ENDED: "one of my jobs completes, fails, is cancelled or is lost",
      REVIEW_ASSIGNED: "I am asked to review an application",
      APPLICATION_DECIDED: "a programme decides on an application",
      ORGANIZATION_STATUS: "an organisation I manage is verified, rejected or suspended",
      ALLOCATION_ALERT: "an allocation is 80% used or ends within 14 days",
      INVITATION_ACCEPTED: "someone accepts my invitation",
      BUDGET_ALERT:
        "an organisation I own or pay for reaches 50%, 80% or 100% of its monthly budget",
      PROGRAMME_BUDGET_ALERT: "a programme I administer has awarded or consumed 80% of its budget",
    } satisfies Record<NotificationKind, string>,
    save: "Save settings",
    saved: "Settings saved.",
    link: "Mail settings",
  },
  confirm: {
    approveTitle: (title: string) => `Approve “${title}”?`,
    approveBody: (org: string, programme: string, list: string, programmeShare: string) =>
      `${org} gets quota worth ${list} at list price, and ${programme} commits ${programmeShare} of its budget to it.`,
    approveTenant: (tenant: string, left: string) =>
      `The organisation pays ${tenant}. The budget left afterwards: ${left}. The applicant is told at once, and an award cannot be taken back here.`,
    approveWarning: "Not every reviewer has finished:",
    reviewerPending: (name: string) => `${name} has neither scored nor declared a conflict.`,
    verifyTitle: (org: string) => `Verify ${org}?`,
    verifyBody:
      "Its members can then apply for compute and launch jobs, and its Slurm accounts are set up. Its contact and managers are told.",
    reinstateTitle: (org: string) => `Verify ${org} again?`,
    reinstateBody:
      "The suspension ends: its members can apply for compute and launch jobs again. Its contact and managers are told.",
    rejectTitle: (org: string) => `Reject ${org}?`,
    rejectBody:
      "It cannot apply for compute or launch jobs. Its members see your reason and may correct the details and resubmit.",
  },
};

export type HomeMessages = typeof enHome;
