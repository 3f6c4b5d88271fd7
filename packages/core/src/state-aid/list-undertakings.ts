import { Prisma, type Database } from "@tessera/db";
import { AppError } from "../errors";
import { pageSize, type PageInput } from "../pagination";
import { toSafeNumber } from "../programmes/money";
import { deMinimisCeilingMinor } from "./ceiling";
import { declaredAidIdentity, undertakingOf } from "./declared-aid-identity";
import { stateAidDay, threeYearWindow } from "./undertaking";

/** ALL undertakings; WITH_AID: any aid in the window; NEAR_CEILING: 80 % of the ceiling or more. */
export type UndertakingFilter = "ALL" | "WITH_AID" | "NEAR_CEILING";

export interface ListUndertakingsInput extends PageInput {
  q?: string | null;
  filter?: UndertakingFilter | null;
}

export interface UndertakingSummary {
  /** The group's id, or the organisation's when it is an undertaking on its own. */
  key: string;
  group: { id: string; name: string; country: string; registryId: string } | null;
  organizations: { id: string; name: string; country: string; registryId: string }[];
  awardedMinor: number;
  declaredMinor: number;
  receivedMinor: number;
  remainingMinor: number;
  /** The last award booked in the window ("YYYY-MM-DD"), if any. */
  lastAwardOn: string | null;
}

interface Row {
  key: string;
  groupId: string | null;
  groupName: string | null;
  groupCountry: string | null;
  groupRegistryId: string | null;
  organizations: { id: string; name: string; country: string; registryId: string }[];
  awarded: bigint;
  declared: bigint;
  lastAwardOn: Date | null;
}

// The list is ordered by total, which changes as aid is booked: pages are numbered, and the
// cursor is the position of the next page.
function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`, "utf8").toString("base64url");
}

function decodeOffset(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^offset:(\d{1,9})$/.exec(
    /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "",
  );
  if (!match) {
    throw new AppError(
      "INVALID",
      "That page link is no longer valid. Start again from the first page.",
    );
  }
  return Number(match[1]);
}

/**
 * Every undertaking — a group of linked organisations, or an organisation on its own — with its
 * rolling three-year de minimis total as of today against the ceiling, the highest first. The same
 * sums as an approval's (sumUndertakingAid): booked awards, and declared other aid counted once.
 */
export async function listUndertakings(
  database: Database,
  input: ListUndertakingsInput,
  now: Date = new Date(),
) {
  const size = pageSize(input.limit);
  const offset = decodeOffset(input.cursor);
  const asOf = stateAidDay(now);
  const window = threeYearWindow(asOf);
  const ceiling = deMinimisCeilingMinor();
  const q = input.q?.trim() ? `%${input.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const filter = input.filter ?? "ALL";
  const threshold =
    filter === "NEAR_CEILING" ? (ceiling * 4n) / 5n : filter === "WITH_AID" ? 1n : 0n;
  const rows = await database.$queryRaw<Row[]>(Prisma.sql`
    WITH orgs AS (
      SELECT o."id", o."name", o."country", o."registryId", o."stateAidGroupId",
             ${undertakingOf("o")} AS unit
        FROM "Organization" o
       WHERE o."kind" IN ('STARTUP', 'SME', 'ENTERPRISE') OR o."actsEconomically"
          OR o."stateAidGroupId" IS NOT NULL
          OR EXISTS (SELECT 1 FROM "StateAidAward" s WHERE s."organizationId" = o."id")
    ),
    awarded AS (
      SELECT orgs.unit, SUM(s."grossGrantEquivalentMinor") AS amount, MAX(s."grantedOn") AS last
        FROM "StateAidAward" s JOIN orgs ON orgs."id" = s."organizationId"
       WHERE s."kind" = 'AWARD'
         AND s."grantedOn" > ${window.after}::date AND s."grantedOn" <= ${window.through}::date
       GROUP BY orgs.unit
    ),
    declared AS (
      SELECT d.unit, SUM(d."amountMinor") AS amount
        FROM (SELECT DISTINCT orgs.unit, ${declaredAidIdentity("s")}
                FROM "StateAidAward" s JOIN orgs ON orgs."id" = s."organizationId"
               WHERE s."kind" = 'DECLARED'
                 AND s."grantedOn" > ${window.after}::date AND s."grantedOn" <= ${window.through}::date
             ) d
       GROUP BY d.unit
    ),
    units AS (
      SELECT orgs.unit, MIN(orgs."stateAidGroupId") AS group_id, MIN(orgs."name") AS first_name,
             json_agg(json_build_object('id', orgs."id", 'name', orgs."name",
                                        'country', orgs."country", 'registryId', orgs."registryId")
                      ORDER BY orgs."name", orgs."id") AS organizations,
             bool_or(${q}::text IS NOT NULL AND (orgs."name" ILIKE ${q} OR orgs."registryId" ILIKE ${q})) AS matches
        FROM orgs GROUP BY orgs.unit
    )
    SELECT u.unit AS "key", g."id" AS "groupId", g."name" AS "groupName",
           g."country" AS "groupCountry", g."registryId" AS "groupRegistryId",
           u.organizations AS "organizations",
           COALESCE(a.amount, 0)::bigint AS "awarded", COALESCE(d.amount, 0)::bigint AS "declared",
           a.last AS "lastAwardOn"
      FROM units u
      LEFT JOIN "UndertakingGroup" g ON g."id" = u.group_id
      LEFT JOIN awarded a ON a.unit = u.unit
      LEFT JOIN declared d ON d.unit = u.unit
     WHERE (${q}::text IS NULL OR u.matches OR g."name" ILIKE ${q} OR g."registryId" ILIKE ${q})
       AND COALESCE(a.amount, 0) + COALESCE(d.amount, 0) >= ${threshold}
     ORDER BY COALESCE(a.amount, 0) + COALESCE(d.amount, 0) DESC,
              COALESCE(g."name", u.first_name) ASC, u.unit ASC
     LIMIT ${size + 1} OFFSET ${offset}`);
  const items: UndertakingSummary[] = rows.slice(0, size).map((row) => {
    const received = row.awarded + row.declared;
    return {
      key: row.key,
      group: row.groupId
        ? {
            id: row.groupId,
            name: row.groupName ?? "",
            country: row.groupCountry ?? "",
            registryId: row.groupRegistryId ?? "",
          }
        : null,
      organizations: row.organizations,
      awardedMinor: toSafeNumber(row.awarded),
      declaredMinor: toSafeNumber(row.declared),
      receivedMinor: toSafeNumber(received),
      remainingMinor: toSafeNumber(ceiling - received),
      lastAwardOn: row.lastAwardOn ? row.lastAwardOn.toISOString().slice(0, 10) : null,
    };
  });
  return {
    asOf,
    windowAfter: window.after,
    ceilingMinor: toSafeNumber(ceiling),
    items,
    nextCursor: rows.length > size ? encodeOffset(offset + size) : null,
  };
}
