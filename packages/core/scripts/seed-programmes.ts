/**
 * Demo catalogue, programmes and applications for `pnpm db:seed`. Idempotent: everything is looked
 * up by code or title first and created through the domain functions only when missing, so the
 * audit chain the seed leaves behind verifies. Programmes and applications are steps of the demo's
 * dated story (demo-story.ts), run in date order with the rest of it.
 */
import type { ClusterKind, Database, OrganizationKind, ResourceKind } from "@tessera/db";
import { tenantScoped } from "@tessera/db";
import type { Actor } from "../src/actor";
import { approveApplication } from "../src/applications/approve-application";
import { beginApplicationReview } from "../src/applications/begin-application-review";
import { createApplication } from "../src/applications/create-application";
import { submitApplication } from "../src/applications/submit-application";
import { createCluster } from "../src/catalogue/create-cluster";
import { createResourceClass } from "../src/catalogue/create-resource-class";
import { setClusterResource } from "../src/catalogue/set-cluster-resource";
import { updateCluster } from "../src/catalogue/update-cluster";
import { createJobTemplate } from "../src/workloads/create-job-template";
import { updateJobTemplate } from "../src/workloads/update-job-template";
import { createProgramme } from "../src/programmes/create-programme";
import { assignReviewer } from "../src/reviews/assign-reviewer";
import type { TenantAccess } from "../src/tenancy/tenant-access";
import { stateAidDay } from "../src/state-aid/undertaking";
import type { StoryStep } from "./demo-story";

const DAY = 86_400_000;

interface ResourceClassSeed {
  code: string;
  name: string;
  kind: ResourceKind;
  unit: string;
  /** Euro cents per unit-hour; per million tokens for a TOKENS class. */
  listPriceMinorPerHour: number;
  powerDrawWatts: number;
}

export const RESOURCE_CLASSES: ResourceClassSeed[] = [
  {
    code: "h100-80gb",
    name: "NVIDIA H100 80 GB",
    kind: "GPU",
    unit: "GPU",
    listPriceMinorPerHour: 295,
    powerDrawWatts: 700,
  },
  {
    code: "l40s-48gb",
    name: "NVIDIA L40S 48 GB",
    kind: "GPU",
    unit: "GPU",
    listPriceMinorPerHour: 119,
    powerDrawWatts: 350,
  },
  {
    code: "mig-1g.10gb",
    name: "H100 MIG slice 1g.10gb",
    kind: "MIG",
    unit: "MIG slice",
    listPriceMinorPerHour: 45,
    powerDrawWatts: 100,
  },
  {
    code: "mig-3g.40gb",
    name: "H100 MIG slice 3g.40gb",
    kind: "MIG",
    unit: "MIG slice",
    listPriceMinorPerHour: 140,
    powerDrawWatts: 300,
  },
  {
    code: "cpu-core",
    name: "CPU core (AMD EPYC 9654)",
    kind: "CPU",
    unit: "CPU core",
    listPriceMinorPerHour: 4,
    powerDrawWatts: 10,
  },
  // The platform's shared model tiers (seed-shared-models.ts): sold by the token, per million.
  {
    code: "shared-8b-tokens",
    name: "Shared 8B chat model — tokens",
    kind: "TOKENS",
    unit: "token",
    listPriceMinorPerHour: 40,
    powerDrawWatts: 0,
  },
  {
    code: "shared-cpu-tokens",
    name: "Shared CPU-tier chat model — tokens",
    kind: "TOKENS",
    unit: "token",
    listPriceMinorPerHour: 5,
    powerDrawWatts: 0,
  },
];

interface ClusterSeed {
  /** False for clusters the demo describes but cannot reach; placement skips inactive clusters. */
  active?: boolean;
  code: string;
  name: string;
  kind: ClusterKind;
  region: string;
  jurisdiction: string;
  endpoint: string | null;
  resources: {
    code: string;
    capacity: number;
    /** Units of the class one node has: jobs larger than a node take whole nodes. */
    unitsPerNode: number;
    slurmPartition?: string;
    slurmGres?: string;
    k8sResourceName?: string;
    k8sNodeSelector?: Record<string, string>;
  }[];
}

