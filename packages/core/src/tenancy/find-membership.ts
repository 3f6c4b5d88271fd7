import {
  Prisma,
  rawBatchQuery,
  rowsInOrder,
  type Database,
  type Membership,
  type Organization,
  type RawBatch,
} from "@tessera/db";

export type MembershipWithOrganization = Membership & { organization: Organization };

// Every scalar field of both models, each under a prefix, so that one row carries both without
// their shared column names (id, createdAt…) colliding. The lists come from the schema itself.
const MEMBERSHIP_FIELDS = Object.values(Prisma.MembershipScalarFieldEnum);
const ORGANIZATION_FIELDS = Object.values(Prisma.OrganizationScalarFieldEnum);
const SELECTED = Prisma.raw(
  [
    ...MEMBERSHIP_FIELDS.map((field) => `m."${field}" AS "m.${field}"`),
    ...ORGANIZATION_FIELDS.map((field) => `o."${field}" AS "o.${field}"`),
  ].join(", "),
);

function pick<T>(row: Record<string, unknown>, prefix: string, fields: readonly string[]): T {
  return Object.fromEntries(fields.map((field) => [field, row[`${prefix}.${field}`]])) as T;
}

type Key = { organizationId: string; userId: string };
type Row = Record<string, unknown>;

/** The check for one or several requests (those that queued behind the one being read). */
const MEMBERSHIPS: RawBatch<Key, Row, Row | undefined> = {
  key: "membership",
  line: "membership",
  statement: (keys) => Prisma.sql`
    SELECT k."ord", ${SELECTED}
      FROM unnest(${keys.map((k) => k.organizationId)}::text[], ${keys.map((k) => k.userId)}::text[])
             WITH ORDINALITY AS k("organizationId", "userId", "ord")
      JOIN "Membership" m ON m."organizationId" = k."organizationId" AND m."userId" = k."userId"
      JOIN "Organization" o ON o."id" = m."organizationId"`,
  results: rowsInOrder,
};

/**
 * The caller's membership of an organisation with the organisation itself, in one statement (the
 * check every tenant request starts with); null when the user is not a member, or the
 * organisation does not exist. The same objects as `membership.findUnique({ include:
 * { organization: true } })`, which takes two.
 */
export async function findMembership(
  database: Database,
  where: { organizationId: string; userId: string },
): Promise<MembershipWithOrganization | null> {
  const row = await rawBatchQuery(database, MEMBERSHIPS, where);
  if (!row) return null;
  return {
    ...pick<Membership>(row, "m", MEMBERSHIP_FIELDS),
    organization: pick<Organization>(row, "o", ORGANIZATION_FIELDS),
  };
}
