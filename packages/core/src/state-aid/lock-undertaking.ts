import type { OrganizationKind, Prisma } from "@tessera/db";
import { notFound } from "../errors";

export interface LockedUndertaking {
  organization: {
    id: string;
    name: string;
    kind: OrganizationKind;
    actsEconomically: boolean;
    stateAidGroupId: string | null;
  };
  group: { id: string; name: string } | null;
}

/**
 * Locks the organisation row, then its undertaking group's row, until the transaction ends. Every
 * booking of de minimis aid and every change of an organisation's state-aid facts takes these
 * locks in this order (organisation, then group), so two approvals for one undertaking — the same
 * organisation, or two organisations of one group — are decided one after the other, each seeing
 * what the other booked. (FOR NO KEY UPDATE: rows that merely reference the organisation are not
 * held up.)
 */
export async function lockUndertaking(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  organizationId: string,
): Promise<LockedUndertaking> {
  const [organization] = await tx.$queryRaw<LockedUndertaking["organization"][]>`
    SELECT "id", "name", "kind"::text AS "kind", "actsEconomically", "stateAidGroupId"
      FROM "Organization" WHERE "id" = ${organizationId} FOR NO KEY UPDATE`;
  if (!organization) throw notFound("Organisation");
  if (!organization.stateAidGroupId) return { organization, group: null };
  const [group] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "UndertakingGroup"
     WHERE "id" = ${organization.stateAidGroupId} FOR NO KEY UPDATE`;
  return { organization, group: group ?? null };
}
