/**
 * `pnpm db:seed` — demo data for development: every persona as a user who can sign in with the
 * development identity provider, five organisations (one an undertaking with a de minimis record,
 * one the platform's own, running its shared models on an award of the platform's operating
 * programme) and a few projects, the open-model catalogue and its serving runtimes, the shared
 * models' token tiers with an award of tokens to the demo researcher's organisation (and, with `--demo-jobs`, a few training jobs to watch).
 * Idempotent: it looks for what exists and creates only what is missing. State is created through the domain functions, so
 * the audit chain it leaves behind verifies.
 */
import { AUTH_PROVIDER_ID, PERSONAS, persona, serverEnv, type PersonaKey } from "@tessera/config";
import {
  createDatabase,
  tenantScoped,
  type DataClassification,
  type Organization,
  type OrganizationKind,
} from "@tessera/db";
import type { Actor } from "../src/actor";
import { setBillingAddress } from "../src/billing/set-billing-address";
import { createOrganization } from "../src/onboarding/create-organization";
import { verifyOrganization } from "../src/onboarding/verify-organization";
import { createProject } from "../src/projects/create-project";
import { tellStory, type StoryStep } from "./demo-story";
import {
  applicationSteps,
  programmeSteps,
  seedCatalogue,
  seedJobTemplates,
  type DemoApplication,
} from "./seed-programmes";
import { seedBilling } from "./seed-billing";
import { seedStateAid } from "./seed-state-aid";
import { seedDemoJobs } from "./seed-jobs";
import { seedModels } from "./seed-models";
import {
  PLATFORM_ORGANISATION,
  PLATFORM_PROJECT,
  platformServingApplication,
  seedSharedEndpoints,
  seedSharedModelTiers,
} from "./seed-shared-models";

interface OrganizationSeed {
  name: string;
  kind: OrganizationKind;
  country: string;
  registryId: string;
  website: string;
  /** The postal address its invoices name (the country is the organisation's). */
  billingAddress: string;
  owner: PersonaKey;
  verified: boolean;
  /** Registered this many days before the seed runs; verified (if it is) a day later. */
  registeredDaysAgo: number;
  projects: {
    name: string;
    description: string;
    classification: DataClassification;
    residency: string | null;
  }[];
}

const ORGANIZATIONS: OrganizationSeed[] = [
  {
    name: "Northbridge University AI Lab",
    kind: "ACADEMIC",
    country: "GB",
    registryId: "RC000742",
    website: "https://ai.northbridge.test",
    billingAddress:
      "Northbridge University, Faculty of Computing\n12 Observatory Road\nNorthbridge NB4 7AL",
    owner: "researcher",
    verified: true,
    registeredDaysAgo: 160,
    projects: [
      {
        name: "Multilingual speech models",
        description: "Pre-training speech encoders on public broadcast archives.",
        classification: "INTERNAL",
        residency: null,
      },
      {
        name: "Clinical notes summarisation",
        description: "Fine-tuning on de-identified hospital notes under a data-sharing agreement.",
        classification: "RESTRICTED",
        residency: "GB",
      },
    ],
  },
  {
    name: "Alpine Institute of Technology",
    kind: "ACADEMIC",
    country: "CH",
    registryId: "CHE-109.322.551",
    website: "https://alpine-institute.test",
    billingAddress: "Alpine Institute of Technology\nRämistrasse 101\n8092 Zürich",
    owner: "researcher2",
    verified: true,
    registeredDaysAgo: 150,
    projects: [
      {
        name: "Glacier remote sensing",
        description: "Segmentation of satellite imagery for glacier retreat monitoring.",
        classification: "PUBLIC",
        residency: "EU",
      },
    ],
  },
  {
    name: "Lumen Robotics",
    kind: "STARTUP",
    country: "IT",
    registryId: "MI-2650142",
    website: "https://lumen-robotics.test",
    billingAddress: "Via Tortona 27\n20144 Milano MI",
    owner: "founder",
    verified: false,
    registeredDaysAgo: 3,
    projects: [
      {
        name: "Warehouse grasping policy",
        description: "Imitation learning for pick-and-place from teleoperation data.",
        classification: "CONFIDENTIAL",
        residency: "EU",
      },
    ],
  },
  // An undertaking with a de minimis record: an award booked with other aid declared, and an
  // application waiting for the programme administrator with the figures beside it.
  {
    name: "Vela Vision Systems",
    kind: "SME",
    country: "DE",
    registryId: "HRB 204518",
    website: "https://vela-vision.test",
    billingAddress: "Industriestraße 14\n76189 Karlsruhe",
    owner: "founder",
    verified: true,
    registeredDaysAgo: 140,
    projects: [
      {
        name: "Visual inspection models",
        description: "Defect detection on production lines from camera streams.",
        classification: "CONFIDENTIAL",
        residency: "EU",
      },
    ],
  },
  // The platform's own organisation: it runs the shared models every holder of their tokens
  // calls through the gateway (seed-shared-models.ts), on compute awarded by the platform's
  // operating programme, which pays all of it (not by a subsidy programme: the tokens are).
  {
    name: PLATFORM_ORGANISATION,
    kind: "PUBLIC_BODY",
    country: "BE",
    registryId: "TESSERA-PLATFORM-0001",
    website: "https://platform.tessera.test",
    billingAddress: "Rue de la Science 14\n1040 Bruxelles",
    owner: "operator",
    verified: true,
    registeredDaysAgo: 200,
    projects: [
      {
        name: PLATFORM_PROJECT,
        description:
          "The platform's shared chat models, served to every organisation holding tokens of their tier.",
        classification: "PUBLIC",
        residency: "EU",
      },
    ],
  },
];