export const CLUSTERS: ClusterSeed[] = [
  {
    code: "hpc-train",
    name: "National AI Training Cluster (Slurm)",
    // A production-shaped record with no reachable slurmrestd here: the development Slurm cluster
    // registers itself as `tessera-dev` (infra/slurm/up.sh), and demo jobs run on `sim`.
    active: false,
    kind: "SLURM",
    region: "eu-central-1",
    jurisdiction: "DE",
    endpoint: "http://slurmrestd.hpc-train.internal:6820",
    resources: [
      {
        code: "h100-80gb",
        capacity: 512,
        unitsPerNode: 8,
        slurmPartition: "gpu",
        slurmGres: "gpu:h100",
      },
      {
        code: "mig-3g.40gb",
        capacity: 64,
        unitsPerNode: 16,
        slurmPartition: "gpu-mig",
        slurmGres: "gpu:3g.40gb",
      },
      { code: "cpu-core", capacity: 24_576, unitsPerNode: 128, slurmPartition: "cpu" },
    ],
  },
  {
    code: "k8s-infer",
    name: "National Inference Cluster (Kubernetes)",
    // Production-shaped too, and not reachable here: the development control plane registers
    // itself with `pnpm k8s:register` (infra/k8s/up.sh), and demo endpoints run on `sim`.
    active: false,
    kind: "KUBERNETES",
    region: "eu-central-2",
    jurisdiction: "DE",
    endpoint: "https://k8s-infer.internal:6443",
    resources: [
      {
        code: "l40s-48gb",
        capacity: 96,
        unitsPerNode: 8,
        k8sResourceName: "nvidia.com/gpu",
        k8sNodeSelector: { "nvidia.com/gpu.product": "NVIDIA-L40S" },
      },
      {
        code: "mig-1g.10gb",
        capacity: 112,
        unitsPerNode: 28,
        k8sResourceName: "nvidia.com/mig-1g.10gb",
        k8sNodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
      },
      {
        code: "mig-3g.40gb",
        capacity: 32,
        unitsPerNode: 8,
        k8sResourceName: "nvidia.com/mig-3g.40gb",
        k8sNodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
      },
      { code: "cpu-core", capacity: 2_048, unitsPerNode: 128, k8sResourceName: "cpu" },
    ],
  },
  {
    code: "sim",
    name: "Simulated cluster",
    kind: "SIM",
    region: "local",
    jurisdiction: "EU",
    endpoint: null,
    resources: [
      // Four nodes of 4 H100s: a job of more than 4 takes whole nodes (8, 12 or 16).
      { code: "h100-80gb", capacity: 16, unitsPerNode: 4 },
      { code: "l40s-48gb", capacity: 8, unitsPerNode: 8 },
      { code: "mig-1g.10gb", capacity: 14, unitsPerNode: 7 },
      { code: "mig-3g.40gb", capacity: 4, unitsPerNode: 2 },
      { code: "cpu-core", capacity: 256, unitsPerNode: 64 },
    ],
  },
];

const EUROPE = [
  "AT",
  "BE",
  "BG",
  "CH",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GB",
  "GR",
  "HR",
  "HU",
  "IE",
  "IS",
  "IT",
  "LI",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "NO",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
];

export interface ProgrammeSeed {
  name: string;
  sponsor: string;
  description: string;
  budgetMinor: number;
  subsidyRateBps: number;
  eligibleKinds: OrganizationKind[];
  eligibleCountries: string[];
  orgCapMinor: number;
  /** Who sets it up: the programme administrator, unless the platform's operator runs it. */
  createdBy?: "operator";
  /** Seasonal calls are named after the season and year they open in, rolling ones after the year. */
  calls: { kind: "seasonal" | "rolling"; opensInDays: number; closesInDays: number }[];
}

const SEASONS = ["Winter", "Spring", "Summer", "Autumn"] as const;

/**
 * A demo call's name from the date it opens (UTC), so that a seed run on any day names its calls
 * truly: "Autumn 2026 call" opens in September to November 2026; a winter call spans two years
 * ("Winter 2026–27 call" opens in December 2026, January or February 2027).
 */
export function demoCallName(kind: "seasonal" | "rolling", opensAt: Date): string {
  const year = opensAt.getUTCFullYear();
  if (kind === "rolling") return `Rolling call ${year}`;
  const month = opensAt.getUTCMonth();
  const season = SEASONS[Math.floor(((month + 1) % 12) / 3)]!;
  if (season !== "Winter") return `${season} ${year} call`;
  const first = month === 11 ? year : year - 1;
  return `Winter ${first}–${String(first + 1).slice(-2)} call`;
}

