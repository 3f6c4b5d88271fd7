import { Prisma, rawQuery, type Database, type Membership, type Organization } from "@tessera/db";

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
  const rows = await rawQuery<Record<string, unknown>>(
    database,
    Prisma.sql`
      SELECT ${SELECTED}
        FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
       WHERE m."organizationId" = ${where.organizationId} AND m."userId" = ${where.userId}`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...pick<Membership>(row, "m", MEMBERSHIP_FIELDS),
    organization: pick<Organization>(row, "o", ORGANIZATION_FIELDS),
  };
}
