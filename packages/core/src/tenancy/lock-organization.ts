import type { Prisma } from "@tessera/db";
import { notFound } from "../errors";

/**
 * Locks the organisation row until the transaction ends. Membership changes take this lock first,
 * so checks such as "is this the last owner?" are decided one at a time by the database even when
 * two administrators act at once.
 */
export async function lockOrganization(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  organizationId: string,
): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Organisation");
}