/** The operating programme that pays for the platform's shared endpoints (PROGRAMMES). */
export const OPERATIONS_PROGRAMME = "Tessera platform operations";

export const PROGRAMMES: ProgrammeSeed[] = [
  {
    name: "National AI Compute Programme 2026",
    sponsor: "Ministry of Science and Innovation",
    description:
      "Subsidised GPU time on the national AI infrastructure for public research and young companies. The programme pays 70 % of the list price; your organisation pays the rest.",
    budgetMinor: 200_000_000,
    subsidyRateBps: 7_000,
    eligibleKinds: ["ACADEMIC", "PUBLIC_BODY", "STARTUP", "SME"],
    eligibleCountries: EUROPE,
    orgCapMinor: 15_000_000,
    calls: [
      // The call the demo's retroactive award was applied for in (seed.ts: startedDaysAgo).
      { kind: "seasonal", opensInDays: -120, closesInDays: -45 },
      { kind: "seasonal", opensInDays: -14, closesInDays: 60 },
      { kind: "seasonal", opensInDays: 120, closesInDays: 180 },
    ],
  },
  {
    name: "Startup Inference Credits",
    sponsor: "National Innovation Agency",
    description:
      "Half-price inference capacity for startups and small companies putting models into production.",
    budgetMinor: 50_000_000,
    subsidyRateBps: 5_000,
    eligibleKinds: ["STARTUP", "SME"],
    eligibleCountries: [],
    orgCapMinor: 2_500_000,
    calls: [{ kind: "rolling", opensInDays: -30, closesInDays: 300 }],
  },
  // The platform's own operating budget for the compute its shared endpoints run on
  // (seed-shared-models.ts). Tenants' tokens of the shared models carry the subsidy (a subsidy
  // programme pays its share of every token); the GPUs serving them are the platform's cost,
  // recovered through the token prices, so the platform pays all of it here and no subsidy
  // programme pays for them a second time. Its only call closed before today: no tenant applies.
  {
    name: OPERATIONS_PROGRAMME,
    sponsor: "Tessera platform operator",
    description:
      "The platform's own budget for the compute its shared model endpoints run on. The platform pays all of it; it is not open to applications.",
    budgetMinor: 1_000_000,
    subsidyRateBps: 10_000,
    eligibleKinds: ["PUBLIC_BODY"],
    eligibleCountries: ["BE"],
    orgCapMinor: 1_000_000,
    createdBy: "operator",
    calls: [{ kind: "rolling", opensInDays: -190, closesInDays: -5 }],
  },
];

type User = { id: string; email: string | null };
const actorFor = (user: User): Actor => ({
  userId: user.id,
  email: user.email,
  ip: null,
  userAgent: "tessera-seed",
});

/**
 * The operator's catalogue (resource classes and their prices, clusters and what they offer), set
 * up `at` a date before any organisation registers: the platform existed before its tenants.
 * Fills `classIds` (code → id) for the applications that ask for the classes.
 */
export async function seedCatalogue(
  database: Database,
  operator: User,
  at: Date,
  classIds: Map<string, string>,
): Promise<void> {
  const actor = actorFor(operator);
  for (const seed of RESOURCE_CLASSES) {
    const existing = await database.resourceClass.findUnique({ where: { code: seed.code } });
    const resourceClass =
      existing ?? (await createResourceClass(database, actor, { ...seed, currency: "EUR" }, at));
    classIds.set(seed.code, resourceClass.id);
  }
  for (const seed of CLUSTERS) {
    const { active, ...details } = seed;
    let cluster =
      (await database.cluster.findUnique({ where: { code: seed.code } })) ??
      (await createCluster(database, actor, details, at));
    if (active === false && cluster.active) {
      cluster = await updateCluster(database, actor, { clusterId: cluster.id, active: false }, at);
    }
    for (const { code, ...mapping } of seed.resources) {
      const resourceClassId = classIds.get(code)!;
      const mapped = await database.clusterResource.findUnique({
        where: { clusterId_resourceClassId: { clusterId: cluster.id, resourceClassId } },
      });
      if (!mapped)
        await setClusterResource(
          database,
          actor,
          { clusterId: cluster.id, resourceClassId, ...mapping },
          at,
        );
    }
  }
}

