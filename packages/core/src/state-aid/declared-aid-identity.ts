import { Prisma } from "@tessera/db";

/**
 * The one rule by which declared other aid counts once. The same aid is often declared with
 * several applications, and by several organisations of one group: two declared rows are one aid
 * when they belong to the same undertaking and name the same grantor (letter case and surrounding
 * spaces ignored), the same day and the same amount. The undertaking totals (sumUndertakingAid,
 * listUndertakings) add up each such aid once, and the ledger and its export mark the later rows
 * as repeats — all three with these fragments.
 */

/** The undertaking an organisation (`alias`, an "Organization" row) counts in: its group, or itself. */
export function undertakingOf(alias: string): Prisma.Sql {
  const o = Prisma.raw(`"${alias}"`);
  return Prisma.sql`COALESCE(${o}."stateAidGroupId", ${o}."id")`;
}

/**
 * A declared row's identity as three named columns ("grantorKey", "grantedOn", "amountMinor"),
 * from a "StateAidAward" row or, with `amountColumn` "amountMinor", a "DeclaredDeMinimisAid" row.
 */
export function declaredAidIdentity(
  alias: string,
  amountColumn: "grossGrantEquivalentMinor" | "amountMinor" = "grossGrantEquivalentMinor",
): Prisma.Sql {
  const r = Prisma.raw(`"${alias}"`);
  return Prisma.sql`lower(btrim(${r}."grantor")) AS "grantorKey", ${r}."grantedOn" AS "grantedOn", ${r}.${Prisma.raw(`"${amountColumn}"`)} AS "amountMinor"`;
}

/** The columns declaredAidIdentity names, to group or partition by. */
export const DECLARED_AID_IDENTITY_COLUMNS = Prisma.sql`"grantorKey", "grantedOn", "amountMinor"`;