const DAY = 86_400_000;
const database = createDatabase();

const NATIONAL = "National AI Compute Programme 2026";

/** The demo's applications, from drafts to awards (seed-programmes.ts: applicationSteps). */
function demoApplications(users: Map<PersonaKey, { id: string; email: string | null }>) {
  return [
    {
      organization: "Northbridge University AI Lab",
      owner: users.get("researcher")!,
      title: "Multilingual speech encoders for public broadcasters",
      programme: NATIONAL,
      lines: [
        { code: "h100-80gb", unitHours: 12_000 },
        { code: "cpu-core", unitHours: 50_000 },
      ],
      stage: "under_review",
    },
    {
      organization: "Northbridge University AI Lab",
      owner: users.get("researcher")!,
      title: "Speech encoder pilot runs",
      programme: NATIONAL,
      lines: [
        { code: "h100-80gb", unitHours: 200 },
        { code: "cpu-core", unitHours: 5_000 },
      ],
      stage: "approved",
      // Its award covers last month, whose usage the demo invoice bills (seed-billing).
      startedDaysAgo: 70,
    },
    {
      organization: "Alpine Institute of Technology",
      owner: users.get("researcher2")!,
      title: "Glacier segmentation at continental scale",
      programme: NATIONAL,
      lines: [
        { code: "h100-80gb", unitHours: 4_000 },
        { code: "mig-1g.10gb", unitHours: 8_000 },
      ],
      stage: "approved",
    },
    {
      organization: "Alpine Institute of Technology",
      owner: users.get("researcher2")!,
      title: "Snow cover nowcasting (draft)",
      programme: NATIONAL,
      lines: [{ code: "l40s-48gb", unitHours: 2_000 }],
      stage: "draft",
    },
    {
      organization: "Vela Vision Systems",
      owner: users.get("founder")!,
      title: "Inference for visual inspection on the line",
      programme: "Startup Inference Credits",
      lines: [{ code: "l40s-48gb", unitHours: 30_000 }],
      otherDeMinimisAid: [
        { grantor: "Bavarian Digital Bonus", amountMinor: 1_250_000, grantedDaysAgo: 400 },
      ],
      stage: "approved",
    },
    // Tokens of the shared models for the demo researcher's organisation: 2 million of the 8B
    // tier, 10 million of the CPU tier (whole millions of tokens, the tiers' priced unit).
    {
      organization: "Northbridge University AI Lab",
      owner: users.get("researcher")!,
      title: "Shared chat models for transcript clean-up",
      programme: NATIONAL,
      lines: [
        { code: "shared-8b-tokens", unitHours: 2 },
        { code: "shared-cpu-tokens", unitHours: 10 },
      ],
      stage: "approved",
    },
    // The compute the platform's shared endpoints run on, from the platform's operating
    // programme rather than the national one, which pays its share of the tokens already.
    platformServingApplication(users.get("operator")!),
    {
      organization: "Vela Vision Systems",
      owner: users.get("founder")!,
      title: "Defect detection foundation model",
      programme: NATIONAL,
      lines: [{ code: "h100-80gb", unitHours: 10_000 }],
      otherDeMinimisAid: [
        { grantor: "Bavarian Digital Bonus", amountMinor: 1_250_000, grantedDaysAgo: 400 },
      ],
      stage: "submitted",
    },
  ] satisfies DemoApplication[];
}