export const JOB_TEMPLATES = [
  {
    code: "pytorch-ddp",
    name: "PyTorch distributed (DDP)",
    description:
      "Runs your training command under torchrun with one process per GPU, on each of the job's nodes, inside the container image you name.",
    kind: "PYTORCH_DDP" as const,
    defaultImage: "registry.tessera.localhost/ai/pytorch:24.10-py3",
    script: [
      "#!/bin/bash",
      "# PyTorch distributed data parallel: one process per GPU, one torchrun per node, in a container.",
      "set -euo pipefail",
      "export OMP_NUM_THREADS=8",
      'echo "Starting {{jobName}} on {{nodes}} node(s) from $(hostname) with GPUs ${CUDA_VISIBLE_DEVICES:-none}"',
      "if command -v apptainer >/dev/null 2>&1; then",
      "  if [ {{nodes}} -gt 1 ]; then",
      "    # srun starts one task on each node; the torchruns meet at the first node.",
      '    head=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
      '    srun apptainer exec --nv docker://{{image}} torchrun --nnodes={{nodes}} --nproc-per-node={{gpusPerNode}} --rdzv-backend=c10d --rdzv-id="$SLURM_JOB_ID" --rdzv-endpoint="$head:29500" {{command}}',
      "  else",
      "    apptainer exec --nv docker://{{image}} torchrun --standalone --nproc-per-node={{gpus}} {{command}}",
      "  fi",
      "else",
      '  echo "No container runtime on this node: running the command directly."',
      "  {{command}}",
      "fi",
      "",
    ].join("\n"),
  },
  {
    code: "batch",
    name: "Plain batch script",
    description: "Runs your command once on the units allocated to the job, with nothing added.",
    kind: "BATCH" as const,
    defaultImage: null,
    script: [
      "#!/bin/bash",
      "set -euo pipefail",
      // The same template serves CPU and GPU lines: it names what the job was given. On Slurm a
      // CPU job is one task with cpus-per-task = its cores; a GPU job sees its GPUs.
      'echo "Starting {{jobName}} on $(hostname)"',
      'if [ -n "${CUDA_VISIBLE_DEVICES:-}" ]; then',
      '  echo "GPUs: ${CUDA_VISIBLE_DEVICES}"',
      "else",
      '  echo "CPU cores: ${SLURM_CPUS_PER_TASK:-1}"',
      "fi",
      "{{command}}",
      "",
    ].join("\n"),
  },
];

/**
 * The job templates researchers start from, set up `at` the catalogue's date; operators edit them
 * at /operator/job-templates. On a database seeded before, the templates the platform provides
 * (found by their codes) are brought to this file's wording — name, description, script, image —
 * so a kept demo reads as a fresh one; the change is the operator's, audited now, and written only
 * where the text differs, so seeding again changes nothing. Whether a template is offered is left
 * as an operator set it, and templates added under other codes are never touched.
 */
export async function seedJobTemplates(database: Database, operator: User, at: Date) {
  for (const template of JOB_TEMPLATES) {
    const existing = await database.jobTemplate.findUnique({
      where: { code: template.code },
      select: { id: true },
    });
    if (!existing) {
      await createJobTemplate(database, actorFor(operator), template, at);
      continue;
    }
    // The code and kind say what the template is; the rest is its wording.
    const { code: _code, kind: _kind, ...wording } = template;
    await updateJobTemplate(database, actorFor(operator), { templateId: existing.id, ...wording });
  }
}

/**
 * Each demo programme as a step of the story, set up (by the programme administrator, or the
 * operator for the platform's own) a week before its first call opens, so its history (calls,
 * awards, usage) follows. Each step fills `ids` (name → id).
 */
export function programmeSteps(
  database: Database,
  people: { programmeAdmin: User; operator: User },
  now: number,
  ids: Map<string, string>,
  programmes: readonly ProgrammeSeed[] = PROGRAMMES,
): StoryStep[] {
  return programmes.map((seed) => {
    const createdAt = new Date(
      now + (Math.min(...seed.calls.map((call) => call.opensInDays)) - 7) * DAY,
    );
    const creator = seed.createdBy === "operator" ? people.operator : people.programmeAdmin;
    return {
      at: createdAt,
      run: () => seedProgramme(database, creator, seed, now, createdAt, ids),
    };
  });
}

