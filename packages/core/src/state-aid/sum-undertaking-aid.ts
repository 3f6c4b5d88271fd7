import type { Prisma } from "@tessera/db";
import { declaredAidIdentity } from "./declared-aid-identity";
import type { RollingWindow } from "./undertaking";

export interface UndertakingAid {
  /** Gross grant equivalents of awards booked through Tessera in the window. */
  awardedMinor: bigint;
  /** Other de minimis aid declared by the undertaking's organisations, granted in the window. */
  declaredMinor: bigint;
}

/**
 * What one undertaking — the organisation and, when it belongs to a group, every organisation of
 * the group — received in a rolling window, in euro cents. Declared aid counts once however often
 * it is declared (declaredAidIdentity: the same grantor, day and amount, from any organisation of
 * the group or any application); `pendingRequestId` adds the declaration of an application not
 * yet booked.
 */
export async function sumUndertakingAid(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  input: {
    organizationId: string;
    groupId: string | null;
    window: RollingWindow;
    pendingRequestId?: string | null;
  },
): Promise<UndertakingAid> {
  const { organizationId, groupId, window } = input;
  const pending = input.pendingRequestId ?? null;
  const [row] = await tx.$queryRaw<{ awarded: bigint; declared: bigint }[]>`
    WITH members AS (
      SELECT o."id" FROM "Organization" o
       WHERE o."id" = ${organizationId}
          OR (${groupId}::text IS NOT NULL AND o."stateAidGroupId" = ${groupId}::text)
    ),
    declared AS (
      SELECT ${declaredAidIdentity("s")}
        FROM "StateAidAward" s
       WHERE s."kind" = 'DECLARED'
         AND s."organizationId" IN (SELECT "id" FROM members)
         AND s."grantedOn" > ${window.after}::date AND s."grantedOn" <= ${window.through}::date
      UNION
      SELECT ${declaredAidIdentity("d", "amountMinor")}
        FROM "DeclaredDeMinimisAid" d
       WHERE d."requestId" = ${pending}::text
         AND d."grantedOn" > ${window.after}::date AND d."grantedOn" <= ${window.through}::date
    )
    SELECT
      (SELECT COALESCE(SUM(s."grossGrantEquivalentMinor"), 0)::bigint
         FROM "StateAidAward" s
        WHERE s."kind" = 'AWARD'
          AND s."organizationId" IN (SELECT "id" FROM members)
          AND s."grantedOn" > ${window.after}::date AND s."grantedOn" <= ${window.through}::date
      ) AS awarded,
      (SELECT COALESCE(SUM("amountMinor"), 0)::bigint FROM declared) AS declared`;
  return { awardedMinor: row?.awarded ?? 0n, declaredMinor: row?.declared ?? 0n };
}