function actorFor(user: { id: string; email: string | null }): Actor {
  return { userId: user.id, email: user.email, ip: null, userAgent: "tessera-seed" };
}

async function seedUsers() {
  const users = new Map<PersonaKey, { id: string; email: string | null }>();
  for (const p of PERSONAS) {
    const user = await database.user.upsert({
      where: { email: p.email },
      update: { name: p.name, platformRoles: p.platformRoles },
      create: {
        email: p.email,
        name: p.name,
        platformRoles: p.platformRoles,
        emailVerified: new Date(),
      },
    });
    await database.account.upsert({
      where: {
        provider_providerAccountId: { provider: AUTH_PROVIDER_ID, providerAccountId: p.sub },
      },
      update: { userId: user.id },
      create: {
        userId: user.id,
        type: "oidc",
        provider: AUTH_PROVIDER_ID,
        providerAccountId: p.sub,
      },
    });
    users.set(p.key, user);
  }
  return users;
}

/**
 * An organisation's registration, its verification a day later (if it is verified) and its
 * projects set up the day after, as steps of the story; before the programmes' calls it applied
 * in. Its registration step fills `organizations` (name → organisation). What exists already the
 * seed leaves as it is.
 */
function organizationSteps(
  seed: OrganizationSeed,
  users: Map<PersonaKey, { id: string; email: string | null }>,
  now: number,
  organizations: Map<string, Organization>,
): StoryStep[] {
  const owner = users.get(seed.owner)!;
  const admin = users.get("platformAdmin")!;
  const registered = now - seed.registeredDaysAgo * DAY;
  const tenantOf = (organization: Organization) => ({
    organization,
    role: "OWNER" as const,
    db: tenantScoped(database, organization.id),
  });
  const steps: StoryStep[] = [
    {
      at: new Date(registered),
      run: async () => {
        const organization =
          (await database.organization.findUnique({
            where: { country_registryId: { country: seed.country, registryId: seed.registryId } },
          })) ??
          (await createOrganization(
            database,
            actorFor(owner),
            {
              name: seed.name,
              kind: seed.kind,
              country: seed.country,
              registryId: seed.registryId,
              website: seed.website,
              contactName: persona(seed.owner).name,
              contactEmail: persona(seed.owner).email,
            },
            new Date(registered),
          ));
        organizations.set(seed.name, organization);
      },
    },
  ];
  if (seed.verified) {
    const verified = new Date(registered + DAY);
    steps.push({
      at: verified,
      run: async () => {
        const organization = organizations.get(seed.name)!;
        if (organization.status !== "PENDING") return;
        organizations.set(
          seed.name,
          await verifyOrganization(database, actorFor(admin), organization.id, verified),
        );
      },
    });
  }
  const setUp = new Date(registered + 2 * DAY);
  steps.push({
    at: setUp,
    run: async () => {
      const tenant = tenantOf(organizations.get(seed.name)!);
      for (const project of seed.projects) {
        const exists = await tenant.db.project.findFirst({
          where: { name: project.name },
          select: { id: true },
        });
        if (!exists) await createProject(tenant, actorFor(owner), project, setUp);
      }
      // Invoices name the postal address they are issued with; an address already on file stays.
      const account = await tenant.db.billingAccount.findUnique({
        where: { organizationId: tenant.organization.id },
        select: { billingAddress: true },
      });
      if (!account?.billingAddress) {
        await setBillingAddress(tenant, actorFor(owner), {
          address: seed.billingAddress,
          now: setUp,
        });
      }
    },
  });
  return steps;
}