async function seedProgramme(
  database: Database,
  creator: User,
  seed: ProgrammeSeed,
  now: number,
  createdAt: Date,
  ids: Map<string, string>,
): Promise<void> {
  const existing = await database.programme.findFirst({
    where: { name: seed.name },
    select: { id: true },
  });
  const id =
    existing?.id ??
    (
      await createProgramme(
        database,
        actorFor(creator),
        {
          ...seed,
          currency: "EUR",
          calls: seed.calls.map((call) => {
            const opensAt = new Date(now + call.opensInDays * DAY);
            return {
              name: demoCallName(call.kind, opensAt),
              opensAt,
              closesAt: new Date(now + call.closesInDays * DAY),
            };
          }),
        },
        createdAt,
      )
    ).id;
  ids.set(seed.name, id);
}

export interface DemoApplication {
  /** The applicant organisation's name (a step before the application's registers it). */
  organization: string;
  owner: User;
  title: string;
  /** The programme's name (a step before the application's sets it up). */
  programme: string;
  lines: { code: string; unitHours: number }[];
  /** Other de minimis aid declared with it (undertakings); days ago rather than dates, so that a fresh clone's demo is always within the three years. */
  otherDeMinimisAid?: { grantor: string; amountMinor: number; grantedDaysAgo: number }[];
  /** How far the demo takes it. */
  stage: "draft" | "submitted" | "under_review" | "approved";
  /**
   * Approved only: how many days before today the period asked for (and so the award) began.
   * None by default: an award approved lately is valid from today. Longer only when the demo has
   * usage on it from earlier (seed-billing's last month): that application went through an earlier
   * call, and its history (drafted, submitted, reviewed, decided) is dated before its award.
   */
  startedDaysAgo?: number;
}

/** An approved demo application's history, in days before its period starts. */
const APPROVED_HISTORY = { drafted: 12, submitted: 10, reviewStarted: 7, decided: 3 } as const;

/** An application not decided yet: its history so far, in days before today. */
const OPEN_HISTORY = { drafted: 6, submitted: 4, reviewStarted: 2 } as const;

export interface DemoApplicationTimeline {
  periodStart: Date;
  periodEnd: Date;
  drafted: Date;
  submitted: Date;
  reviewStarted: Date;
  decided: Date;
}

/**
 * When each step of a demo application happens, and the period it asks for. An approved one
 * begins now, or `startedDaysAgo` days ago, and was drafted, submitted, taken into review and
 * decided in the days before that (APPROVED_HISTORY), so its award — valid for exactly the
 * period, as approval takes the application's own dates — is decided before it starts and before
 * any usage on it. Any other was drafted, submitted and taken into review in the last few days
 * (OPEN_HISTORY; as far as its stage goes) for a period starting in a week, and is not decided
 * (`decided` is today, unused). Each period runs to 180 days from now (187 for those not yet
 * decided).
 */
export function demoApplicationTimeline(
  demo: Pick<DemoApplication, "stage" | "startedDaysAgo">,
  now: number,
): DemoApplicationTimeline {
  if (demo.stage !== "approved") {
    const ago = (days: number) => new Date(now - days * DAY);
    return {
      periodStart: new Date(now + 7 * DAY),
      periodEnd: new Date(now + 187 * DAY),
      drafted: ago(OPEN_HISTORY.drafted),
      submitted: ago(OPEN_HISTORY.submitted),
      reviewStarted: ago(OPEN_HISTORY.reviewStarted),
      decided: new Date(now),
    };
  }
  const start = now - (demo.startedDaysAgo ?? 0) * DAY;
  const before = (days: number) => new Date(start - days * DAY);
  return {
    periodStart: new Date(start),
    periodEnd: new Date(now + 180 * DAY),
    drafted: before(APPROVED_HISTORY.drafted),
    submitted: before(APPROVED_HISTORY.submitted),
    reviewStarted: before(APPROVED_HISTORY.reviewStarted),
    decided: before(APPROVED_HISTORY.decided),
  };
}

interface DemoApplicationsInput {
  classIds: Map<string, string>;
  /** Filled by the story's earlier steps: organisation name → id, programme name → id. */
  organizations: Map<string, { id: string }>;
  programmes: Map<string, string>;
  programmeAdmin: User;
  reviewer: User;
  applications: DemoApplication[];
  now: number;
}

/**
 * Drafts, submitted applications, applications under review with the demo reviewer, and approved
 * awards, as steps of the story: each transition of each application on its own date, so that
 * applications whose histories overlap are told interleaved, in date order.
 */
