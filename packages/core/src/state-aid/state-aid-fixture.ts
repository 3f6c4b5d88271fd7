/**
 * De minimis test data (tests only): undertakings, programmes that pay a whole euro amount per
 * hour, and applications under review written straight into the tables, so that an approval's
 * gross grant equivalent is simply hours × the hourly programme share.
 */
import { randomBytes } from "node:crypto";
import type { Actor } from "../actor";
import type { Database, OrganizationKind } from "@tessera/db";

const suffix = () => randomBytes(5).toString("hex");
const DAY = 86_400_000;

export async function createAidUser(database: Database, programmeAdmin = false) {
  const tag = suffix();
  return database.user.create({
    data: {
      name: `Aid ${tag}`,
      email: `aid-${tag}@tessera.test`,
      platformRoles: programmeAdmin ? ["PROGRAM_ADMIN"] : [],
    },
  });
}

export function actorOf(user: { id: string; email: string | null }): Actor {
  return { userId: user.id, email: user.email, ip: null, userAgent: "state-aid-test" };
}

export async function createAidGroup(database: Database, name = `Group ${suffix()}`) {
  return database.undertakingGroup.create({
    data: { name, country: "DE", registryId: `HRB-${suffix().toUpperCase()}` },
  });
}

/** A verified organisation with a project, owned by a fresh user. */
export async function createAidOrganization(
  database: Database,
  options: {
    kind?: OrganizationKind;
    actsEconomically?: boolean;
    groupId?: string | null;
    name?: string;
  } = {},
) {
  const owner = await createAidUser(database);
  const tag = suffix();
  return database.organization.create({
    data: {
      name: options.name ?? `Aid Organisation ${tag}`,
      slug: `aid-${tag}`,
      kind: options.kind ?? "STARTUP",
      actsEconomically: options.actsEconomically ?? false,
      stateAidGroupId: options.groupId ?? null,
      country: "DE",
      registryId: `AID-${tag.toUpperCase()}`,
      contactName: "Aid Contact",
      contactEmail: `contact-${tag}@tessera.test`,
      status: "VERIFIED",
      createdById: owner.id,
      memberships: { create: { userId: owner.id, role: "OWNER" } },
      projects: { create: { slug: "aid", name: "Aid project", classification: "INTERNAL" } },
    },
    include: { projects: true },
  });
}

export type AidOrganization = Awaited<ReturnType<typeof createAidOrganization>>;

/**
 * A programme whose one resource class lists at `euroPerHour` (€1,000 unless told), paying all of
 * it (unless told another rate), with a generous budget and cap.
 */
export async function createAidProgramme(
  database: Database,
  options: { euroPerHour?: number; currency?: string; subsidyRateBps?: number } = {},
) {
  const creator = await createAidUser(database, true);
  const tag = suffix();
  const currency = options.currency ?? "EUR";
  const resourceClass = await database.resourceClass.create({
    data: {
      code: `aid-${tag}`,
      name: `Aid GPU ${tag}`,
      kind: "GPU",
      unit: "GPU",
      listPriceMinorPerHour: (options.euroPerHour ?? 1_000) * 100,
      currency,
      powerDrawWatts: 700,
    },
  });
  const programme = await database.programme.create({
    data: {
      slug: `aid-programme-${tag}`,
      name: `Aid Programme ${tag}`,
      sponsor: "Ministry of Aid Tests",
      description: "A programme made by a state-aid test fixture.",
      currency,
      budgetMinor: 10_000_000_000n,
      subsidyRateBps: options.subsidyRateBps ?? 10_000,
      orgCapMinor: 10_000_000_000n,
      eligibleKinds: [],
      eligibleCountries: [],
      createdById: creator.id,
      calls: {
        create: {
          name: `Call ${tag}`,
          opensAt: new Date(Date.now() - 400 * 7 * DAY),
          closesAt: new Date(Date.now() + 30 * DAY),
        },
      },
    },
    include: { calls: true },
  });
  return { programme, resourceClass };
}

export type AidProgramme = Awaited<ReturnType<typeof createAidProgramme>>;

/** An application under review for `hours` of the programme's class, with declared other aid. */
export async function applicationUnderReview(
  database: Database,
  organization: AidOrganization,
  { programme, resourceClass }: AidProgramme,
  hours: number,
  declared: { grantor: string; amountMinor: bigint; grantedOn: string }[] = [],
) {
  const application = await database.allocationRequest.create({
    data: {
      organizationId: organization.id,
      projectId: organization.projects[0]!.id,
      programmeId: programme.id,
      callId: programme.calls[0]!.id,
      status: "UNDER_REVIEW",
      title: `Aid application ${suffix()}`,
      abstract: "An application written by the state-aid test fixture.",
      justification: "It exists to be approved or refused against the de minimis ceiling.",
      dataClassification: "INTERNAL",
      periodStart: new Date(Date.now() + DAY),
      periodEnd: new Date(Date.now() + 120 * DAY),
      createdById: organization.createdById,
      submittedAt: new Date(),
      lines: {
        create: {
          resourceClassId: resourceClass.id,
          unitHours: hours,
          listPriceMinorPerHour: resourceClass.listPriceMinorPerHour,
        },
      },
      declaredAid: {
        create: declared.map((aid, position) => ({
          position,
          grantor: aid.grantor,
          amountMinor: aid.amountMinor,
          grantedOn: new Date(`${aid.grantedOn}T00:00:00Z`),
        })),
      },
    },
  });
  return application.id;
}
