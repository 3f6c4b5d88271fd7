/**
 * Integration-test fixtures for catalogue, programmes, applications, reviews and allocations.
 * Each makes its own rows with a random suffix, so tests never share them. Tests only.
 */
import { db, type OrganizationKind, type ResourceKind } from "@tessera/db";
import {
  callerFor,
  createTestOrganization,
  createTestUser,
  uniqueSuffix,
  type TestPrincipal,
} from "../../test-helpers";

const DAY = 86_400_000;

export async function createTestResourceClass(
  options: {
    listPriceMinorPerHour?: number;
    currency?: string;
    kind?: ResourceKind;
    name?: string;
  } = {},
) {
  const suffix = uniqueSuffix();
  return db.resourceClass.create({
    data: {
      code: `test-${suffix}`,
      name: options.name ?? `Test GPU ${suffix}`,
      kind: options.kind ?? "GPU",
      unit: "GPU",
      listPriceMinorPerHour: options.listPriceMinorPerHour ?? 295,
      currency: options.currency ?? "EUR",
      powerDrawWatts: 700,
    },
  });
}

export interface TestProgrammeOptions {
  budgetMinor?: number;
  subsidyRateBps?: number;
  orgCapMinor?: number;
  eligibleKinds?: OrganizationKind[];
  eligibleCountries?: string[];
  /** Where "now" falls in the call: open (default), upcoming or closed. */
  call?: "open" | "upcoming" | "closed";
  currency?: string;
}

/** A programme written directly (no audit event) with one call. */
export async function createTestProgramme(options: TestProgrammeOptions = {}) {
  const creator = await createTestUser({ platformRoles: ["PROGRAM_ADMIN"] });
  const suffix = uniqueSuffix();
  const now = Date.now();
  const window = {
    open: { opensAt: new Date(now - DAY), closesAt: new Date(now + 30 * DAY) },
    upcoming: { opensAt: new Date(now + 10 * DAY), closesAt: new Date(now + 40 * DAY) },
    closed: { opensAt: new Date(now - 40 * DAY), closesAt: new Date(now - DAY) },
  }[options.call ?? "open"];
  return db.programme.create({
    data: {
      slug: `test-programme-${suffix}`,
      name: `Test Programme ${suffix}`,
      sponsor: "Ministry of Testing",
      description: "A programme made by a test fixture.",
      currency: options.currency ?? "EUR",
      budgetMinor: options.budgetMinor ?? 100_000_000,
      subsidyRateBps: options.subsidyRateBps ?? 7_000,
      orgCapMinor: options.orgCapMinor ?? options.budgetMinor ?? 100_000_000,
      eligibleKinds: options.eligibleKinds ?? [],
      eligibleCountries: options.eligibleCountries ?? [],
      createdById: creator.id,
      calls: { create: { name: `Call ${suffix}`, ...window } },
    },
    include: { calls: true },
  });
}

export type TestProgramme = Awaited<ReturnType<typeof createTestProgramme>>;

/** A verified organisation with an owner and a project, ready to apply. */
export async function createTestApplicant(
  options: { kind?: OrganizationKind; country?: string; status?: "VERIFIED" | "PENDING" } = {},
) {
  const owner = await createTestUser();
  const org = await createTestOrganization(owner.id, options.status ?? "VERIFIED", {
    kind: options.kind,
    country: options.country,
  });
  const project = await db.project.create({
    data: {
      organizationId: org.id,
      slug: `project-${uniqueSuffix()}`,
      name: "Applied research",
      classification: "INTERNAL",
    },
  });
  return { owner, org, project };
}

export type TestApplicant = Awaited<ReturnType<typeof createTestApplicant>>;

export function draftInput(
  applicant: TestApplicant,
  programme: TestProgramme,
  lines: { resourceClassId: string; unitHours: number }[],
) {
  const now = Date.now();
  return {
    organizationId: applicant.org.id,
    projectId: applicant.project.id,
    programmeId: programme.id,
    callId: programme.calls[0]!.id,
    title: "Training multilingual speech encoders",
    abstract: "We pre-train speech encoders on public broadcast archives in twelve languages.",
    justification:
      "Pre-training needs sustained multi-node GPU time; we estimated hours from a pilot run.",
    dataClassification: "INTERNAL" as const,
    periodStart: new Date(now + DAY),
    periodEnd: new Date(now + 180 * DAY),
    lines,
  };
}

/** Drafts and submits an application; returns its id. */
export async function submittedApplication(
  applicant: TestApplicant,
  programme: TestProgramme,
  lines: { resourceClassId: string; unitHours: number }[],
): Promise<string> {
  const caller = callerFor(applicant.owner);
  const draft = await caller.applications.create(draftInput(applicant, programme, lines));
  await caller.applications.submit({ organizationId: applicant.org.id, applicationId: draft.id });
  return draft.id;
}

export async function createProgrammeAdmin(): Promise<TestPrincipal> {
  return createTestUser({ platformRoles: ["PROGRAM_ADMIN"] });
}

export async function createReviewer(): Promise<TestPrincipal> {
  return createTestUser({ platformRoles: ["REVIEWER"] });
}

/** Submitted and put under review by `admin`. */
export async function applicationUnderReview(
  admin: TestPrincipal,
  applicant: TestApplicant,
  programme: TestProgramme,
  lines: { resourceClassId: string; unitHours: number }[],
): Promise<string> {
  const id = await submittedApplication(applicant, programme, lines);
  await callerFor(admin).applications.admin.startReview({ applicationId: id });
  return id;
}
