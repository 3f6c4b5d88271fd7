/**
 * Rows the e2e worlds write straight to the e2e database (billing-world.ts, catalogue-world.ts):
 * a new verified organisation of the demo researcher's with a project and an approved award on
 * the seeded programme, as onboarding, an application and its approval would have left them.
 */
import type pg from "pg";
import { PERSONAS } from "@tessera/config";

export type Query = <R extends pg.QueryResultRow = Record<string, never>>(
  sql: string,
  values?: unknown[],
) => Promise<R[]>;

export function queryOn(client: pg.Client): Query {
  return async <R extends pg.QueryResultRow = Record<string, never>>(
    sql: string,
    values: unknown[] = [],
  ) => (await client.query<R>(sql, values)).rows;
}

/** The demo researcher and the seeded programme's first call. */
export async function researcherAndProgramme(q: Query, programmeName: string) {
  const [user] = await q<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [
    PERSONAS.find((p) => p.key === "researcher")!.email,
  ]);
  const [programme] = await q<{ id: string; callId: string }>(
    `SELECT p."id", c."id" AS "callId" FROM "Programme" p
       JOIN "ProgrammeCall" c ON c."programmeId" = p."id"
      WHERE p."name" = $1 ORDER BY c."opensAt" LIMIT 1`,
    [programmeName],
  );
  return { user, programme };
}

export interface AwardedOrganisation {
  /** The organisation's id and slug; its project is `<id>-project`, its award `<id>-award`. */
  id: string;
  name: string;
  userId: string;
  programme: { id: string; callId: string };
  project: { slug: string; name: string };
  /** The application's title (its abstract and justification too). */
  title: string;
  /** The award runs from this many days ago to this many days ahead. */
  daysBefore: number;
  daysAfter: number;
  subsidyRateBps: number;
  listValueMinor: number;
  programmeShareMinor: number;
}

export async function insertAwardedOrganisation(q: Query, o: AwardedOrganisation): Promise<void> {
  await q(
    `INSERT INTO "Organization" ("id", "slug", "name", "kind", "country", "registryId",
                                 "contactName", "contactEmail", "status", "createdById", "updatedAt")
     VALUES ($1, $1, $2, 'ACADEMIC', 'DE', $1, 'Ada Okafor', 'ada.okafor@northbridge.test',
             'VERIFIED', $3, now())`,
    [o.id, o.name, o.userId],
  );
  await q(
    `INSERT INTO "Project" ("id", "organizationId", "slug", "name", "updatedAt")
     VALUES ($1 || '-project', $1, $2, $3, now())`,
    [o.id, o.project.slug, o.project.name],
  );
  const period = [`${o.daysBefore} days`, `${o.daysAfter} days`];
  await q(
    `INSERT INTO "AllocationRequest" ("id", "organizationId", "projectId", "programmeId", "callId",
                                      "status", "title", "abstract", "justification",
                                      "dataClassification", "periodStart", "periodEnd",
                                      "createdById", "updatedAt")
     VALUES ($1 || '-request', $1, $1 || '-project', $2, $3, 'APPROVED', $4, $4, $4, 'INTERNAL',
             now() - $5::interval, now() + $6::interval, $7, now())`,
    [o.id, o.programme.id, o.programme.callId, o.title, ...period, o.userId],
  );
  await q(
    `INSERT INTO "Allocation" ("id", "organizationId", "programmeId", "requestId", "validFrom",
                               "validTo", "currency", "subsidyRateBps", "listValueMinor",
                               "programmeShareMinor", "tenantShareMinor")
     VALUES ($1 || '-award', $1, $2, $1 || '-request', now() - $3::interval,
             now() + $4::interval, 'EUR', $5, $6, $7, $8)`,
    [
      o.id,
      o.programme.id,
      ...period,
      o.subsidyRateBps,
      o.listValueMinor,
      o.programmeShareMinor,
      o.listValueMinor - o.programmeShareMinor,
    ],
  );
}