export function applicationSteps(database: Database, input: DemoApplicationsInput): StoryStep[] {
  const admin = actorFor(input.programmeAdmin);
  return input.applications.flatMap((demo) => {
    const timeline = demoApplicationTimeline(demo, input.now);
    const owner = actorFor(demo.owner);
    // Set by the draft step; null when the application was there already (or had no open call),
    // and then the later steps leave it as it is.
    let drafted: { id: string; tenant: TenantAccess } | null = null;
    const steps: StoryStep[] = [
      {
        at: timeline.drafted,
        run: async () => {
          drafted = await draftDemoApplication(database, input, demo, timeline);
        },
      },
    ];
    if (demo.stage === "draft") return steps;
    steps.push({
      at: timeline.submitted,
      run: async () => {
        if (!drafted) return;
        await submitApplication(
          drafted.tenant,
          owner,
          { applicationId: drafted.id },
          timeline.submitted,
        );
      },
    });
    if (demo.stage === "submitted") return steps;
    steps.push({
      at: timeline.reviewStarted,
      run: async () => {
        if (!drafted) return;
        const applicationId = drafted.id;
        // Waiting for the demo reviewer's score; an approved one was reviewed without one.
        if (demo.stage === "under_review") {
          await assignReviewer(
            database,
            admin,
            { applicationId, reviewerId: input.reviewer.id },
            timeline.reviewStarted,
          );
        } else {
          await beginApplicationReview(database, admin, { applicationId }, timeline.reviewStarted);
        }
      },
    });
    if (demo.stage === "under_review") return steps;
    steps.push({
      at: timeline.decided,
      run: async () => {
        if (!drafted) return;
        // Valid for the period the application asked for, no more and no less.
        await approveApplication(
          database,
          admin,
          {
            applicationId: drafted.id,
            note: "Approved in full. Report your results at the end of the period.",
          },
          timeline.decided,
        );
      },
    });
    return steps;
  });
}

/** Drafts a demo application when its organisation has none of its title yet. */
async function draftDemoApplication(
  database: Database,
  input: DemoApplicationsInput,
  demo: DemoApplication,
  timeline: DemoApplicationTimeline,
): Promise<{ id: string; tenant: TenantAccess } | null> {
  const organizationId = input.organizations.get(demo.organization)?.id;
  const programmeId = input.programmes.get(demo.programme);
  if (!organizationId || !programmeId) {
    throw new Error(
      `The demo application "${demo.title}" comes before its applicant or programme.`,
    );
  }
  const scoped = tenantScoped(database, organizationId);
  if (
    await scoped.allocationRequest.findFirst({ where: { title: demo.title }, select: { id: true } })
  )
    return null;
  const organization = await scoped.organization.findUniqueOrThrow({
    where: { id: organizationId },
  });
  const project = await scoped.project.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
  const programme = await database.programme.findUniqueOrThrow({
    where: { id: programmeId },
    include: { calls: { orderBy: { opensAt: "asc" } } },
  });
  // A call open from the day it is drafted to the day it is submitted.
  const call = programme.calls.find(
    (c) => c.opensAt <= timeline.drafted && timeline.submitted < c.closesAt,
  );
  if (!call) {
    console.info(
      `Skipped the demo application "${demo.title}": ${programme.name} has no call open on ${timeline.drafted.toISOString().slice(0, 10)}.`,
    );
    return null;
  }
  const tenant: TenantAccess = { organization, role: "OWNER", db: scoped };
  const draft = await createApplication(
    tenant,
    actorFor(demo.owner),
    {
      projectId: project.id,
      programmeId: programme.id,
      callId: call.id,
      title: demo.title,
      abstract: `${project.description ?? project.name} This application asks for compute on the national infrastructure to carry the work to publication.`,
      justification:
        "Hours are estimated from a pilot run on a 10 % sample of the data, scaled to the full data set with a 20 % margin for failed runs and evaluation.",
      dataClassification: project.classification,
      periodStart: timeline.periodStart,
      periodEnd: timeline.periodEnd,
      lines: demo.lines.map((line) => ({
        resourceClassId: input.classIds.get(line.code)!,
        unitHours: line.unitHours,
      })),
      ...(demo.otherDeMinimisAid
        ? {
            otherDeMinimisAid: demo.otherDeMinimisAid.map((aid) => ({
              grantor: aid.grantor,
              amountMinor: aid.amountMinor,
              grantedOn: stateAidDay(new Date(input.now - aid.grantedDaysAgo * DAY)),
            })),
          }
        : {}),
    },
    timeline.drafted,
  );
  return { id: draft.id, tenant };
}