try {
  const users = await seedUsers();
  const now = Date.now();
  const operator = users.get("operator")!;
  const organizations = new Map<string, Organization>();
  const programmes = new Map<string, string>();
  const classIds = new Map<string, string>();
  // The platform was set up before its first tenant registered: the catalogue (classes, prices,
  // clusters), job templates and models, ten days before the first organisation.
  const platformSetUp = new Date(
    now - (Math.max(...ORGANIZATIONS.map((seed) => seed.registeredDaysAgo)) + 10) * DAY,
  );
  const vela = ORGANIZATIONS.find((seed) => seed.name === "Vela Vision Systems")!;
  // Everything up to today, in date order: the audit log's order and its dates agree.
  await tellStory([
    { at: platformSetUp, run: () => seedCatalogue(database, operator, platformSetUp, classIds) },
    { at: platformSetUp, run: () => seedJobTemplates(database, operator, platformSetUp) },
    { at: platformSetUp, run: () => seedModels(database, operator, platformSetUp) },
    {
      at: platformSetUp,
      run: () => seedSharedModelTiers(database, actorFor(operator), platformSetUp),
    },
    ...ORGANIZATIONS.flatMap((seed) => organizationSteps(seed, users, now, organizations)),
    // Vela joins its undertaking group once set up, before it applies for de minimis aid.
    ...[new Date(now - (vela.registeredDaysAgo - 3) * DAY)].map((at) => ({
      at,
      run: () =>
        seedStateAid(database, {
          platformAdmin: actorFor(users.get("platformAdmin")!),
          organizationId: organizations.get(vela.name)!.id,
          at,
        }),
    })),
    ...programmeSteps(
      database,
      { programmeAdmin: users.get("programAdmin")!, operator },
      now,
      programmes,
    ),
    ...applicationSteps(database, {
      classIds,
      organizations,
      programmes,
      programmeAdmin: users.get("programAdmin")!,
      reviewer: users.get("reviewer")!,
      now,
      applications: demoApplications(users),
    }),
  ]);
  for (const organization of organizations.values()) {
    console.info(`${organization.name}: ${organization.status.toLowerCase()}`);
  }
  const sharedEndpoints = await seedSharedEndpoints(database, {
    organizationId: organizations.get(PLATFORM_ORGANISATION)!.id,
    owner: actorFor(users.get("operator")!),
    operator: actorFor(users.get("operator")!),
  });
  if (sharedEndpoints > 0)
    console.info(
      `Deployed ${sharedEndpoints} shared endpoint${sharedEndpoints === 1 ? "" : "s"} of ${PLATFORM_ORGANISATION}.`,
    );
  const billing = await seedBilling(database, {
    organizationId: organizations.get("Northbridge University AI Lab")!.id,
    sellerCountry: serverEnv().BILLING_SELLER_COUNTRY,
  });
  if (billing.invoiceNumber)
    console.info(
      `Last month's invoice ${billing.invoiceNumber}: ${billing.paid ? "paid" : "not paid"}.`,
    );
  // infra/up.sh asks for a few jobs to watch; tests want an organisation without any.
  if (process.argv.includes("--demo-jobs")) {
    const submitted = await seedDemoJobs(
      database,
      actorFor(users.get("researcher")!),
      organizations.get("Northbridge University AI Lab")!.id,
    );
    const said = [
      submitted.jobs > 0 && `${submitted.jobs} demo training job${submitted.jobs === 1 ? "" : "s"}`,
      submitted.endpoints > 0 &&
        `${submitted.endpoints} inference endpoint${submitted.endpoints === 1 ? "" : "s"}`,
    ].filter(Boolean);
    if (said.length > 0)
      console.info(
        `Submitted ${said.join(" and ")}; the worker runs them on the simulated cluster once it starts.`,
      );
  }
  console.info(
    `Seeded ${PERSONAS.length} personas, ${ORGANIZATIONS.length} organisations, the catalogue and ${programmes.size} programmes.`,
  );
} finally {
  await database.$disconnect();
}
